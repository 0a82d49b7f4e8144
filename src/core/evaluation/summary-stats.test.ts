import { describe, expect, it } from 'vitest';
import { equalWidthBin, mean, median, populationStd, quantileSorted } from './summary-stats';

describe('summary stats', () => {
  it('computes the population std', () => {
    // Mean 0.5; squared deviations 0.09, 0.01, 0.01, 0.01, 0, 0, 0.04, 0.16 → sum 0.32; / 8 = 0.04; √ = 0.2
    expect(populationStd([0.2, 0.4, 0.4, 0.4, 0.5, 0.5, 0.7, 0.9])).toBeCloseTo(0.2, 12);
  });

  it('reports exactly 0 spread for identical values', () => {
    // (0.1 + 0.1 + 0.1) / 3 = 0.10000000000000002 in doubles, yet the std must be 0.
    expect(populationStd([0.1, 0.1, 0.1])).toBe(0);
  });

  it('is undefined on empty input', () => {
    expect(mean([])).toBeUndefined();
    expect(populationStd([])).toBeUndefined();
    expect(median([])).toBeUndefined();
  });

  it('interpolates quantiles linearly (type 7)', () => {
    // h = (4 − 1) · 0.25 = 0.75 → 1 + 0.75 · (2 − 1) = 1.75
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('bins with inclusive lower edges and 1.0 in the last bin', () => {
    expect(equalWidthBin(0, 20)).toBe(0);
    expect(equalWidthBin(0.05, 20)).toBe(1);
    expect(equalWidthBin(0.0499999, 20)).toBe(0);
    expect(equalWidthBin(0.999, 20)).toBe(19);
    expect(equalWidthBin(1, 20)).toBe(19);
    for (let k = 0; k < 20; k++) expect(equalWidthBin(k / 20, 20)).toBe(k);
  });
});
