import { describe, expect, it } from 'vitest';
import { composeReport, frameOf } from './compose-report';
import type { Report, ReportStrategy } from './report-types';

const entry = (id: string, trainMs: number) =>
  ({
    status: 'failed',
    id,
    label: id,
    options: {},
    trainMs,
    error: 'x',
    seed: 7,
    seeds: [7],
    backend: 'cpu',
    trainedAt: '2026-01-01T00:00:00.000Z',
    thresholds: {},
    validation: { mode: 'per-user-tail', share: 0.2 },
  }) as unknown as ReportStrategy;

describe('composeReport', () => {
  it('puts the latest result of each strategy into the frame, in the given order', () => {
    const report = {
      schemaVersion: 2,
      seed: 7,
      seeds: [7],
      thresholds: { minPassRate: 0.8 },
      split: { testRows: 10, perUser: [] },
      strategies: [entry('b', 1)],
    } as unknown as Report;
    const frame = frameOf(report);
    expect(frame).not.toHaveProperty('strategies');
    const composed = composeReport(frame, { c: entry('c', 3), own: entry('own', 4), a: entry('a', 2) }, [
      'a',
      'b',
      'c',
    ]);
    expect(composed.seed).toBe(7);
    // Results of ids outside the order (own recipes) come after, as they were added.
    expect(composed.strategies.map((s) => s.id)).toEqual(['a', 'c', 'own']);
    expect(composed.mixedRuns).toBeNull();
    expect(composed.recommendation.kind).toBe('nothing trained');
  });

  it('says when entries come from different runs, and drops comparisons of a retrained strategy', () => {
    const frame = frameOf({
      seeds: [7],
      thresholds: { minPassRate: 0.8 },
      split: { testRows: 10, perUser: [] },
    } as unknown as Report);
    const later = { ...entry('per-user', 3), seeds: [9, 10], trainedAt: '2026-01-02T00:00:00.000Z' };
    const composed = composeReport(
      frame,
      { 'full-retrain': entry('full-retrain', 2), 'per-user': later },
      [],
      {
        comparisons: [
          { strategy: 'per-user', against: 'constant-rate' } as never,
          { strategy: 'full-retrain', against: 'constant-rate' } as never,
        ],
        basis: { 'per-user': '2026-01-01T00:00:00.000Z', 'full-retrain': '2026-01-01T00:00:00.000Z' },
      },
    );
    expect(composed.mixedRuns?.notes[0]).toBe(
      'These results come from 2 training runs that differ in seeds.',
    );
    expect(composed.mixedRuns?.notes).toContain(
      'Strategy per-user: Seeds 9–10, cpu, trained 2026-01-02T00:00:00.000Z.',
    );
    // Only failed entries here: their comparisons cannot stand either.
    expect(composed.comparisons).toEqual([]);
  });
});
