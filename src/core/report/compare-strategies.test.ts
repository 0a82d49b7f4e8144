import { describe, expect, it } from 'vitest';
import { scoredRows } from '../evaluation/counted-run';
import { createRng } from '../random/rng';
import { compareStrategies, findComparison, verdictOf } from './compare-strategies';

// Full retrain is the reference every strategy is compared against; the other two are any strategies.
const FULL = 'full-retrain';
const WEIGHTED = 'weighted-loss';
const PROGRESSIVE = 'progressive';

const rng = createRng('compare-test');
const users = Array.from({ length: 24 }, (_, u) => Array<string>(6 + (u % 5)).fill(`u${u}`)).flat();
const truth = users.map(() => 0.15 + 0.7 * rng.next());
const tasks = users.map((userId, i) => ({
  userId,
  isCorrect: rng.next() < (truth[i] as number),
  actualTimeSeconds: 40,
}));
const rows = scoredRows(
  tasks,
  tasks.map((_, i) => i),
);
const run = (p: ArrayLike<number>) => ({
  pCorrect: Float32Array.from(p),
  timeSeconds: new Float32Array(p.length).fill(40),
});
const seeds = [1, 2];

describe('compareStrategies', () => {
  const comparisons = compareStrategies(
    rows,
    [
      { id: FULL, seeds, heldOut: [run(truth.map((p) => 1 - p)), run(truth.map((p) => 1 - p))] },
      { id: WEIGHTED, seeds, heldOut: [run(truth), run(truth)] },
      { id: PROGRESSIVE, seeds: [5], heldOut: [run(truth)] },
    ],
    { pCorrect: 0.5, timeSeconds: 40 },
    { seed: 3, resamples: 300 },
  );

  it('compares each strategy with the full retrain and the constant rate on three metrics, and every pair on per-user log loss', () => {
    const keys = comparisons.map((c) => `${c.strategy}>${c.against}:${c.metric}`);
    expect(keys).toContain('weighted-loss>full-retrain:userLogLoss');
    expect(keys).toContain('weighted-loss>full-retrain:auc');
    expect(keys).toContain('full-retrain>constant-rate:logLoss');
    expect(keys).toContain('full-retrain>weighted-loss:userLogLoss');
    expect(keys).toContain('progressive>weighted-loss:userLogLoss');
    expect(keys).not.toContain('full-retrain>full-retrain:userLogLoss');
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('finds the truth better than its inverse, and pairs seeds only where the seed lists agree', () => {
    const better = findComparison(comparisons, WEIGHTED, FULL, 'logLoss');
    expect(better).toMatchObject({ verdict: 'better', pairedSeeds: true, heldOutRows: users.length });
    expect(better?.hi).toBeLessThan(0);
    expect(findComparison(comparisons, WEIGHTED, FULL, 'auc')?.verdict).toBe('better');
    expect(findComparison(comparisons, FULL, 'constant-rate', 'userLogLoss')?.verdict).toBe('worse');
    const unpaired = findComparison(comparisons, PROGRESSIVE, WEIGHTED, 'userLogLoss');
    expect(unpaired).toMatchObject({
      pairedSeeds: false,
      difference: 0,
      verdict: 'no detectable difference',
    });
    expect(better?.minimumDetectableDifference).toBeCloseTo(2.8 * (better?.se as number), 12);
  });
});

describe('verdictOf', () => {
  it('needs the whole interval on one side; AUC is higher-is-better', () => {
    expect(verdictOf('logLoss', -0.05, -0.01)).toBe('better');
    expect(verdictOf('logLoss', -0.05, 0.01)).toBe('no detectable difference');
    expect(verdictOf('logLoss', 0.01, 0.05)).toBe('worse');
    expect(verdictOf('auc', 0.01, 0.05)).toBe('better');
    expect(verdictOf('auc', -0.05, -0.01)).toBe('worse');
    expect(verdictOf('auc', null, 0.1)).toBe('no detectable difference');
  });
});
