/**
 * The repeated-runs bootstrap: on the original rows it gives exactly the metrics the per-seed entries
 * report (log loss, AUC, Brier, time MAE, per-user log loss with the pooling rule); it is deterministic;
 * a predictor compared with itself differs by exactly 0; a clearly better one is found better; a
 * predictor's draws computed on their own are the ones it gets beside others (so they can be joined and
 * reused), and the first k of more draws are a k-resample bootstrap.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { auc } from './auc';
import { brier } from './brier';
import { countedRun, scoredRows, wholeDraw } from './counted-run';
import { logLoss } from './log-loss';
import {
  bootstrapReplicates,
  joinReplicates,
  pairedBootstrap,
  repeatedBootstrap,
  resamplesFor,
  MIN_REPEAT_RESAMPLES,
} from './repeated-bootstrap';
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

  it('gives a predictor the same draws alone as beside others, whatever else is drawn', () => {
    const joint = bootstrapReplicates(rows, predictors, { seed: 'paired', resamples: 300 });
    const alone = bootstrapReplicates(rows, [predictors[1]!], { seed: 'paired', resamples: 300 });
    expect(alone.parts[0]!.replicates).toEqual(joint.parts[1]!.replicates);
    // Another seed list has its own seed draws and leaves these alone.
    const other = { key: 'other', seeds: [7], runs: [{ pCorrect: good }] };
    const mixed = bootstrapReplicates(rows, [other, predictors[1]!], { seed: 'paired', resamples: 300 });
    expect(mixed.parts[1]!.replicates).toEqual(joint.parts[1]!.replicates);
    // The first 100 of 300 draws are the 100-draw bootstrap.
    const short = bootstrapReplicates(rows, [predictors[1]!], { seed: 'paired', resamples: 100 });
    expect(short.parts[0]!.replicates.auc).toEqual(joint.parts[1]!.replicates.auc.subarray(0, 100));
  });

  it('joins parts computed apart into the bootstrap computed at once, and refuses mismatched ones', () => {
    const joint = repeatedBootstrap(rows, predictors, { seed: 'paired', resamples: 300 });
    const parts = predictors.map(
      (p) => bootstrapReplicates(rows, [p], { seed: 'paired', resamples: 400 }).parts[0]!,
    );
    const joined = joinReplicates(parts, 300);
    expect(joined.difference('noisy', 'good', 'userLogLoss')).toEqual(
      joint.difference('noisy', 'good', 'userLogLoss'),
    );
    expect(joined.interval('noisy', 'auc')).toEqual(joint.interval('noisy', 'auc'));
    expect(() => joinReplicates(parts, 500)).toThrow(RangeError);
    const elsewhere = bootstrapReplicates(rows, [predictors[0]!], { seed: 'other', resamples: 300 })
      .parts[0]!;
    expect(() => joinReplicates([elsewhere, parts[1]!], 300)).toThrow(RangeError);
  });

  it('reuses the draws a predictor brings only where they fit, with the same result either way', () => {
    const fresh = repeatedBootstrap(rows, predictors, { seed: 'paired', resamples: 300 });
    const summaries = predictors.map(
      (p) => bootstrapReplicates(rows, [p], { seed: 'paired', resamples: 300 }).parts[0]!,
    );
    const reused = pairedBootstrap(
      rows,
      predictors.map((p, k) => ({ ...p, replicates: summaries[k] })),
      { seed: 'paired', resamples: 300 },
    );
    expect(reused.difference('noisy', 'same', 'logLoss')).toEqual(
      fresh.difference('noisy', 'same', 'logLoss'),
    );
    // They are used, not scored again: draws that fit but came from other predictions show through.
    const borrowed = pairedBootstrap(
      rows,
      predictors.map((p, k) => ({ ...p, replicates: summaries[k === 1 ? 0 : k] })),
      { seed: 'paired', resamples: 300 },
    );
    expect(borrowed.difference('noisy', 'same', 'logLoss')).toMatchObject({ lo: 0, hi: 0 });
    // Draws of another seed, or over other seeds, are scored again rather than paired wrongly.
    const wrong = bootstrapReplicates(rows, [predictors[1]!], { seed: 'other', resamples: 300 }).parts[0]!;
    const fewerSeeds = bootstrapReplicates(
      rows,
      [{ ...predictors[1]!, seeds: [1, 2], runs: predictors[1]!.runs.slice(0, 2) }],
      { seed: 'paired', resamples: 300 },
    ).parts[0]!;
    for (const replicates of [wrong, fewerSeeds]) {
      const rescored = pairedBootstrap(
        rows,
        predictors.map((p, k) => (k === 1 ? { ...p, replicates } : p)),
        { seed: 'paired', resamples: 300 },
      );
      expect(rescored.difference('noisy', 'good', 'userLogLoss')).toEqual(
        fresh.difference('noisy', 'good', 'userLogLoss'),
      );
    }
  });

  it('gives the same draws from the rows it kept as drawn afresh, for fewer or more resamples', () => {
    const kept = scoredRows(tasks, indices); // a new rows object: nothing kept for it yet
    const afresh = () => scoredRows(tasks, indices);
    const one = [predictors[1]!];
    for (const resamples of [150, 100, 300]) {
      const fromKept = bootstrapReplicates(kept, one, { seed: 'kept', resamples }).parts[0]!;
      const drawn = bootstrapReplicates(afresh(), one, { seed: 'kept', resamples }).parts[0]!;
      expect(fromKept.replicates).toEqual(drawn.replicates);
    }
    // Another bootstrap seed on the same rows is drawn for itself, not read from the kept draws.
    const other = bootstrapReplicates(kept, one, { seed: 'other', resamples: 100 }).parts[0]!;
    expect(other.replicates).toEqual(
      bootstrapReplicates(afresh(), one, { seed: 'other', resamples: 100 }).parts[0]!.replicates,
    );
    expect(other.replicates.logLoss).not.toEqual(
      bootstrapReplicates(afresh(), one, { seed: 'kept', resamples: 100 }).parts[0]!.replicates.logLoss,
    );
  });
});
