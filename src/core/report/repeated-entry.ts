/**
 * A strategy over its seeds, as the report lists it (docs/contract.md §2b): the version-1 fields of the
 * first seed, `runs` (one per seed) and `summary` (mean, sd and 95 % interval of each metric, pass rate
 * of each check), plus the run it came from (issue 20). Also the summary of the reference rows.
 */
import { REPEAT_METRICS, type ScoredRows } from '../evaluation/counted-run';
import type { HeldOutPrediction } from '../evaluation/evaluate-strategy';
import {
  bootstrapReplicates,
  joinReplicates,
  pairedBootstrapSeed,
  type PredictorReplicates,
} from '../evaluation/repeated-bootstrap';
import { metric } from './report-metric';
import type {
  Metric,
  ReportPassRate,
  ReportRun,
  ReportSpread,
  ReportStrategy,
  ReportSummary,
} from './report-types';
import type { ReportChecks } from './report-probes';
import type { RunSettings, SeedEntryOk, SeedResult } from './seed-result';

/** The per-seed row of `runs[]`. */
export function runOf(seed: number, e: SeedEntryOk): ReportRun {
  return {
    seed,
    trainMs: e.trainMs,
    test: e.test,
    testMacroByUser: e.testMacroByUser,
    userLogLoss: e.userLogLoss,
    verdicts: { ...e.verdicts },
    checks: { ...e.checks },
    responseGap: e.responseGap,
    varianceRatio: e.varianceRatio,
    saturatedShare: e.distribution.saturatedShare,
    distinctPercent: e.distribution.distinctPercent,
  };
}

/** Share of judged seeds passing; null when no seed could be judged. */
function passRate(checks: readonly ReportChecks[]): ReportPassRate {
  const rate = (pass: (c: ReportChecks) => boolean, judged: (c: ReportChecks) => boolean): Metric => {
    const counted = checks.filter(judged);
    return counted.length === 0 ? null : counted.filter(pass).length / counted.length;
  };
  const keys = ['continuous', 'responsive', 'generalizes'] as const;
  const judgedAll = (c: ReportChecks) => keys.every((k) => c[k] !== 'not enough data');
  return {
    continuous: rate(
      (c) => c.continuous === 'pass',
      (c) => c.continuous !== 'not enough data',
    ),
    responsive: rate(
      (c) => c.responsive === 'pass',
      (c) => c.responsive !== 'not enough data',
    ),
    generalizes: rate(
      (c) => c.generalizes === 'pass',
      (c) => c.generalizes !== 'not enough data',
    ),
    all: rate((c) => keys.every((k) => c[k] === 'pass'), judgedAll),
  };
}

function seedSpread(values: readonly Metric[]): ReportSpread {
  const known = values.filter((v): v is number => v !== null);
  const mean = known.length === 0 ? null : known.reduce((s, v) => s + v, 0) / known.length;
  const sd =
    mean === null || known.length < 2
      ? null
      : Math.sqrt(known.reduce((s, v) => s + (v - mean) ** 2, 0) / (known.length - 1));
  return { mean, sd, lo: null, hi: null };
}

/**
 * Metrics of one predictor over its seeds: mean and sd over seeds on all held-out rows, and the 95 %
 * interval of the mean resampling seeds, held-out users and their rows (repeated-bootstrap).
 */
export function summarize(
  rows: ScoredRows,
  seeds: readonly (number | string)[],
  heldOut: readonly HeldOutPrediction[],
  runs: readonly Pick<ReportRun, 'checks' | 'responseGap'>[],
  bootstrapSeed: string,
  resamples?: number,
  /** False: mean and sd only (lo / hi null, resamples 0) — for entries still gaining seeds. */
  intervals = true,
  /** Given the draws behind the intervals (key 'it'), for paired comparisons on the same bootstrap seed. */
  keep?: (part: PredictorReplicates) => void,
): ReportSummary {
  const { resamples: drawn, parts } = bootstrapReplicates(rows, [{ key: 'it', seeds, runs: heldOut }], {
    seed: bootstrapSeed,
    resamples: intervals ? resamples : 0,
  });
  const boot = joinReplicates(parts, drawn);
  if (intervals && parts[0]) keep?.(parts[0]);
  const spreads = Object.fromEntries(
    REPEAT_METRICS.map((m) => {
      const spread = boot.spread('it', m);
      const interval = boot.interval('it', m);
      return [
        m,
        {
          mean: metric(spread.mean),
          sd: metric(spread.sd),
          lo: metric(interval.lo),
          hi: metric(interval.hi),
        },
      ];
    }),
  ) as Record<(typeof REPEAT_METRICS)[number], ReportSpread>;
  return {
    seeds: seeds.length,
    n: rows.labels.length,
    resamples: boot.resamples,
    ...spreads,
    responseGap: seedSpread(runs.map((r) => r.responseGap)),
    passRate: passRate(runs.map((r) => r.checks)),
  };
}

/**
 * The report entry of a strategy from its seeds' results (in seed order). A strategy that failed on any
 * seed is a failed entry naming that seed; otherwise the first seed's entry with runs and summary.
 * `intervals: false` leaves the summary's lo / hi for later (an entry of a run still in progress: the
 * bootstrap over every seed so far, at every seed, would cost the square of the seeds).
 */
export function repeatedEntry(
  results: readonly SeedResult[],
  settings: RunSettings,
  rows: ScoredRows,
  resamples?: number,
  intervals = true,
  /** Given the summary's bootstrap draws when it has intervals (see summarize). */
  keep?: (part: PredictorReplicates) => void,
): ReportStrategy {
  const first = results[0];
  if (!first) throw new RangeError('a strategy entry needs at least one seed');
  const seeds = results.map((r) => r.seed);
  const identity = { ...settings, seed: first.seed, seeds };
  const failed = results.find((r) => r.entry.status === 'failed' || !r.heldOut);
  if (failed) {
    const entry = failed.entry;
    const error = entry.status === 'failed' ? entry.error : 'no held-out predictions';
    return {
      status: 'failed',
      id: entry.id,
      label: entry.label,
      options: entry.options,
      trainMs: entry.trainMs,
      ...identity,
      error: results.length > 1 ? `seed ${failed.seed}: ${error}` : error,
    };
  }
  const entries = results.map((r) => r.entry as SeedEntryOk);
  const runs = entries.map((e, i) => runOf(seeds[i] as number, e));
  const head = entries[0] as SeedEntryOk;
  return {
    ...head,
    ...identity,
    runs,
    summary: summarize(
      rows,
      seeds,
      results.map((r) => r.heldOut as HeldOutPrediction),
      runs,
      pairedBootstrapSeed(first.seed),
      resamples,
      intervals,
      keep,
    ),
  };
}

/**
 * An entry whose run stopped before all its seeds came in (a cancel), given the intervals it was left
 * without: the same summary repeatedEntry gives a complete entry, over the seeds it has.
 */
export function withIntervals(
  entry: ReportStrategy,
  rows: ScoredRows,
  heldOut: readonly HeldOutPrediction[],
  resamples?: number,
  keep?: (part: PredictorReplicates) => void,
): ReportStrategy {
  if (entry.status !== 'ok' || entry.summary.resamples > 0 || heldOut.length !== entry.seeds.length)
    return entry;
  return {
    ...entry,
    summary: summarize(
      rows,
      entry.seeds,
      heldOut,
      entry.runs,
      pairedBootstrapSeed(entry.seed),
      resamples,
      true,
      keep,
    ),
  };
}
