// The fingerprint is stored in saved sessions and model bundles, so the same file must always give the
// same one: these pins were taken before the import was made faster and must never move.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fingerprintBytes, fingerprintTasks } from './fingerprint';
import { importTasksFromBytes } from './import-tasks';

const PINNED: Record<string, string> = {
  'fixtures/seed-shaped.csv': 'sha256:a0b3ad685eff8ab2e1501c77da7b147b81c968bc586c80256ef9e06db8d13ba9',
  'fixtures/seed-shaped.json': 'sha256:a0b3ad685eff8ab2e1501c77da7b147b81c968bc586c80256ef9e06db8d13ba9',
  'fixtures/medium.csv': 'sha256:e421efc54414551cdfdcf954c9e8bb8e34c0bf3487d5bef09b8f0b7539de79fc',
};

const tasksOf = (path: string) => {
  const result = importTasksFromBytes(new Uint8Array(readFileSync(path)), path);
  if (result.kind !== 'ok') throw new Error(result.message);
  return result.dataset.tasks;
};

describe('fingerprintTasks', () => {
  it.each(Object.entries(PINNED))('gives %s its pinned fingerprint', async (path, fingerprint) => {
    expect(await fingerprintTasks(tasksOf(path))).toBe(fingerprint);
  });

  it('hashes the names as JSON, then eight little-endian float64 numbers per task', () => {
    const tasks = tasksOf('fixtures/seed-shaped.csv');
    const bytes = fingerprintBytes(tasks);
    const names = JSON.stringify({
      version: 1,
      users: [...new Set(tasks.map((t) => t.userId))].sort(),
      topics: [...new Set(tasks.map((t) => t.topic))].sort(),
    });
    const nameBytes = new TextEncoder().encode(names);
    expect(bytes.length).toBe(nameBytes.length + tasks.length * 64);
    expect(bytes.subarray(0, nameBytes.length)).toEqual(nameBytes);
    const view = new DataView(bytes.buffer, bytes.byteOffset + nameBytes.length);
    const last = tasks.length - 1;
    const t = tasks[last]!;
    expect(view.getFloat64(last * 64 + 3 * 8, true)).toBe(t.completedAtMs);
    expect(view.getFloat64(last * 64 + 5 * 8, true)).toBe(t.actualTimeSeconds);
    expect(view.getFloat64(last * 64 + 7 * 8, true)).toBe(t.trueP ?? -1);
  });
});
