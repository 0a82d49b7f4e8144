import { describe, expect, it } from 'vitest';
import { expectedCalibrationError, reliabilityCurve } from './calibration';

describe('reliabilityCurve', () => {
  it('returns ten bins, empty ones with n 0 and null means', () => {
    const curve = reliabilityCurve([1, 0, 1, 1, 0], [0.05, 0.15, 0.72, 0.78, 0.95]);
    expect(curve).toHaveLength(10);
    expect(curve[0]).toEqual({ binLower: 0, binUpper: 0.1, n: 1, meanPredicted: 0.05, observedRate: 1 });
    expect(curve[2]).toEqual({ binLower: 0.2, binUpper: 0.3, n: 0, meanPredicted: null, observedRate: null });
    // 0.72 and 0.78 share [0.7, 0.8): mean (0.72 + 0.78) / 2 = 0.75, both correct → 1.
    expect(curve[7]?.n).toBe(2);
    expect(curve[7]?.meanPredicted).toBeCloseTo(0.75, 12);
    expect(curve[7]?.observedRate).toBe(1);
    expect(curve.map((b) => b.n)).toEqual([1, 1, 0, 0, 0, 0, 0, 2, 0, 1]);
  });

  it('puts a lower edge in its own bin and 1.0 in the last', () => {
    const curve = reliabilityCurve([1, 1, 0], [0.1, 1, 0]);
    expect(curve.map((b) => b.n)).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
  });
});

describe('expectedCalibrationError', () => {
  it('weights each bin gap by its count', () => {
    // Bin [0, .1):  n 1, mean 0.05, observed 1 → gap 0.95
    // Bin [.1, .2): n 1, mean 0.15, observed 0 → gap 0.15
    // Bin [.7, .8): n 2, mean 0.75, observed 1 → gap 0.25
    // Bin [.9, 1]:  n 1, mean 0.95, observed 0 → gap 0.95
    // ECE = (1·0.95 + 1·0.15 + 2·0.25 + 1·0.95) / 5 = 2.55 / 5 = 0.51
    expect(expectedCalibrationError([1, 0, 1, 1, 0], [0.05, 0.15, 0.72, 0.78, 0.95])).toBeCloseTo(0.51, 12);
  });

  it('is 0 when each bin’s mean prediction equals its observed rate', () => {
    // All in [0.2, 0.3): mean 0.25, observed 1 / 4 = 0.25.
    expect(expectedCalibrationError([1, 0, 0, 0], [0.25, 0.25, 0.25, 0.25])).toBe(0);
  });

  it('is undefined for no rows', () => {
    expect(expectedCalibrationError([], [])).toBeUndefined();
  });
});
