import { describe, expect, it } from 'vitest';
import type { Task } from '../data/task';
import { scoreBaseline, scoreHeldOut, scoreRecorded } from './held-out-scores';
import { resamplesFor } from './repeated-bootstrap';

const row = (userId: string, ok: boolean, time: number, extra: Partial<Task> = {}): Task => ({
  userId,
  topic: 'Algebra',
  difficulty: 'easy',
  completedAtMs: 0,
  isCorrect: ok,
  actualTimeSeconds: time,
  ...extra,
});

// Rows 0–3 train (3 of 4 correct, times 10/20/30/100 s); rows 4–7 are held out, two per user.
const TASKS: Task[] = [
  row('u1', true, 10),
  row('u2', true, 20),
  row('u1', false, 30),
  row('u2', true, 100),
  row('u1', true, 30, { trueP: 0.7, predictedCorrect: 0.9 }),
  row('u1', false, 40, { trueP: 0.5, predictedCorrect: 0.2 }),
  row('u2', true, 50, { trueP: 0.6 }),
  row('u2', false, 60, { trueP: 0.6, predictedCorrect: 0.5 }),
];
const TRAIN = [0, 1, 2, 3];
const TEST = [4, 5, 6, 7];
const P = [0.8, 0.4, 0.6, 0.7];
const TIMES = [35, 40, 40, 90];
const ln = Math.log;

describe('scoreHeldOut on a hand-computed split', () => {
  const s = scoreHeldOut(TASKS, TEST, { pCorrect: P, timeSeconds: TIMES }, { seed: 7, resamples: 200 });

  it('computes the overall metrics', () => {
    expect(s.test.n).toBe(4);
    // Pairs (pos, neg): .8>.4, .8>.7, .6>.4 win; .6<.7 loses → 3/4.
    expect(s.test.auc).toBeCloseTo(0.75, 12);
    expect(s.test.logLoss).toBeCloseTo(-(ln(0.8) + ln(0.6) + ln(0.6) + ln(0.3)) / 4, 12);
    expect(s.test.brier).toBeCloseTo((0.04 + 0.16 + 0.16 + 0.49) / 4, 12);
    expect(s.test.accuracy).toBe(0.75);
    // Four predictions in four bins: gaps .2, .4, .4, .7.
    expect(s.test.ece).toBeCloseTo(0.425, 12);
    // |35−30|, |40−40|, |40−50|, |90−60| = 5, 0, 10, 30.
    expect(s.test.timeMaeSeconds).toBe(11.25);
    expect(s.test.timeMedianAbsErrorSeconds).toBe(7.5);
  });

  it('macro-averages over users and counts each user’s held-out rows', () => {
    expect(s.perUserCounts).toEqual([
      { userId: 'u1', n: 2 },
      { userId: 'u2', n: 2 },
    ]);
    // u1 ranks perfectly (AUC 1), u2 inverted (AUC 0).
    expect(s.macroByUser.auc).toBeCloseTo(0.5, 12);
    expect(s.macroByUser.brier).toBeCloseTo((0.1 + 0.325) / 2, 12);
    expect(s.macroByUser.perUser[0]?.metrics.logLoss).toBeCloseTo(-(ln(0.8) + ln(0.6)) / 2, 12);
  });

  it('gives seeded, stratified bootstrap intervals around the estimate', () => {
    const { auc, logLoss } = s.intervals;
    expect(auc.estimate).toBe(s.test.auc);
    expect(auc.resamples).toBe(200);
    // Single-class resamples have no AUC and are dropped; stratified, every resample keeps 2 rows per user.
    expect(auc.validResamples).toBeGreaterThan(0);
    expect(auc.lower as number).toBeLessThanOrEqual(auc.upper as number);
    expect(logLoss.lower as number).toBeLessThanOrEqual(s.test.logLoss as number);
    expect(logLoss.upper as number).toBeGreaterThanOrEqual(s.test.logLoss as number);
    const again = scoreHeldOut(TASKS, TEST, { pCorrect: P, timeSeconds: TIMES }, { seed: 7, resamples: 200 });
    expect(again.intervals).toEqual(s.intervals);
  });

  it('draws fewer resamples on a big held-out set, as the repeated-runs intervals do', () => {
    const n = 60_000;
    const tasks = Array.from({ length: n }, (_, i) => row(`u${i % 9}`, i % 3 !== 0, 30));
    const indices = tasks.map((_, i) => i);
    const p = indices.map((i) => (i % 7) / 7);
    const big = scoreHeldOut(tasks, indices, { pCorrect: p }, { seed: 1 });
    expect(big.intervals.auc.resamples).toBe(resamplesFor(n, 1));
    expect(big.intervals.auc.resamples).toBeLessThan(1000);
    expect(big.intervals.logLoss.validResamples).toBe(big.intervals.logLoss.resamples);
    expect(s.intervals.logLoss.resamples).toBe(200); // a small set gets what it asks for
  });

  it('gives the reliability curve, the distribution and ground truth', () => {
    expect(s.reliability).toHaveLength(10);
    expect(s.reliability[7]).toMatchObject({ n: 1, observedRate: 0 });
    expect(s.distribution).toMatchObject({ n: 4, saturatedShare: 0, distinctPercent: 4 });
    // Differences to true_p: .1, −.1, 0, .1.
    expect(s.groundTruth?.overall.rmse).toBeCloseTo(Math.sqrt(0.03 / 4), 12);
    expect(s.groundTruth?.perUser.map((u) => u.userId)).toEqual(['u1', 'u2']);
    expect(s.groundTruth?.perUser[1]?.correlation).toBeUndefined(); // true_p constant for u2
  });

  it('reports a single-class held-out set as undefined AUC, not a crash', () => {
    const one = scoreHeldOut(TASKS, [4, 6], { pCorrect: [0.8, 0.6] }, { seed: 1, resamples: 50 });
    expect(one.test.auc).toBeUndefined();
    expect(one.intervals.auc).toMatchObject({ estimate: undefined, lower: undefined, validResamples: 0 });
    expect(one.test.timeMaeSeconds).toBeUndefined();
    expect(one.groundTruth?.overall.n).toBe(2);
  });

  it('refuses predictions that do not line up with the held-out rows', () => {
    expect(() => scoreHeldOut(TASKS, TEST, { pCorrect: [0.5] }, { seed: 1 })).toThrow(RangeError);
  });
});

describe('reference rows', () => {
  it('the baseline predicts the training rate and median training time', () => {
    const b = scoreBaseline(TASKS, TRAIN, TEST, { seed: 1, resamples: 50 });
    expect(b.baseline).toEqual({ pCorrect: 0.75, timeSeconds: 25, trainRows: 4 });
    expect(b.test.auc).toBe(0.5);
    expect(b.test.logLoss).toBeCloseTo(-(2 * ln(0.75) + 2 * ln(0.25)) / 4, 12);
    expect(b.test.timeMaeSeconds).toBe((5 + 15 + 25 + 35) / 4);
    expect(b.distribution.distinctPercent).toBe(1);
  });

  it('the recorded row scores predictedCorrect on the held-out rows that carry it, without times', () => {
    const r = scoreRecorded(TASKS, TEST, { seed: 1, resamples: 50 });
    expect(r?.test.n).toBe(3);
    expect(r?.test.auc).toBe(1);
    expect(r?.test.logLoss).toBeCloseTo(-(ln(0.9) + ln(0.8) + ln(0.5)) / 3, 12);
    expect(r?.test.timeMaeSeconds).toBeUndefined();
    expect(scoreRecorded(TASKS, [6], { seed: 1 })).toBeUndefined();
  });
});
