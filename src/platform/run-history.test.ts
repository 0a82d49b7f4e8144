import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../core/evaluation/verdicts';
import type { RunRecord } from '../core/report/run-record';
import { indexedDbRunHistory } from './run-history';
import { indexedDbSession } from './session-store';

const run = (id: string, startedAt: string): RunRecord => ({
  id,
  name: id,
  startedAt,
  durationMs: 1,
  outcome: 'complete',
  requested: [],
  dataset: { fileName: 'a.csv', fingerprint: 'sha256:a', rows: 1, users: 1 },
  settings: { seed: 1, backend: 'auto', workers: 'auto', thresholds: { ...DEFAULT_THRESHOLDS }, options: {} },
  strategies: [],
});

describe('the run history store', () => {
  it('lists runs newest first, renames by putting, deletes one, and is cleared with all data', async () => {
    await indexedDbRunHistory.put(run('b', '2026-12-02T00:00:00Z'));
    await indexedDbRunHistory.put(run('a', '2026-12-01T00:00:00Z'));
    await indexedDbRunHistory.put(run('c', '2026-12-03T00:00:00Z'));
    expect((await indexedDbRunHistory.list()).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    await indexedDbRunHistory.put({ ...run('b', '2026-12-02T00:00:00Z'), name: 'baseline' });
    expect((await indexedDbRunHistory.list()).map((r) => r.name)).toEqual(['c', 'baseline', 'a']);
    await indexedDbRunHistory.delete('c');
    expect((await indexedDbRunHistory.list()).map((r) => r.id)).toEqual(['b', 'a']);
    await indexedDbSession.clearAll();
    expect(await indexedDbRunHistory.list()).toEqual([]);
  });
});
