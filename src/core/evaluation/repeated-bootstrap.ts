/**
 * Intervals for repeated runs (docs/contract.md §2b): a hierarchical, paired bootstrap. Each resample
 * draws seeds (training noise) and held-out users, then each drawn user's rows (data noise); every
 * predictor is scored on the same draw, so differences between predictors are paired — same rows, and
 * the same seeds where their seed lists agree. A predictor's side can be computed on its own and joined
 * later (a strategy's summary feeds the run's comparisons). Seeded and deterministic (randomness from the
 * project's seeded alea only: createRng, AleaStream).
 */
import { AleaStream } from '../random/rng';
import {
  countedRun,
  REPEAT_METRICS,
  wholeDraw,
  type CountedRun,
  type MetricValues,
  type RepeatMetric,
  type RowDraw,
  type ScoredRows,
} from './counted-run';
import { rowDraws } from './row-draws';
import { quantileSorted } from './summary-stats';

/** Resamples unless told otherwise, and the fewest a big file is cut down to. */
export const REPEAT_RESAMPLES = 1000;
export const MIN_REPEAT_RESAMPLES = 200;
/**
 * Rows × runs scored per resample above which fewer resamples are drawn: a bootstrap costs about 15 ns per
 * row-visit in Node on the 2-vCPU reference machine (a draw, then every drawn seed's pass), so one costs at
 * most about 0.2 s — on a 35k-row held-out set 342 resamples of one seed, the minimum 200 with two or more,
 * while the sample with ten seeds (182 rows × 62 runs) keeps 1,000. A run computes about two such intervals
 * per strategy (its first seed's and its summary): at 3e7 they were a third of a big file's CPU time
 * (docs/performance.md, "Evaluation"). The endpoints of a percentile interval move from one bootstrap seed to
 * another: on EdNet's 35k held-out rows (14 users), measured over 12 bootstrap seeds, by 0.09–0.24 standard
 * errors from 342 resamples, 0.05–0.11 from 857 and 0.08–0.24 from 200 — the lower end of a skewed
 * per-user figure the most; `resamples` in the report says how many.
 */
export const RESAMPLE_WORK_BUDGET = 1.2e7;
/** 95 % intervals; 2.8 = 1.96 + 0.84: a difference this many standard errors wide is found 80 % of the time. */
export const CONFIDENCE = 0.95;
export const DETECTABLE_SE = 2.8;

/**
 * The bootstrap seed of a run's strategy summaries and its comparisons: one, so that the comparisons reuse
 * each summary's draws instead of scoring every seed of every strategy again (0.8 s on EdNet's held-out rows).
 */
export const pairedBootstrapSeed = (runSeed: number | string): string => `${String(runSeed)}:paired`;

/** One predictor's runs: one prediction set per seed, aligned with the rows. */
export interface RepeatedPredictor {
  key: string;
  /** Seeds of the runs, in order; predictors with the same seed list draw the same seeds. */
  seeds: readonly (number | string)[];
  runs: readonly { pCorrect: ArrayLike<number>; timeSeconds?: ArrayLike<number> }[];
}

/** A metric over a predictor's seeds on the original rows. */
export interface SeedSpread {
  /** Mean over seeds (each seed's metric on all held-out rows); undefined when no seed has it. */
  mean: number | undefined;
  /** Sample standard deviation over seeds; undefined with fewer than 2. */
  sd: number | undefined;
  perSeed: (number | undefined)[];
}

export interface Interval {
  lo: number | undefined;
  hi: number | undefined;
}

export interface PairedDifference extends Interval {
  /** mean(A) − mean(B). */
  difference: number | undefined;
  /** Bootstrap standard deviation of the difference. */
  se: number | undefined;
}

export interface RepeatedBootstrap {
  resamples: number;
  spread(key: string, metric: RepeatMetric): SeedSpread;
  interval(key: string, metric: RepeatMetric): Interval;
  difference(a: string, b: string, metric: RepeatMetric): PairedDifference;
}

/**
 * Resamples for this much work: `requested`, fewer for big held-out sets, never below the minimum;
 * 0 asks for none (point estimates only).
 */
export function resamplesFor(rows: number, runs: number, requested = REPEAT_RESAMPLES): number {
  if (requested === 0) return 0;
  const work = Math.max(1, rows * runs);
  return Math.min(requested, Math.max(MIN_REPEAT_RESAMPLES, Math.floor(RESAMPLE_WORK_BUDGET / work)));
}

