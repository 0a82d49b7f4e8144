import { describe, expect, it } from 'vitest';
import { fittedProbabilityRange, niceRange, niceScale, stepDigits } from './chart-theme';

describe('chart scales', () => {
  it('give round ticks around a range that does not start at zero', () => {
    expect(niceRange(0.43, 0.71, 4)).toEqual({
      lo: 0.4,
      hi: 0.8,
      ticks: [0.4, 0.5, 0.6, 0.7, 0.8],
      step: 0.1,
    });
    expect(niceRange(0.9712, 0.9861, 4).ticks).toEqual([0.97, 0.975, 0.98, 0.985, 0.99]);
    const flat = niceRange(0.5, 0.5, 4);
    expect(flat.lo).toBeLessThanOrEqual(0.5);
    expect(flat.hi).toBeGreaterThan(0.5);
  });
  it('keep zero-based scales and count the digits a step needs', () => {
    expect(niceScale(0.37, 4)).toEqual({ max: 0.4, ticks: [0, 0.1, 0.2, 0.3, 0.4] });
    expect(stepDigits(0.1)).toBe(1);
    expect(stepDigits(0.025)).toBe(3);
    expect(stepDigits(5)).toBe(0);
  });

  it('fit a probability axis to the values, at least 2 points wide, within 0–100 %', () => {
    const small = fittedProbabilityRange([0.971, 0.975, 0.986, 0.962]);
    expect(small.lo).toBeLessThanOrEqual(0.962);
    expect(small.hi).toBeGreaterThanOrEqual(0.986);
    expect(small.hi - small.lo).toBeLessThan(0.1);
    const flat = fittedProbabilityRange([0.999, 0.999]);
    expect(flat.hi).toBeLessThanOrEqual(1);
    expect(flat.hi - flat.lo).toBeGreaterThanOrEqual(0.02);
    expect(fittedProbabilityRange([0.1, 0.9]).ticks[0]).toBeGreaterThanOrEqual(0);
  });
});
