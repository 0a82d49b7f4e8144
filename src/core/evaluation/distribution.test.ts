import { describe, expect, it } from 'vitest';
import { predictionDistribution } from './distribution';

describe('predictionDistribution', () => {
  it('bins at the edges 0, 0.05, 0.999 and 1.0', () => {
    const d = predictionDistribution([0, 0.05, 0.999, 1.0, 0.5, 0.049]);
    const expected = new Array<number>(20).fill(0);
    expected[0] = 2; // 0 and 0.049
    expected[1] = 1; // 0.05 opens bin 1
    expected[10] = 1; // 0.5
    expected[19] = 2; // 0.999 and 1.0 (1.0 belongs to the last bin)
    expect(d.counts).toEqual(expected);
    expect(d.n).toBe(6);
  });

  it('counts saturated predictions strictly outside [0.01, 0.99]', () => {
    // 0.0099 and 0.9901 saturated; 0.01 and 0.99 not → 2 / 4
    expect(predictionDistribution([0.0099, 0.01, 0.99, 0.9901]).saturatedShare).toBe(0.5);
    // 0, 0.999, 1.0 saturated out of 6 → 0.5
    expect(predictionDistribution([0, 0.05, 0.999, 1.0, 0.5, 0.049]).saturatedShare).toBe(0.5);
  });

  it('judges float32 values as stored', () => {
    // Float32 0.99 is 0.9900000095… > 0.99.
    expect(predictionDistribution(new Float32Array([0.99])).saturatedShare).toBe(1);
  });

  it('counts distinct whole percents', () => {
    // round(12.3) = 12, round(12.49) = 12, round(12.6) = 13 → {12, 13}
    expect(predictionDistribution([0.123, 0.1249, 0.126]).distinctPercent).toBe(2);
    // round(0) = 0, 5, round(99.9) = 100, 100, 50, round(4.9) = 5 → {0, 5, 50, 100}
    expect(predictionDistribution([0, 0.05, 0.999, 1.0, 0.5, 0.049]).distinctPercent).toBe(4);
    // The design note's saturated model: 0 %, 57 %, 100 % only.
    expect(predictionDistribution([0, 0.57, 1, 0, 1, 0.571]).distinctPercent).toBe(3);
  });

  it('gives the mean and population std', () => {
    const d = predictionDistribution([0.2, 0.4, 0.4, 0.4, 0.5, 0.5, 0.7, 0.9]);
    // Sum 4.0 / 8 = 0.5; std 0.2 (see summary-stats.test.ts)
    expect(d.mean).toBeCloseTo(0.5, 12);
    expect(d.std).toBeCloseTo(0.2, 12);
  });

  it('describes no predictions without inventing numbers', () => {
    const d = predictionDistribution([]);
    expect(d.counts).toEqual(new Array<number>(20).fill(0));
    expect(d.saturatedShare).toBeUndefined();
    expect(d.distinctPercent).toBe(0);
    expect(d.mean).toBeUndefined();
    expect(d.std).toBeUndefined();
  });
});
