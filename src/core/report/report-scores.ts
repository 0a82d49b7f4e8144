/**
 * How a predictor scores on the held-out rows (the report's `test`, per-user metrics, distribution,
 * reliability and fit to the simulator's truth), as JSON-safe types: what every scored row of the
 * report (strategy, baseline, recorded, truth) carries. Types only; no tfjs.
 */
import type { ReliabilityBin } from '../evaluation/calibration';

/** A metric value; null when it does not exist for the rows (e.g. AUC on a single-class set). */
export type Metric = number | null;

/** A seeded percentile bootstrap interval, in the metric's unit. */
export interface ReportInterval {
  estimate: Metric;
  lower: Metric;
  upper: Metric;
  /** Central coverage, 0–1 (0.95). */
  confidence: number;
  resamples: number;
  /** Resamples where the metric existed; the interval rests on these. */
  validResamples: number;
}

/** Held-out metrics. logLoss in nats per row; times in seconds. */
export interface ReportMetrics {
  /** Held-out rows the metrics rest on. */
  n: number;
  auc: Metric;
  logLoss: Metric;
  brier: Metric;
  ece: Metric;
  /** At 0.5 (p ≥ 0.5 predicts correct). */
  accuracy: Metric;
  /** Null for predictors without a time head (the recorded row). */
  timeMaeSeconds: Metric;
  timeMedianAbsErrorSeconds: Metric;
}

/** `test`: overall held-out metrics with 95 % intervals for AUC and log loss (stratified by user). */
export interface ReportTest extends ReportMetrics {
  intervals: { auc: ReportInterval; logLoss: ReportInterval };
}

/** Unweighted means over users; `usersUsed[metric]` says how many users each mean rests on. */
export interface ReportMacro extends Omit<ReportMetrics, 'n'> {
  users: number;
  usersUsed: Record<string, number>;
}

export interface ReportDistribution {
  /** 20 bins of width 0.05 over held-out predictions; 1.0 in the last. */
  counts: number[];
  /** Share (0–1) below 0.01 or above 0.99. */
  saturatedShare: Metric;
  /** Count of distinct whole-percent values (0…101). */
  distinctPercent: number;
  /** Population std, 0–1 scale. */
  std: Metric;
  mean: Metric;
}

/** Already JSON-safe in the evaluation layer: an empty bin has null means. */
export type ReportReliabilityBin = ReliabilityBin;

/** RMSE (probability units) and Pearson r of predicted against the simulator's true P(correct). */
export interface ReportGroundTruthFit {
  n: number;
  rmse: Metric;
  correlation: Metric;
}
export interface ReportGroundTruth {
  overall: ReportGroundTruthFit;
  perUser: ({ userId: string } & ReportGroundTruthFit)[];
}

/** What every scored row (strategy, baseline, recorded) has. */
export interface ReportScores {
  test: ReportTest;
  testMacroByUser: ReportMacro;
  /** Each user's own held-out metrics. */
  testPerUser: ({ userId: string } & ReportMetrics)[];
  distribution: ReportDistribution;
  /** 10 equal-width bins. */
  reliability: ReportReliabilityBin[];
  /** Null when the data carries no `true_p`. */
  groundTruth: ReportGroundTruth | null;
}
