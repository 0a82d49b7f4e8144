import { describe, expect, it } from 'vitest';
import { accuracy } from './accuracy';

describe('accuracy', () => {
  it('uses p ≥ 0.5 as predicting correct', () => {
    // Predicted correct: 0.5 → yes, 0.5 → yes, 0.49 → no, 0.1 → no, 0.99 → yes.
    // Outcomes:          1 ✓,      0 ✗,      1 ✗,       0 ✓,      1 ✓   → 3 / 5 = 0.6
    expect(accuracy([1, 0, 1, 0, 1], [0.5, 0.5, 0.49, 0.1, 0.99])).toBe(0.6);
  });

  it('is 1 and 0 at the extremes, undefined for no rows', () => {
    expect(accuracy([true, false], [0.7, 0.2])).toBe(1);
    expect(accuracy([true, false], [0.2, 0.7])).toBe(0);
    expect(accuracy([], [])).toBeUndefined();
  });
});
