import { describe, expect, it } from 'vitest';
import { TIME_BIN_EDGES, timeBin, timeScatter } from './time-scatter';

describe('timeScatter', () => {
  it('bins each row by its actual and predicted seconds on shared log edges', () => {
    expect(timeBin(0)).toBe(0);
    expect(timeBin(1.99)).toBe(0);
    expect(timeBin(2)).toBe(1);
    expect(timeBin(45)).toBe(5);
    expect(timeBin(7200)).toBe(TIME_BIN_EDGES.length);
    const s = timeScatter([1, 45, 45, 7200, NaN], [1, 50, 400, 30, 3]);
    expect(s.n).toBe(4);
    expect(s.counts).toHaveLength(TIME_BIN_EDGES.length + 1);
    expect(s.counts[0]?.[0]).toBe(1);
    expect(s.counts[5]?.[5]).toBe(1);
    expect(s.counts[5]?.[8]).toBe(1);
    expect(s.counts[TIME_BIN_EDGES.length]?.[5]).toBe(1);
    expect(s.counts.flat().reduce((a, b) => a + b, 0)).toBe(4);
  });
  it('refuses mismatched lengths', () => {
    expect(() => timeScatter([1], [])).toThrow(RangeError);
  });
});
