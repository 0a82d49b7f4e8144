import { describe, expect, it } from 'vitest';
import { seedInterval } from './seed-interval';

describe('seedInterval', () => {
  it('gives mean ± t·sd/√n (t with n − 1 degrees of freedom)', () => {
    const s = seedInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s.mean).toBe(5.5);
    expect(s.sd).toBeCloseTo(3.02765, 5);
    expect(s.hi! - 5.5).toBeCloseTo((2.262 * 3.02765) / Math.sqrt(10), 4);
    expect(5.5 - s.lo!).toBeCloseTo(s.hi! - 5.5, 12);
  });
  it('gives no interval from one seed, and nothing from none; skips nulls and non-finite values', () => {
    expect(seedInterval([3])).toEqual({ mean: 3, sd: null, lo: null, hi: null });
    expect(seedInterval([null, NaN])).toEqual({ mean: null, sd: null, lo: null, hi: null });
    expect(seedInterval([1, null, 3]).mean).toBe(2);
  });
});
