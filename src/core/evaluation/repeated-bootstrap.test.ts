/**
 * The repeated-runs bootstrap: on the original rows it gives exactly the metrics the per-seed entries
 * report (log loss, AUC, Brier, time MAE, per-user log loss with the pooling rule); it is deterministic;
 * a predictor compared with itself differs by exactly 0; a clearly better one is found better.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { auc } from './auc';
import { brier } from './brier';
import { countedRun, scoredRows, wholeDraw } from './counted-run';
import { logLoss } from './log-loss';
import { repeatedBootstrap, resamplesFor, MIN_REPEAT_RESAMPLES } from './repeated-bootstrap';
import { pooledUserLogLoss, userGroups } from './user-groups';

const rng = createRng('repeated-bootstrap-test');
// 20 users with 5–14 held-out rows and two with 1–2 (pooled); outcomes drawn from a known p per row.
const users = Array.from({ length: 22 }, (_, u) =>
  Array<string>(u < 20 ? 5 + (u % 10) : u - 19).fill(`u${u}`),
).flat();
const truth = users.map(() => 0.1 + 0.8 * rng.next());
const tasks = users.map((userId, i) => ({
  userId,
  isCorrect: rng.next() < (truth[i] as number),
  actualTimeSeconds: 30 + rng.int(60),
}));
const indices = tasks.map((_, i) => i);
const rows = scoredRows(tasks, indices);
const labels = tasks.map((t) => t.isCorrect);
const good = Float64Array.from(truth);
const noisy = (seed: number) => {
  const r = createRng(seed);
  return Float64Array.from(truth, (p) => Math.min(0.99, Math.max(0.01, p + 0.3 * (r.next() - 0.5))));
};
const times = Float64Array.from(tasks, (t) => t.actualTimeSeconds + 5);

describe('pooledUserLogLoss', () => {
  it('pools users with fewer than 5 held-out rows into one group', () => {
    const g = userGroups(['a', 'a', 'a', 'a', 'a', 'b', 'c']);
    expect(g.users.map((u) => [u.userId, u.n, u.pooled])).toEqual([
      ['a', 5, false],
      ['b', 1, true],
      ['c', 1, true],
    ]);
    expect(g.groups).toBe(2);
    const y = [1, 1, 1, 1, 1, 0, 1];
    const p = [0.9, 0.9, 0.9, 0.9, 0.9, 0.5, 0.5];
    // a: −ln 0.9; pooled b and c: −ln 0.5 each → mean of the two groups.
    expect(pooledUserLogLoss(y, p, ['a', 'a', 'a', 'a', 'a', 'b', 'c'])).toBeCloseTo(
      (-Math.log(0.9) + -Math.log(0.5)) / 2,
      12,
    );
  });
});

describe('countedRun', () => {
  it('scores the original rows exactly as the per-seed metrics do', () => {
    const values = countedRun(rows, good, times).score(wholeDraw(rows));
    expect(values.logLoss).toBeCloseTo(logLoss(labels, good) as number, 12);
    expect(values.auc).toBeCloseTo(auc(labels, good) as number, 12);
    expect(values.brier).toBeCloseTo(brier(labels, good) as number, 12);
    expect(values.timeMaeSeconds).toBeCloseTo(5, 12);
    expect(values.userLogLoss).toBeCloseTo(pooledUserLogLoss(labels, good, users) as number, 12);
  });
});

describe('repeatedBootstrap', () => {
  const predictors = [
    { key: 'good', seeds: [1, 2, 3], runs: [1, 2, 3].map(() => ({ pCorrect: good })) },
    { key: 'noisy', seeds: [1, 2, 3], runs: [1, 2, 3].map((s) => ({ pCorrect: noisy(s) })) },
    { key: 'same', seeds: [1, 2, 3], runs: [1, 2, 3].map(() => ({ pCorrect: good })) },
  ];

  it('is deterministic for a seed', () => {
    const a = repeatedBootstrap(rows, predictors, { seed: 4, resamples: 300 });
    const b = repeatedBootstrap(rows, predictors, { seed: 4, resamples: 300 });
    expect(a.interval('noisy', 'logLoss')).toEqual(b.interval('noisy', 'logLoss'));
    expect(a.difference('noisy', 'good', 'userLogLoss')).toEqual(
      b.difference('noisy', 'good', 'userLogLoss'),
    );
  });

  it('gives mean and sd over seeds, an interval around the mean, and 0 for a predictor against its twin', () => {
    const boot = repeatedBootstrap(rows, predictors, { seed: 4, resamples: 300 });
    const spread = boot.spread('noisy', 'logLoss');
    const perSeed = [1, 2, 3].map((s) => logLoss(labels, noisy(s)) as number);
    expect(spread.mean).toBeCloseTo(perSeed.reduce((a, b) => a + b) / 3, 12);
    expect(spread.sd).toBeGreaterThan(0);
    const { lo, hi } = boot.interval('noisy', 'logLoss');
    expect(lo).toBeLessThan(spread.mean as number);
    expect(hi).toBeGreaterThan(spread.mean as number);
    expect(boot.difference('same', 'good', 'logLoss')).toMatchObject({ difference: 0, lo: 0, hi: 0, se: 0 });
    expect(boot.spread('good', 'logLoss').sd).toBe(0);
  });

  it('finds a much worse predictor worse, with a paired interval above zero', () => {
    const awful = {
      key: 'awful',
      seeds: [1, 2, 3],
      runs: [1, 2, 3].map(() => ({ pCorrect: good.map((p) => 1 - p) })),
    };
    const boot = repeatedBootstrap(rows, [...predictors, awful], { seed: 4, resamples: 300 });
    const d = boot.difference('awful', 'good', 'logLoss');
    expect(d.lo).toBeGreaterThan(0);
    const a = boot.difference('awful', 'good', 'auc');
    expect(a.hi).toBeLessThan(0);
  });

  it('draws fewer resamples on big held-out sets, never below the minimum', () => {
    expect(resamplesFor(182, 62)).toBe(1000);
    expect(resamplesFor(35_000, 7)).toBeLessThan(1000);
    expect(resamplesFor(1_000_000, 60)).toBe(MIN_REPEAT_RESAMPLES);
  });
});
