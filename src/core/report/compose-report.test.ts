import { describe, expect, it } from 'vitest';
import { composeReport, frameOf } from './compose-report';
import type { Report, ReportStrategy } from './report-types';

const entry = (id: string, trainMs: number) =>
  ({ status: 'failed', id, label: id, options: {}, trainMs, error: 'x' }) as ReportStrategy;

describe('composeReport', () => {
  it('puts the latest result of each strategy into the frame, in registry order', () => {
    const report = {
      schemaVersion: 1,
      seed: 7,
      strategies: [entry('weighted-loss', 1)],
    } as unknown as Report;
    const frame = frameOf(report);
    expect(frame).not.toHaveProperty('strategies');
    const composed = composeReport(
      frame,
      { 'per-user': entry('per-user', 3), 'full-retrain': entry('full-retrain', 2) },
      ['full-retrain', 'weighted-loss', 'per-user'],
    );
    expect(composed.seed).toBe(7);
    expect(composed.strategies.map((s) => s.id)).toEqual(['full-retrain', 'per-user']);
  });
});