/** Sample standard deviation; exactly 0 when every value is equal (no invented spread). */
function sampleSd(values: readonly number[]): number | undefined {
  if (values.length < 2) return undefined;
  if (values.every((v) => v === values[0])) return 0;
  const m = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
}

function percentiles(values: Float64Array): Interval {
  const finite = Array.from(values)
    .filter(Number.isFinite)
    .sort((x, y) => x - y);
  const alpha = (1 - CONFIDENCE) / 2;
  return { lo: quantileSorted(finite, alpha), hi: quantileSorted(finite, 1 - alpha) };
}

/**
 * One predictor's side of a bootstrap: its metric on every resample. Resample b's row draw depends only on
 * the bootstrap seed and b, and its seed draw only on the bootstrap seed, b and the predictor's seed list,
 * so two predictors' replicates computed apart are as paired as if computed together, and the first k of
 * a longer bootstrap are a k-resample one: a strategy's summary hands its replicates to the comparisons.
 */
export interface PredictorReplicates {
  key: string;
  /** The bootstrap seed (pairing needs the same one on both sides). */
  bootstrapSeed: string;
  seeds: readonly (number | string)[];
  /** Each seed's metrics on the original rows. */
  perSeed: MetricValues[];
  replicates: Record<RepeatMetric, Float64Array>;
}

const seedsKey = (seeds: readonly (number | string)[]): string => seeds.join(',');

/**
 * Every predictor's replicates on `resamples` draws (resamplesFor over all of them unless told). One row
 * draw per resample serves them all; a seed list's draws come from its own stream (see PredictorReplicates).
 */
export function bootstrapReplicates(
  rows: ScoredRows,
  predictors: readonly RepeatedPredictor[],
  options: { seed: number | string; resamples?: number },
): { resamples: number; parts: PredictorReplicates[] } {
  const runs = predictors.map((p) => {
    if (p.runs.length !== p.seeds.length || p.runs.length === 0)
      throw new RangeError(`${p.key}: ${p.runs.length} runs for ${p.seeds.length} seeds`);
    return p.runs.map((r) => countedRun(rows, r.pCorrect, r.timeSeconds));
  });
  const totalRuns = predictors.reduce((s, p) => s + p.runs.length, 0);
  const resamples = resamplesFor(rows.labels.length, totalRuns, options.resamples);
  const bootstrapSeed = String(options.seed);

  // Point estimates: every seed on the original rows.
  const whole = wholeDraw(rows);
  const perSeed: MetricValues[][] = runs.map((list) => list.map((run) => run.score(whole)));

  // Seed groups: predictors sharing a seed list share the seed draw, from that list's stream.
  const signature = predictors.map((p) => seedsKey(p.seeds));
  const groupOf = signature.map((sig) => signature.indexOf(sig));
  const seedStreams = signature.map((sig, k) =>
    groupOf[k] === k ? new AleaStream(`${bootstrapSeed}:repeats:seeds:${sig}`) : undefined,
  );
  const n = rows.labels.length;
  const replicates = predictors.map(() =>
    Object.fromEntries(REPEAT_METRICS.map((m) => [m, new Float64Array(resamples).fill(NaN)])),
  ) as Record<RepeatMetric, Float64Array>[];
  const draws = rowDraws(rows, bootstrapSeed, resamples);
  const draw: RowDraw = { counts: new Uint32Array(n), ownGroups: 0 };
  const weights = predictors.map((p) => new Float64Array(p.seeds.length));
  for (let b = 0; b < resamples && n > 0; b++) {
    draws(b, draw);
    predictors.forEach((p, k) => {
      const w = weights[k] as Float64Array;
      const stream = seedStreams[k];
      if (!stream) return w.set(weights[groupOf[k] as number] as Float64Array);
      w.fill(0);
      for (let i = 0; i < p.seeds.length; i++) {
        const s = stream.int(p.seeds.length);
        w[s] = (w[s] as number) + 1;
      }
    });
    predictors.forEach((_p, k) => {
      const w = weights[k] as Float64Array;
      const sums = Object.fromEntries(REPEAT_METRICS.map((m) => [m, 0])) as Record<RepeatMetric, number>;
      const used = Object.fromEntries(REPEAT_METRICS.map((m) => [m, 0])) as Record<RepeatMetric, number>;
      (runs[k] as CountedRun[]).forEach((run, s) => {
        const weight = w[s] as number;
        if (weight === 0) return;
        const values = run.score(draw);
        for (const m of REPEAT_METRICS) {
          const v = values[m];
          if (v === undefined) continue;
          sums[m] += weight * v;
          used[m] += weight;
        }
      });
      for (const m of REPEAT_METRICS)
        if (used[m] > 0) (replicates[k] as Record<RepeatMetric, Float64Array>)[m][b] = sums[m] / used[m];
    });
  }
  return {
    resamples,
    parts: predictors.map((p, k) => ({
      key: p.key,
      bootstrapSeed,
      seeds: [...p.seeds],
      perSeed: perSeed[k] as MetricValues[],
      replicates: replicates[k] as Record<RepeatMetric, Float64Array>,
    })),
  };
}

