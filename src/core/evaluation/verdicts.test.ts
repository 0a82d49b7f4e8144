import { describe, expect, it } from 'vitest';
import type { ResponseProbe } from './response-check';
import { DEFAULT_THRESHOLDS, verdicts } from './verdicts';

const GOOD: ResponseProbe[] = [
  {
    userId: 'a',
    topic: 't',
    difficulty: 'easy',
    afterCorrect: [0.5, 0.6, 0.6, 0.7, 0.7, 0.8],
    afterIncorrect: [0.5, 0.4, 0.4, 0.3, 0.3, 0.2],
  },
];
// Drops 0.001 (passes at the default tolerance) — fails with tolerance 0.
const EDGE: ResponseProbe[] = [
  {
    userId: 'a',
    topic: 't',
    difficulty: 'hard',
    afterCorrect: [0.5, 0.499, 0.499, 0.5, 0.5, 0.5],
    afterIncorrect: [0.5, 0.4, 0.4, 0.3, 0.3, 0.2],
  },
];
const OK_DIST = { saturatedShare: 0, distinctPercent: 40 };

describe('verdicts', () => {
  it('has the docs/contract.md §2 defaults', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({
      maxSaturatedShare: 0.05,
      minDistinctPercent: 10,
      responseTolerance: 0.001,
      maxVarianceRatio: 3,
    });
  });

  it('continuous: saturatedShare ≤ 0.05 passes, just above fails', () => {
    expect(verdicts({ saturatedShare: 0.05, distinctPercent: 40 }, 1, GOOD).continuous).toBe(true);
    expect(verdicts({ saturatedShare: 0.0501, distinctPercent: 40 }, 1, GOOD).continuous).toBe(false);
    expect(verdicts({ saturatedShare: undefined, distinctPercent: 40 }, 1, GOOD).continuous).toBe(false);
  });

  it('continuous: distinctPercent ≥ 10 passes, 9 fails', () => {
    expect(verdicts({ saturatedShare: 0, distinctPercent: 10 }, 1, GOOD).continuous).toBe(true);
    expect(verdicts({ saturatedShare: 0, distinctPercent: 9 }, 1, GOOD).continuous).toBe(false);
  });

  it('generalizes: ratio ≤ 3 passes, just above, Infinity and NaN fail', () => {
    expect(verdicts(OK_DIST, 3, GOOD).generalizes).toBe(true);
    expect(verdicts(OK_DIST, 3.0001, GOOD).generalizes).toBe(false);
    expect(verdicts(OK_DIST, Infinity, GOOD).generalizes).toBe(false);
    expect(verdicts(OK_DIST, Number.NaN, GOOD).generalizes).toBe(false);
  });

  it('responsive: follows the response tolerance', () => {
    expect(verdicts(OK_DIST, 1, EDGE).responsive).toBe(true);
    expect(verdicts(OK_DIST, 1, EDGE, { responseTolerance: 0 }).responsive).toBe(false);
    expect(verdicts(OK_DIST, 1, []).responsive).toBe(false);
  });

  it('takes any subset of thresholds; an explicit undefined keeps the default', () => {
    const v = verdicts({ saturatedShare: 0.1, distinctPercent: 5 }, 4, GOOD, {
      maxSaturatedShare: 0.1,
      minDistinctPercent: 5,
      maxVarianceRatio: undefined,
    });
    expect(v).toEqual({ continuous: true, responsive: true, generalizes: false });
    expect(verdicts(OK_DIST, 4, GOOD, { maxVarianceRatio: 4 }).generalizes).toBe(true);
  });
});
