import { describe, expect, it } from 'vitest';
import { groundTruth, pearson, rmse } from './ground-truth';

describe('rmse and pearson', () => {
  it('match a hand computation', () => {
    // Errors −0.1, 0, −0.2 → squares 0.01, 0, 0.04 → mean 0.05 / 3 = 0.0166667 → √ = 0.1290994
    expect(rmse([0.2, 0.4, 0.6], [0.3, 0.4, 0.8])).toBeCloseTo(0.1290994, 6);
    // x̄ = 0.4, ȳ = 0.5; dx = −0.2, 0, 0.2; dy = −0.2, −0.1, 0.3
    // Sxy = 0.04 + 0 + 0.06 = 0.1; Sxx = 0.08; Syy = 0.04 + 0.01 + 0.09 = 0.14
    // r = 0.1 / √(0.08 · 0.14) = 0.1 / 0.1058301 = 0.9449112
    expect(pearson([0.2, 0.4, 0.6], [0.3, 0.4, 0.8])).toBeCloseTo(0.9449112, 6);
  });

  it('is ±1 for exact linear relations and undefined for a constant side', () => {
    expect(pearson([0.1, 0.2, 0.3], [0.2, 0.4, 0.6])).toBeCloseTo(1, 12);
    expect(pearson([0.1, 0.2, 0.3], [0.6, 0.4, 0.2])).toBeCloseTo(-1, 12);
    expect(pearson([0.5, 0.5], [0.3, 0.7])).toBeUndefined();
    expect(pearson([0.3, 0.7], [0.5, 0.5])).toBeUndefined();
    expect(pearson([0.3], [0.5])).toBeUndefined();
    expect(rmse([], [])).toBeUndefined();
  });
});

describe('groundTruth', () => {
  it('scores overall and per user, skipping rows without trueP', () => {
    const g = groundTruth([
      { userId: 'a', predicted: 0.2, trueP: 0.3 },
      { userId: 'b', predicted: 0.5, trueP: 0.3 },
      { userId: 'a', predicted: 0.4, trueP: 0.4 },
      { userId: 'a', predicted: 0.6, trueP: 0.8 },
      { userId: 'b', predicted: 0.5, trueP: 0.7 },
      { userId: 'c', predicted: 0.9 },
    ]);
    expect(g.overall.n).toBe(5);
    // Squared errors 0.01, 0.04, 0, 0.04, 0.04 → 0.13 / 5 = 0.026 → √ = 0.1612452
    expect(g.overall.rmse).toBeCloseTo(0.1612452, 6);
    expect(g.perUser.map((u) => u.userId)).toEqual(['a', 'b']);
    expect(g.perUser[0]?.rmse).toBeCloseTo(0.1290994, 6);
    expect(g.perUser[0]?.correlation).toBeCloseTo(0.9449112, 6);
    // b predicts a constant 0.5: errors ±0.2 → RMSE 0.2; correlation undefined.
    expect(g.perUser[1]).toMatchObject({ userId: 'b', n: 2, correlation: undefined });
    expect(g.perUser[1]?.rmse).toBeCloseTo(0.2, 12);
  });

  it('is empty-handed but defined when no row knows the truth', () => {
    expect(groundTruth([{ userId: 'a', predicted: 0.5 }])).toEqual({
      overall: { n: 0, rmse: undefined, correlation: undefined },
      perUser: [],
    });
  });
});
