import { describe, expect, it } from 'vitest';
import { perUserSpread, stdRatio } from './per-user-spread';

describe('perUserSpread', () => {
  it('gives each user’s mean and std and the largest / smallest ratio', () => {
    const r = perUserSpread([
      // mean 0.5, std 0.2 (squared deviations sum 0.32 / 8 = 0.04)
      { userId: 'bulk', predictions: [0.2, 0.4, 0.4, 0.4, 0.5, 0.5, 0.7, 0.9] },
      // mean 0.5, deviations ±0.1 → std 0.1
      { userId: 'you2', predictions: new Float64Array([0.4, 0.6]) },
    ]);
    expect(r.perUser[0]).toMatchObject({ userId: 'bulk', n: 8 });
    expect(r.perUser[0]?.std).toBeCloseTo(0.2, 12);
    expect(r.perUser[1]?.mean).toBeCloseTo(0.5, 12);
    expect(r.perUser[1]?.std).toBeCloseTo(0.1, 12);
    // 0.2 / 0.1 = 2
    expect(r.varianceRatio).toBeCloseTo(2, 12);
  });

  it('is Infinity when one user is flat and another is not', () => {
    const r = perUserSpread([
      { userId: 'a', predictions: [0.4, 0.6] },
      { userId: 'b', predictions: [0.3, 0.3, 0.3] },
    ]);
    expect(r.perUser[1]?.std).toBe(0);
    expect(r.varianceRatio).toBe(Infinity);
  });

  it('is 1 for one user and when every user is flat', () => {
    expect(perUserSpread([{ userId: 'a', predictions: [0.1, 0.9] }]).varianceRatio).toBe(1);
    expect(stdRatio([0, 0])).toBe(1);
    expect(stdRatio([])).toBe(1);
  });

  it('throws on a user without predictions or listed twice', () => {
    expect(() => perUserSpread([{ userId: 'a', predictions: [] }])).toThrow(RangeError);
    expect(() =>
      perUserSpread([
        { userId: 'a', predictions: [0.5] },
        { userId: 'a', predictions: [0.5] },
      ]),
    ).toThrow(RangeError);
  });
});
