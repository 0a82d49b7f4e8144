import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { auc } from './auc';
import { bootstrapInterval, bootstrapIntervalsByCounts } from './bootstrap';

interface Row {
  userId: string;
  y: number;
  p: number;
}

/** 200 rows, 180 of user "bulk", where p is informative but noisy (a true AUC well inside (0.5, 1)). */
function sample(): Row[] {
  const rng = createRng('bootstrap-fixture');
  return Array.from({ length: 200 }, (_, i) => {
    const y = rng.next() < 0.6 ? 1 : 0;
    const p = Math.min(1, Math.max(0, 0.5 + (y - 0.5) * 0.3 + rng.normal() * 0.2));
    return { userId: i < 180 ? 'bulk' : `small${i % 3}`, y, p };
  });
}

const aucOf = (rows: readonly Row[]): number | undefined =>
  auc(
    rows.map((r) => r.y),
    rows.map((r) => r.p),
  );

describe('bootstrapInterval', () => {
  it('is deterministic for a seed and differs for another', () => {
    const rows = sample();
    const a = bootstrapInterval(rows, aucOf, { seed: 42, resamples: 200 });
    const b = bootstrapInterval(rows, aucOf, { seed: 42, resamples: 200 });
    const c = bootstrapInterval(rows, aucOf, { seed: 43, resamples: 200 });
    expect(b).toEqual(a);
    expect(c.lower).not.toBe(a.lower);
  });

  it('brackets the point estimate with the default 1000 resamples at 95 %', () => {
    const r = bootstrapInterval(sample(), aucOf, { seed: 42, stratum: (row) => row.userId });
    expect(r.resamples).toBe(1000);
    expect(r.confidence).toBe(0.95);
    expect(r.validResamples).toBe(1000);
    const { estimate, lower, upper } = r;
    expect(estimate).toBeDefined();
    expect(lower as number).toBeLessThan(estimate as number);
    expect(upper as number).toBeGreaterThan(estimate as number);
    // With ~200 rows the 95 % AUC interval is a few hundredths wide, not zero and not the whole range.
    expect((upper as number) - (lower as number)).toBeGreaterThan(0.02);
    expect((upper as number) - (lower as number)).toBeLessThan(0.3);
  });

  it('keeps each stratum’s size when stratified', () => {
    const rows = sample();
    const bulkCount = (s: readonly Row[]): number => s.filter((r) => r.userId === 'bulk').length;
    const strat = bootstrapInterval(rows, bulkCount, { seed: 1, resamples: 100, stratum: (r) => r.userId });
    expect([strat.lower, strat.upper]).toEqual([180, 180]);
    const plain = bootstrapInterval(rows, bulkCount, { seed: 1, resamples: 100 });
    expect(plain.upper as number).toBeGreaterThan(plain.lower as number);
  });

  it('drops resamples where the metric is undefined and counts them', () => {
    // One positive in ten rows: a resample misses it with probability 0.9¹⁰ ≈ 0.35.
    const rows: Row[] = Array.from({ length: 10 }, (_, i) => ({
      userId: 'u',
      y: i === 0 ? 1 : 0,
      p: i / 10,
    }));
    const r = bootstrapInterval(rows, aucOf, { seed: 5, resamples: 500 });
    expect(r.validResamples).toBeGreaterThan(250);
    expect(r.validResamples).toBeLessThan(400);
    expect(bootstrapInterval([], aucOf, { seed: 5, resamples: 10 })).toMatchObject({
      lower: undefined,
      validResamples: 0,
    });
  });

  it('rejects bad options', () => {
    expect(() => bootstrapInterval(sample(), aucOf, { seed: 1, resamples: 0 })).toThrow(RangeError);
    expect(() => bootstrapInterval(sample(), aucOf, { seed: 1, confidence: 1 })).toThrow(RangeError);
  });
});

describe('bootstrapIntervalsByCounts with a draws key', () => {
  const rows = sample();
  // Σ count·p ÷ Σ count: a metric that moves with every draw.
  const meanP = (counts: Uint8Array | Uint32Array) => {
    let [sum, n] = [0, 0];
    counts.forEach((c, i) => {
      sum += c * (rows[i] as Row).p;
      n += c;
    });
    return sum / n;
  };
  const options = { seed: 7, resamples: 50, stratum: (r: Row) => r.userId };

  it('reads the kept draws back: the same intervals as drawing afresh, for the same seed only', () => {
    const fresh = bootstrapIntervalsByCounts(rows, { m: meanP }, options).m;
    const key = {};
    const first = bootstrapIntervalsByCounts(rows, { m: meanP }, { ...options, drawsKey: key }).m;
    const seen: Uint8Array[] = [];
    const spy = (counts: Uint8Array | Uint32Array) => {
      seen.push(Uint8Array.from(counts));
      return meanP(counts);
    };
    const again = bootstrapIntervalsByCounts(rows, { m: spy }, { ...options, drawsKey: key }).m;
    expect(first).toEqual(fresh);
    expect(again).toEqual(fresh);
    expect(seen.slice(1)).toHaveLength(50); // the estimate's all-ones counts, then each resample
    // The key stands for the rows and strata: under it a call reads the kept draws whatever it is given.
    const { stratum: _, ...plain } = options;
    expect(bootstrapIntervalsByCounts(rows, { m: meanP }, plain).m).not.toEqual(fresh);
    expect(bootstrapIntervalsByCounts(rows, { m: meanP }, { ...plain, drawsKey: key }).m).toEqual(fresh);
    const otherSeed = { ...options, seed: 8 };
    expect(bootstrapIntervalsByCounts(rows, { m: meanP }, { ...otherSeed, drawsKey: key }).m).toEqual(
      bootstrapIntervalsByCounts(rows, { m: meanP }, otherSeed).m,
    );
    expect(
      bootstrapIntervalsByCounts(rows, { m: meanP }, { ...options, resamples: 60, drawsKey: key }).m,
    ).toEqual(bootstrapIntervalsByCounts(rows, { m: meanP }, { ...options, resamples: 60 }).m);
  });
});