/** Resamples a part holds (all its metrics have the same count). */
export const replicateCount = (part: PredictorReplicates): number => part.replicates.userLogLoss.length;

/**
 * The paired bootstrap of parts computed with one bootstrap seed, on their first `resamples` draws.
 * @throws RangeError when the seeds differ or a part has fewer draws.
 */
export function joinReplicates(parts: readonly PredictorReplicates[], resamples: number): RepeatedBootstrap {
  const index = new Map(parts.map((p, k) => [p.key, k]));
  for (const part of parts)
    if (part.bootstrapSeed !== parts[0]?.bootstrapSeed || replicateCount(part) < resamples)
      throw new RangeError(
        `${part.key}: not ${resamples} draws of bootstrap seed ${parts[0]?.bootstrapSeed}`,
      );
  const at = (key: string): PredictorReplicates => {
    const k = index.get(key);
    if (k === undefined) throw new RangeError(`no predictor "${key}"`);
    return parts[k] as PredictorReplicates;
  };
  const draws = (key: string, metric: RepeatMetric): Float64Array =>
    at(key).replicates[metric].subarray(0, resamples);

  const spread = (key: string, metric: RepeatMetric): SeedSpread => {
    const values = at(key).perSeed.map((v) => v[metric]);
    const known = values.filter((v): v is number => v !== undefined);
    return {
      mean: known.length === 0 ? undefined : known.reduce((s, v) => s + v, 0) / known.length,
      sd: sampleSd(known),
      perSeed: values,
    };
  };
  return {
    resamples,
    spread,
    interval: (key, metric) => percentiles(draws(key, metric)),
    difference(a, b, metric) {
      const rb = draws(b, metric);
      const diffs = draws(a, metric).map((v, i) => v - (rb[i] as number));
      const ma = spread(a, metric).mean;
      const mb = spread(b, metric).mean;
      const finite = Array.from(diffs).filter(Number.isFinite);
      return {
        difference: ma === undefined || mb === undefined ? undefined : ma - mb,
        ...percentiles(diffs),
        se: sampleSd(finite),
      };
    },
  };
}

/**
 * The bootstrap of `predictors` on `rows`: `resamples` draws (see resamplesFor), each scoring every
 * predictor as the mean over its drawn seeds of the metric on the drawn rows.
 */
export function repeatedBootstrap(
  rows: ScoredRows,
  predictors: readonly RepeatedPredictor[],
  options: { seed: number | string; resamples?: number },
): RepeatedBootstrap {
  const { resamples, parts } = bootstrapReplicates(rows, predictors, options);
  return joinReplicates(parts, resamples);
}

/**
 * repeatedBootstrap, reusing the draws a predictor brings (`replicates`) where they are from this bootstrap
 * seed, cover exactly its seeds and are enough; only the others are scored.
 */
export function pairedBootstrap(
  rows: ScoredRows,
  predictors: readonly (RepeatedPredictor & { replicates?: PredictorReplicates })[],
  options: { seed: string; resamples?: number },
): RepeatedBootstrap {
  const totalRuns = predictors.reduce((sum, p) => sum + p.runs.length, 0);
  const resamples = resamplesFor(rows.labels.length, totalRuns, options.resamples);
  const reusable = ({ key, seeds, replicates }: (typeof predictors)[number]): PredictorReplicates[] =>
    replicates &&
    replicates.bootstrapSeed === options.seed &&
    seedsKey(replicates.seeds) === seedsKey(seeds) &&
    replicateCount(replicates) >= resamples
      ? [{ ...replicates, key }]
      : [];
  const kept = predictors.flatMap(reusable);
  const keptKeys = new Set(kept.map((p) => p.key));
  // Exactly `resamples`: fewer predictors never lower resamplesFor below what all of them get.
  const scored = bootstrapReplicates(
    rows,
    predictors.filter((p) => !keptKeys.has(p.key)),
    { seed: options.seed, resamples },
  );
  return joinReplicates([...kept, ...scored.parts], resamples);
}
