// Every file of the bad-input corpus (fixtures/bad, described in its manifest) imports or is refused
// exactly as the manifest says: refusal messages name the file and the problem; skipped rows name the column.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTasksFromBytes } from './import-tasks';

interface Entry {
  file: string;
  what: string;
  outcome: 'refused' | 'imported';
  messageIncludes?: string[];
  rows?: number;
  skipped?: number;
  problemColumns?: string[];
}

const manifest = JSON.parse(readFileSync('fixtures/bad/manifest.json', 'utf8')) as Entry[];

describe('bad-input corpus', () => {
  it('covers at least 20 files', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(20);
  });

  it.each(manifest.map((e) => [e.file, e] as const))('%s', (file, entry) => {
    const result = importTasksFromBytes(new Uint8Array(readFileSync(`fixtures/bad/${file}`)), file);
    if (entry.outcome === 'refused') {
      expect(result.kind, entry.what).toBe('refused');
      if (result.kind !== 'refused') return;
      expect(result.message.startsWith(`${file} `)).toBe(true);
      expect(result.message.endsWith('.')).toBe(true);
      for (const part of entry.messageIncludes ?? []) expect(result.message).toContain(part);
      return;
    }
    if (result.kind !== 'ok') throw new Error(`${file} was refused: ${result.message}`);
    const { tasks, report } = result.dataset;
    expect(tasks).toHaveLength(entry.rows ?? 0);
    expect(report.skippedRows).toBe(entry.skipped ?? 0);
    expect(report.problems.map((p) => p.column).sort()).toEqual([...(entry.problemColumns ?? [])].sort());
    for (const p of report.problems) {
      expect(p.row).toBeGreaterThan(0);
      expect(p.reason.length).toBeGreaterThan(3);
    }
  });
});
