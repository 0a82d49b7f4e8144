// The fingerprint is stored in saved sessions and model bundles, so the same file must always give the
// same one: these pins were taken before the import was made faster and must never move.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fingerprintBytes, fingerprintTasks } from './fingerprint';
import { importTasksFromBytes } from './import-tasks';
import { summarizeDataset } from './summarize-dataset';
import { DIFFICULTIES, type Task } from './task';

const PINNED: Record<string, string> = {
  'fixtures/seed-shaped.csv': 'sha256:a0b3ad685eff8ab2e1501c77da7b147b81c968bc586c80256ef9e06db8d13ba9',
  'fixtures/seed-shaped.json': 'sha256:a0b3ad685eff8ab2e1501c77da7b147b81c968bc586c80256ef9e06db8d13ba9',
  'fixtures/medium.csv': 'sha256:e421efc54414551cdfdcf954c9e8bb8e34c0bf3487d5bef09b8f0b7539de79fc',
};

/** The bytes as the first implementation wrote them, kept here as the reference. */
function referenceBytes(tasks: readonly Task[]): Uint8Array {
  const sorted = (values: string[]) => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const users = sorted(tasks.map((t) => t.userId));
  const topics = sorted(tasks.map((t) => t.topic));
  const names = new TextEncoder().encode(JSON.stringify({ version: 1, users, topics }));
  const numbers = new Float64Array(tasks.length * 8);
  tasks.forEach((t, i) => {
    numbers.set(
      [
        users.indexOf(t.userId),
        topics.indexOf(t.topic),
        DIFFICULTIES.indexOf(t.difficulty),
        t.completedAtMs,
        t.isCorrect ? 1 : 0,
        t.actualTimeSeconds,
        t.predictedCorrect ?? -1,
        t.trueP ?? -1,
      ],
      i * 8,
    );
  });
  const bytes = new Uint8Array(names.length + numbers.byteLength);
  bytes.set(names);
  bytes.set(new Uint8Array(numbers.buffer), names.length);
  return bytes;
}

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

  it('writes the reference bytes, also when the names outgrow the room kept for them', async () => {
    const seed = tasksOf('fixtures/seed-shaped.csv');
    // 917 users with 120-character names: over 100 kB of names, beyond the 64 KiB kept before the numbers.
    const many = seed.map((t, i) => ({ ...t, userId: `user-${i}-${'x'.repeat(110)}` }));
    const wide = Array.from({ length: 4000 }, (_, i) => ({
      ...(seed[i % seed.length] as Task),
      userId: `u${i}`,
    }));
    for (const tasks of [seed, many, wide, seed.slice(0, 1)]) {
      expect(fingerprintBytes(tasks)).toEqual(referenceBytes(tasks));
      const report = {
        fileName: 'f',
        format: 'csv',
        rowsRead: 0,
        notCompletedRows: 0,
        skippedRows: 0,
      } as const;
      const summary = await summarizeDataset({
        tasks,
        report: { ...report, problems: [], ignoredColumns: [], columnMap: {} },
      });
      expect(summary.fingerprint).toBe(await fingerprintTasks(tasks));
    }
  });
});
