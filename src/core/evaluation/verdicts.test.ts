import { describe, expect, it } from 'vitest';
import type { ResponseProbe } from './response-check';
import { checkStates, DEFAULT_THRESHOLDS, verdicts } from './verdicts';

const GOOD: ResponseProbe[] = [
  {
    userId: 'a',
    topic: 't',
    difficulty: 'easy',
    afterCorrect: [0.5, 0.6, 0.6, 0.7, 0.7, 0.8],
    afterIncorrect: [0.5, 0.4, 0.4, 0.3, 0.3, 0.2],
  },
];
// Five correct answers lower it by 0.01 (passes at the default tolerance) — fails with tolerance 0.
const EDGE: ResponseProbe[] = [
  {
    userId: 'a',
    topic: 't',
    difficulty: 'hard',
    afterCorrect: [0.5, 0.499, 0.499, 0.5, 0.5, 0.49],
    afterIncorrect: [0.5, 0.4, 0.4, 0.3, 0.3, 0.2],
  },
];
const OK_DIST = { saturatedShare: 0, distinctPercent: 40 };

describe('verdicts', () => {
  it('has the docs/contract.md §2 defaults', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({
      maxSaturatedShare: 0.05,
      minDistinctPercent: 10,
      responseTolerance: 0.01,
      responseGapTolerance: 0.01,
      maxVarianceRatio: 3,
      minPassRate: 0.8,
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

  it('says "not enough data" with fewer than 2 held-out rows, and for generalizes with one user', () => {
    const all = { continuous: true, responsive: true, generalizes: true };
    expect(checkStates(all, { heldOutRows: 1, users: 4 })).toEqual({
      continuous: 'not enough data',
      responsive: 'not enough data',
      generalizes: 'not enough data',
    });
    expect(checkStates(all, { heldOutRows: 50, users: 1 })).toEqual({
      continuous: 'pass',
      responsive: 'pass',
      generalizes: 'not enough data',
    });
    expect(checkStates({ ...all, responsive: false }, { heldOutRows: 2, users: 2 }).responsive).toBe('fail');
    // A check without evidence is never ✓.
    expect(verdicts(OK_DIST, 1, GOOD, {}, { heldOutRows: 0, users: 4 })).toEqual({
      continuous: false,
      responsive: false,
      generalizes: false,
    });
  });
});
