import { describe, expect, it } from 'vitest';
import { brier } from './brier';

describe('brier', () => {
  it('matches a hand computation', () => {
    // (0.9 − 1)² + (0.2 − 0)² + (0.6 − 1)² + (0.5 − 0)² = 0.01 + 0.04 + 0.16 + 0.25 = 0.46; / 4 = 0.115
    expect(brier([1, 0, 1, 0], [0.9, 0.2, 0.6, 0.5])).toBeCloseTo(0.115, 12);
  });

  it('is 0 for certain and right, 1 for certain and wrong, 0.25 for a constant 0.5', () => {
    expect(brier([1, 0], [1, 0])).toBe(0);
    expect(brier([1, 0], [0, 1])).toBe(1);
    expect(brier([true, false, true], [0.5, 0.5, 0.5])).toBe(0.25);
  });

  it('is undefined for no rows', () => {
    expect(brier([], [])).toBeUndefined();
  });
});
