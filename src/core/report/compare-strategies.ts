/**
 * The paired comparisons of docs/contract.md §2b: every strategy against the full retrain and against
 * the constant rate on per-user log loss, log loss and AUC, and every pair of strategies on per-user log
 * loss (what the recommendation needs). All from one hierarchical bootstrap, so every difference is
 * paired: same held-out rows, and the same seeds where the two strategies share their seed list. A
 * strategy whose summary drew on the run's paired bootstrap seed brings those draws along and is not scored
 * again.
 */
import type { ScoredRows } from '../evaluation/counted-run';
import type { HeldOutPrediction } from '../evaluation/evaluate-strategy';
import {
  DETECTABLE_SE,
  pairedBootstrap,
  pairedBootstrapSeed,
  type PredictorReplicates,
  type RepeatedPredictor,
} from '../evaluation/repeated-bootstrap';
import { metric } from './report-metric';
import type { ReportComparison } from './report-types';

/** The reference every strategy is read against first (the design note's "do not do this"). */
export const FULL_RETRAIN = 'full-retrain';
/** The constant-rate baseline's name in comparisons. */
export const CONSTANT_RATE = 'constant-rate';
export const COMPARED_METRICS = ['userLogLoss', 'logLoss', 'auc'] as const;
export type ComparedMetric = (typeof COMPARED_METRICS)[number];

/** A strategy's held-out predictions, one per seed. */
export interface ComparedStrategy {
  id: string;
  seeds: readonly number[];
  heldOut: readonly HeldOutPrediction[];
  /** Its summary's bootstrap draws (repeatedEntry's keep); used when they match this bootstrap. */
  replicates?: PredictorReplicates;
}

/** "better" only when the whole interval is on the strategy's side (AUC: higher is better). */
export function verdictOf(
  metricName: ComparedMetric,
  lo: number | null,
  hi: number | null,
): ReportComparison['verdict'] {
  if (lo === null || hi === null) return 'no detectable difference';
  const higherIsBetter = metricName === 'auc';
  if (higherIsBetter ? lo > 0 : hi < 0) return 'better';
  if (higherIsBetter ? hi < 0 : lo > 0) return 'worse';
  return 'no detectable difference';
}

/**
 * Comparisons among `strategies` (registry order) and against the constant rate (`baseline`: its
 * constant P(correct) and time). Strategies without predictions are left out.
 */
export function compareStrategies(
  rows: ScoredRows,
  strategies: readonly ComparedStrategy[],
  baseline: { pCorrect: number; timeSeconds: number },
  options: { seed: number | string; resamples?: number },
): ReportComparison[] {
  const n = rows.labels.length;
  if (strategies.length === 0 || n === 0) return [];
  const constant: RepeatedPredictor = {
    key: CONSTANT_RATE,
    // Its own seed list: it does not train, and must never share a seed draw with a strategy.
    seeds: [CONSTANT_RATE],
    runs: [
      {
        pCorrect: new Float64Array(n).fill(baseline.pCorrect),
        timeSeconds: new Float64Array(n).fill(baseline.timeSeconds),
      },
    ],
  };
  const boot = pairedBootstrap(
    rows,
    [
      ...strategies.map((s) => ({ key: s.id, seeds: s.seeds, runs: s.heldOut, replicates: s.replicates })),
      constant,
    ],
    { seed: pairedBootstrapSeed(options.seed), resamples: options.resamples },
  );
  const seedsOf = new Map<string, string>(strategies.map((s) => [s.id, s.seeds.join(',')]));
  const compare = (strategy: string, against: string, m: ComparedMetric): ReportComparison => {
    const d = boot.difference(strategy, against, m);
    const lo = metric(d.lo);
    const hi = metric(d.hi);
    const se = metric(d.se);
    return {
      strategy,
      against,
      metric: m,
      difference: metric(d.difference),
      lo,
      hi,
      verdict: verdictOf(m, lo, hi),
      se,
      minimumDetectableDifference: se === null ? null : DETECTABLE_SE * se,
      pairedSeeds: seedsOf.get(strategy) === seedsOf.get(against),
      heldOutRows: n,
    };
  };
  const out: ReportComparison[] = [];
  const ids = strategies.map((s) => s.id);
  for (const id of ids) {
    if (id !== FULL_RETRAIN && ids.includes(FULL_RETRAIN))
      for (const m of COMPARED_METRICS) out.push(compare(id, FULL_RETRAIN, m));
    for (const m of COMPARED_METRICS) out.push(compare(id, CONSTANT_RATE, m));
    for (const other of ids)
      if (other !== id && other !== FULL_RETRAIN) out.push(compare(id, other, 'userLogLoss'));
  }
  return out;
}

/** The comparison of `strategy` against `against` on `metricName`, if computed. */
export const findComparison = (
  comparisons: readonly ReportComparison[],
  strategy: string,
  against: string,
  metricName: ComparedMetric,
): ReportComparison | undefined =>
  comparisons.find((c) => c.strategy === strategy && c.against === against && c.metric === metricName);
