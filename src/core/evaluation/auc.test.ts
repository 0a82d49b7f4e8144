import { describe, expect, it } from 'vitest';
import { auc, averageRanks } from './auc';

describe('averageRanks', () => {
  it('gives tied values the mean of the ranks they span', () => {
    // Sorted: 0.1 → rank 1; the two 0.8s span ranks 2 and 3 → (2 + 3) / 2 = 2.5 each.
    expect(averageRanks([0.8, 0.1, 0.8])).toEqual([2.5, 1, 2.5]);
    // Four equal values span ranks 1..4 → 2.5 each.
    expect(averageRanks([0.5, 0.5, 0.5, 0.5])).toEqual([2.5, 2.5, 2.5, 2.5]);
  });
});

describe('auc', () => {
  it('counts a tie between a positive and a negative as one half', () => {
    // Positives {0.8, 0.3}, negatives {0.8, 0.1}. Pairs (pos, neg):
    // (0.8, 0.8) tie → 0.5; (0.8, 0.1) → 1; (0.3, 0.8) → 0; (0.3, 0.1) → 1. Sum 2.5 of 4 pairs → 0.625.
    // By ranks: 0.1 → 1, 0.3 → 2, 0.8 & 0.8 → 3.5. Positive rank sum 3.5 + 2 = 5.5;
    // U = 5.5 − 2·3/2 = 2.5; AUC = 2.5 / (2·2) = 0.625.
    expect(auc([1, 0, 1, 0], [0.8, 0.8, 0.3, 0.1])).toBeCloseTo(0.625, 12);
  });

  it('handles a tie inside a larger set', () => {
    // Positives {0.9, 0.4, 0.6}, negatives {0.4, 0.2}: pairs 0.9>0.4, 0.9>0.2, 0.4=0.4 (½), 0.4>0.2,
    // 0.6>0.4, 0.6>0.2 → 5.5 of 6 = 0.91666…
    expect(auc([1, 1, 0, 0, 1], [0.9, 0.4, 0.4, 0.2, 0.6])).toBeCloseTo(5.5 / 6, 12);
  });

  it('is 1 for a perfect ranking and 0 for an inverted one', () => {
    expect(auc([0, 0, 1, 1], [0.1, 0.2, 0.7, 0.9])).toBe(1);
    expect(auc([1, 1, 0, 0], [0.1, 0.2, 0.7, 0.9])).toBe(0);
  });

  it('is 0.5 when every prediction is the same', () => {
    // All four share rank 2.5; positive rank sum 5; U = 5 − 3 = 2; 2 / 4 = 0.5.
    expect(auc([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
  });

  it('is undefined (not NaN, no throw) for a single class or no rows', () => {
    expect(auc([1, 1, 1], [0.2, 0.5, 0.9])).toBeUndefined();
    expect(auc([false, false], [0.2, 0.5])).toBeUndefined();
    expect(auc([], [])).toBeUndefined();
  });

  it('accepts booleans and Float32Array predictions', () => {
    expect(auc([true, false, true, false], new Float32Array([0.8, 0.8, 0.3, 0.1]))).toBeCloseTo(0.625, 12);
  });

  it('throws on mismatched lengths and invalid values', () => {
    expect(() => auc([1, 0], [0.5])).toThrow(RangeError);
    expect(() => auc([2, 0], [0.5, 0.5])).toThrow(RangeError);
    expect(() => auc([1, 0], [1.2, 0.5])).toThrow(RangeError);
    expect(() => auc([1, 0], [Number.NaN, 0.5])).toThrow(RangeError);
  });
});
