import { describe, expect, it } from 'vitest';
import { timeErrors } from './time-errors';

describe('timeErrors', () => {
  it('gives MAE and median absolute error in seconds', () => {
    // |12 − 10| = 2, |15 − 20| = 5, |30 − 30| = 0, |50 − 40| = 10
    // MAE = 17 / 4 = 4.25; sorted [0, 2, 5, 10] → median (2 + 5) / 2 = 3.5
    expect(timeErrors([10, 20, 30, 40], [12, 15, 30, 50])).toEqual({
      maeSeconds: 4.25,
      medianAbsErrorSeconds: 3.5,
    });
  });

  it('takes the middle value for an odd count (robust to a long tail)', () => {
    // Errors [1, 2, 100]: MAE 103 / 3 = 34.33…, median 2.
    const t = timeErrors([0, 0, 0], [1, 2, 100]);
    expect(t?.medianAbsErrorSeconds).toBe(2);
    expect(t?.maeSeconds).toBeCloseTo(103 / 3, 12);
  });

  it('is undefined for no rows and throws on non-finite times', () => {
    expect(timeErrors([], [])).toBeUndefined();
    expect(() => timeErrors([1], [Number.NaN])).toThrow(RangeError);
    expect(() => timeErrors([1, 2], [1])).toThrow(RangeError);
  });
});
