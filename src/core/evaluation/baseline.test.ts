import { describe, expect, it } from 'vitest';
import { auc } from './auc';
import { baselinePredictions, constantBaseline } from './baseline';
import { logLoss } from './log-loss';

describe('constant baseline', () => {
  const train = [
    { isCorrect: true, actualTimeSeconds: 10 },
    { isCorrect: true, actualTimeSeconds: 30 },
    { isCorrect: false, actualTimeSeconds: 20 },
    { isCorrect: true, actualTimeSeconds: 100 },
  ];

  it('predicts the training correct rate and median time', () => {
    // 3 of 4 correct → 0.75; times sorted [10, 20, 30, 100] → median (20 + 30) / 2 = 25
    expect(constantBaseline(train)).toEqual({ pCorrect: 0.75, timeSeconds: 25, trainRows: 4 });
  });

  it('fills every held-out row with the same values; AUC 0.5 and the base-rate log loss', () => {
    const p = baselinePredictions(constantBaseline(train), 2);
    expect(Array.from(p.pCorrect)).toEqual([0.75, 0.75]);
    expect(Array.from(p.timeSeconds)).toEqual([25, 25]);
    expect(auc([1, 0], p.pCorrect)).toBe(0.5);
    // −(ln 0.75 + ln 0.25) / 2 = (0.2876821 + 1.3862944) / 2 = 0.8369882
    expect(logLoss([1, 0], p.pCorrect)).toBeCloseTo(0.8369882, 6);
  });

  it('refuses an empty training set and a bad n', () => {
    expect(() => constantBaseline([])).toThrow(RangeError);
    expect(() => baselinePredictions(constantBaseline(train), -1)).toThrow(RangeError);
  });
});
