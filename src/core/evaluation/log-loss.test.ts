import { describe, expect, it } from 'vitest';
import { LOG_LOSS_EPSILON, logLoss } from './log-loss';

describe('logLoss', () => {
  it('matches a hand computation', () => {
    // −[ln 0.9 + ln(1 − 0.2) + ln 0.6] / 3
    // = (0.1053605 + 0.2231436 + 0.5108256) / 3 = 0.8393297 / 3 = 0.2797766
    expect(logLoss([1, 0, 1], [0.9, 0.2, 0.6])).toBeCloseTo(0.2797766, 6);
  });

  it('is ln 2 for a constant 0.5', () => {
    // −ln 0.5 = 0.6931472 on every row.
    expect(logLoss([1, 0, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBeCloseTo(0.6931472, 6);
  });

  it('clips to [1e-7, 1 − 1e-7] so a confident miss is finite', () => {
    expect(LOG_LOSS_EPSILON).toBe(1e-7);
    // Label 1 with p = 0 → −ln(1e-7) = 7 · ln 10 = 16.1180957
    expect(logLoss([1], [0])).toBeCloseTo(16.1180957, 6);
    // Label 0 with p = 1 → −ln(1 − (1 − 1e-7)) = −ln(1e-7) as well.
    expect(logLoss([0], [1])).toBeCloseTo(16.1180957, 6);
    // Label 1 with p = 1 → −ln(1 − 1e-7) ≈ 1e-7, not 0.
    expect(logLoss([1], [1])).toBeCloseTo(1e-7, 12);
  });

  it('is undefined for no rows and throws on mismatched lengths', () => {
    expect(logLoss([], [])).toBeUndefined();
    expect(() => logLoss([1], [0.5, 0.5])).toThrow(RangeError);
  });
});
