import { describe, expect, it } from 'vitest';
import { sweepHeadline } from './summarize-sweep';

describe('sweepHeadline', () => {
  it('says which value is best only when the data tells it from the others', () => {
    expect(sweepHeadline('Cap 100', 0.61349, [], 4)).toBe(
      'Cap 100 has the lowest per-user log loss (0.613); every other value is worse beyond its 95 % interval.',
    );
    expect(sweepHeadline('Cap 100', 0.613, ['Cap 50', 'Cap 150'], 2)).toBe(
      'No clear winner at this data size: Cap 100 has the lowest per-user log loss on average (0.613), but no other value is worse beyond its 95 % interval.',
    );
    expect(sweepHeadline('Cap 100', 0.613, ['Cap 50'], 2)).toBe(
      'No clear winner at this data size: Cap 100 has the lowest per-user log loss on average (0.613); Cap 50 cannot be told apart from it, 1 other is worse.',
    );
    expect(sweepHeadline('A', 0.5, ['B', 'C', 'D', 'E'], 14)).toMatch(
      /; 4 of the other 14 values cannot be told apart from it, the other 10 are worse\.$/,
    );
    expect(sweepHeadline('Cap 100', 0.5, [], 0)).toBe('Cap 100: per-user log loss 0.5.');
  });
});
