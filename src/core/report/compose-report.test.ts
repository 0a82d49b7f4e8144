import { describe, expect, it } from 'vitest';
import { composeReport, frameOf } from './compose-report';
import type { Report, ReportStrategy } from './report-types';

const entry = (id: string, trainMs: number) =>
  ({ status: 'failed', id, label: id, options: {}, trainMs, error: 'x' }) as ReportStrategy;

describe('composeReport', () => {
  it('puts the latest result of each strategy into the frame, in the given order', () => {
    const report = {
      schemaVersion: 1,
      seed: 7,
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
  });
});
