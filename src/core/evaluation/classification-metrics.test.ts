import { describe, expect, it } from 'vitest';
import {
  classificationMetrics,
  macroByUser,
  metricsOfRows,
  type EvaluatedRow,
} from './classification-metrics';

describe('classificationMetrics', () => {
  it('computes every metric on a small example', () => {
    const m = classificationMetrics([1, 0, 1, 0], [0.8, 0.8, 0.3, 0.1]);
    expect(m.n).toBe(4);
    // AUC: see auc.test.ts → 2.5 / 4
    expect(m.auc).toBeCloseTo(0.625, 12);
    // −(ln 0.8 + ln 0.2 + ln 0.3 + ln 0.9) / 4 = (0.2231436 + 1.6094379 + 1.2039728 + 0.1053605) / 4 = 0.7854787
    expect(m.logLoss).toBeCloseTo(0.7854787, 6);
    // (0.04 + 0.64 + 0.49 + 0.01) / 4 = 0.295
    expect(m.brier).toBeCloseTo(0.295, 12);
    // Bin 8: {0.8, 0.8} mean 0.8, observed 0.5, gap 0.3 (×2); bin 3: 0.3 vs 1 → 0.7; bin 1: 0.1 vs 0 → 0.1
    // (2·0.3 + 0.7 + 0.1) / 4 = 1.4 / 4 = 0.35
    expect(m.ece).toBeCloseTo(0.35, 12);
    // Predicted correct [y, y, n, n] vs [1, 0, 1, 0] → ✓ ✗ ✗ ✓ = 0.5
    expect(m.accuracy).toBe(0.5);
    expect(m).not.toHaveProperty('timeMaeSeconds');
  });

  it('adds time errors when times are given', () => {
    const m = classificationMetrics([1, 0], [0.6, 0.4], {
      actualSeconds: [10, 20],
      predictedSeconds: [13, 20],
    });
    // Errors [3, 0]: MAE 1.5, median 1.5
    expect(m.timeMaeSeconds).toBe(1.5);
    expect(m.timeMedianAbsErrorSeconds).toBe(1.5);
  });

  it('reports AUC as undefined for a single-class set without failing the rest', () => {
    const m = classificationMetrics([1, 1], [0.6, 0.9]);
    expect(m.auc).toBeUndefined();
    expect(m.brier).toBeCloseTo(0.085, 12);
  });
});

const row = (userId: string, isCorrect: number, pCorrect: number, a?: number, p?: number): EvaluatedRow => ({
  userId,
  isCorrect,
  pCorrect,
  ...(a === undefined ? {} : { actualTimeSeconds: a, predictedTimeSeconds: p }),
});

describe('macroByUser', () => {
  it('leaves a single-class user out of the AUC mean only, and says so', () => {
    const rows = [
      row('a', 1, 0.8, 10, 12),
      row('b', 1, 0.6, 5, 8),
      row('a', 0, 0.4, 20, 20),
      row('b', 1, 0.9, 5, 5),
    ];
    const m = macroByUser(rows);
    expect(m.users).toBe(2);
    // a: AUC 1 (0.8 > 0.4); b: only correct answers → undefined → AUC mean over a alone.
    expect(m.auc).toBe(1);
    expect(m.usersUsed.auc).toBe(1);
    // Brier a: (0.04 + 0.16) / 2 = 0.1; b: (0.16 + 0.01) / 2 = 0.085 → mean 0.0925 over 2 users
    expect(m.brier).toBeCloseTo(0.0925, 12);
    expect(m.usersUsed.brier).toBe(2);
    // Accuracy a: 0.8 → 1 ✓, 0.4 → 0 ✓ = 1; b: both ≥ 0.5, both correct = 1
    expect(m.accuracy).toBe(1);
    // Time MAE a: (2 + 0) / 2 = 1; b: (3 + 0) / 2 = 1.5 → 1.25
    expect(m.timeMaeSeconds).toBe(1.25);
    expect(m.perUser.map((u) => u.userId)).toEqual(['a', 'b']);
    expect(m.perUser[1]?.metrics.n).toBe(2);
  });

  it('omits a metric no user has', () => {
    const m = macroByUser([row('a', 1, 0.8), row('b', 0, 0.3)]);
    expect(m.auc).toBeUndefined();
    expect(m.usersUsed.auc).toBe(0);
    expect(m.timeMaeSeconds).toBeUndefined();
  });

  it('refuses rows where only some carry times', () => {
    expect(() => metricsOfRows([row('a', 1, 0.8, 10, 12), row('a', 0, 0.3)])).toThrow(RangeError);
  });
});
