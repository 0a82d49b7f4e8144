import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { auc } from './auc';
import { bootstrapInterval, bootstrapIntervalByCounts, bootstrapIntervalsByCounts } from './bootstrap';
import { aucOrder, countedAuc, countedLogLoss } from './counted-metrics';
import { logLoss } from './log-loss';

const rng = createRng(8);
// Ties and saturated values on purpose: rank-based AUC must handle them the same way.
const rows = Array.from({ length: 300 }, (_, i) => ({
  user: `u${i % 7}`,
  y: rng.next() < 0.6,
  p: [0, 1, 0.5][i % 11] ?? Math.round(rng.next() * 20) / 20,
}));
const labels = rows.map((r) => r.y);
const p = rows.map((r) => r.p);

describe('counted metrics', () => {
  it('equal auc() and logLoss() on the rows a counts vector stands for', () => {
    const counts = Uint32Array.from(rows, () => rng.int(3));
    const expanded = rows.flatMap((r, i) => Array.from({ length: counts[i] as number }, () => r));
    const y = expanded.map((r) => r.y);
    const q = expanded.map((r) => r.p);
    expect(countedAuc(labels, p)(counts)).toBeCloseTo(auc(y, q) as number, 12);
    expect(countedLogLoss(labels, p)(counts)).toBeCloseTo(logLoss(y, q) as number, 12);
    expect(countedAuc(labels, p)(Uint32Array.from(rows, (r) => (r.y ? 1 : 0)))).toBeUndefined(); // one class only
    expect(countedLogLoss(labels, p)(new Uint32Array(rows.length))).toBeUndefined();
  });

  it('give the same bootstrap interval as resampling the rows (same draws, same seed)', () => {
    const options = { seed: 3, resamples: 200, stratum: (r: (typeof rows)[number]) => r.user };
    const viaRows = bootstrapInterval(
      rows,
      (s) =>
        auc(
          s.map((r) => r.y),
          s.map((r) => r.p),
        ),
      options,
    );
    const viaCounts = bootstrapIntervalByCounts(rows, countedAuc(labels, p), options);
    expect(viaCounts.validResamples).toBe(viaRows.validResamples);
    for (const key of ['estimate', 'lower', 'upper'] as const) {
      expect(viaCounts[key]).toBeCloseTo(viaRows[key] as number, 12);
    }
  });

  it('share one set of resamples: each interval equals the one its metric gets alone', () => {
    const options = { seed: 11, resamples: 300, stratum: (r: (typeof rows)[number]) => r.user };
    const both = bootstrapIntervalsByCounts(
      rows,
      { auc: countedAuc(labels, p), logLoss: countedLogLoss(labels, p) },
      options,
    );
    expect(both.auc).toEqual(bootstrapIntervalByCounts(rows, countedAuc(labels, p), options));
    expect(both.logLoss).toEqual(bootstrapIntervalByCounts(rows, countedLogLoss(labels, p), options));
    expect(both.auc.lower).toBeLessThan(both.auc.upper as number);
  });

  it('sort predictions as a stable comparator sort does: ties in row order, float32 or not', () => {
    const r = createRng('order');
    const reference = (q: ArrayLike<number>) =>
      Array.from({ length: q.length }, (_, i) => i).sort((a, b) => (q[a] as number) - (q[b] as number));
    // Many ties, exact 0 and 1, values above 1 (never a probability, still ordered), then one -0: the
    // packed path refuses a sign bit and the comparator answers.
    const n = 5_000;
    const tied = Float32Array.from({ length: n }, (_, i) =>
      i % 13 === 0 ? 0 : i % 17 === 0 ? 1 : Math.round(r.next() * 40) / 20,
    );
    const y = Float64Array.from({ length: n }, () => (r.next() < 0.5 ? 1 : 0));
    for (const q of [tied, Float32Array.from(tied, (v, i) => (i === 7 ? -0 : v)), Array.from(tied)]) {
      const sorted = aucOrder(y, q);
      const want = reference(q);
      expect(Array.from(sorted.order)).toEqual(want);
      expect(Array.from(sorted.sortedLabel)).toEqual(want.map((i) => y[i]));
    }
  });
});
