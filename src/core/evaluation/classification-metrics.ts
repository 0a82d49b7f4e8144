/**
 * Every held-out metric of one prediction set in one call, overall and macro-averaged over users.
 * The macro view exists because one user holds ~90 % of the rows: the overall numbers mostly describe
 * that user, while the macro numbers give the three small users an equal say, as the design note asks.
 */
import { accuracy } from './accuracy';
import { auc } from './auc';
import type { BinaryLabels, Probabilities } from './binary-labels';
import { brier } from './brier';
import { expectedCalibrationError } from './calibration';
import { logLoss } from './log-loss';
import { timeErrors } from './time-errors';

/** Actual and predicted answering times of the same rows, seconds. */
export interface TimePairs {
  actualSeconds: ArrayLike<number>;
  predictedSeconds: ArrayLike<number>;
}

/** Held-out metrics. A metric that does not exist for the rows (see each function) is undefined. */
export interface ClassificationMetrics {
  /** Rows the metrics rest on. */
  n: number;
  auc: number | undefined;
  /** Nats per row. */
  logLoss: number | undefined;
  brier: number | undefined;
  /** 10 equal-width bins. */
  ece: number | undefined;
  /** At threshold 0.5 (p ≥ 0.5 predicts correct). */
  accuracy: number | undefined;
  /** Present only when times were given; seconds. */
  timeMaeSeconds?: number;
  /** Present only when times were given; seconds. */
  timeMedianAbsErrorSeconds?: number;
}

/** The metric keys that `macroByUser` averages. */
export const MACRO_METRICS = [
  'auc',
  'logLoss',
  'brier',
  'ece',
  'accuracy',
  'timeMaeSeconds',
  'timeMedianAbsErrorSeconds',
] as const;
export type MacroMetricName = (typeof MACRO_METRICS)[number];

/**
 * AUC, log loss, Brier, ECE and accuracy of `predictions` against `labels`, plus time errors when
 * `times` is given. Throws (RangeError) on mismatched lengths or invalid values, like each metric.
 */
export function classificationMetrics(
  labels: BinaryLabels,
  predictions: Probabilities,
  times?: TimePairs,
): ClassificationMetrics {
  const out: ClassificationMetrics = {
    n: labels.length,
    auc: auc(labels, predictions),
    logLoss: logLoss(labels, predictions),
    brier: brier(labels, predictions),
    ece: expectedCalibrationError(labels, predictions),
    accuracy: accuracy(labels, predictions),
  };
  if (times) {
    const t = timeErrors(times.actualSeconds, times.predictedSeconds);
    if (t) {
      out.timeMaeSeconds = t.maeSeconds;
      out.timeMedianAbsErrorSeconds = t.medianAbsErrorSeconds;
    }
  }
  return out;
}

/** One held-out row with its prediction. Times are optional but must be on every row or on none. */
export interface EvaluatedRow {
  userId: string;
  /** The outcome: true / 1 correct. */
  isCorrect: boolean | number;
  /** Predicted P(correct), 0–1. */
  pCorrect: number;
  /** Seconds. */
  actualTimeSeconds?: number;
  /** Seconds. */
  predictedTimeSeconds?: number;
}

/**
 * `classificationMetrics` over rows. Time errors are included when every row carries both times.
 * @throws RangeError when only some rows carry times (a half-filled time column is a caller's bug).
 */
export function metricsOfRows(rows: readonly EvaluatedRow[]): ClassificationMetrics {
  const timed = rows.filter((r) => r.actualTimeSeconds !== undefined && r.predictedTimeSeconds !== undefined);
  if (timed.length !== 0 && timed.length !== rows.length) {
    throw new RangeError(`${timed.length} of ${rows.length} rows carry times: all or none must`);
  }
  const times: TimePairs | undefined =
    rows.length > 0 && timed.length === rows.length
      ? {
          actualSeconds: rows.map((r) => r.actualTimeSeconds as number),
          predictedSeconds: rows.map((r) => r.predictedTimeSeconds as number),
        }
      : undefined;
  return classificationMetrics(
    rows.map((r) => r.isCorrect),
    rows.map((r) => r.pCorrect),
    times,
  );
}

/** Unweighted means over users. */
export interface MacroMetrics extends Partial<Record<MacroMetricName, number>> {
  /** Users with at least one row. */
  users: number;
  /** How many users entered each metric's average (users where the metric is undefined are left out). */
  usersUsed: Record<MacroMetricName, number>;
  /** Each user's own metrics, in order of first appearance in `rows`. */
  perUser: { userId: string; metrics: ClassificationMetrics }[];
}

/**
 * Macro averages: compute every metric per user, then take the plain mean over users. A user whose
 * metric is undefined (e.g. AUC when all their held-out answers were correct) is left out of that
 * metric's mean only, and `usersUsed` says how many users each mean rests on; a metric no user has is
 * absent (undefined).
 */
export function macroByUser(rows: readonly EvaluatedRow[]): MacroMetrics {
  const groups = new Map<string, EvaluatedRow[]>();
  for (const r of rows) {
    const g = groups.get(r.userId);
    if (g) g.push(r);
    else groups.set(r.userId, [r]);
  }
  const perUser = [...groups].map(([userId, g]) => ({ userId, metrics: metricsOfRows(g) }));
  const usersUsed = {} as Record<MacroMetricName, number>;
  const out: MacroMetrics = { users: perUser.length, usersUsed, perUser };
  for (const name of MACRO_METRICS) {
    const values = perUser.map((u) => u.metrics[name]).filter((v): v is number => v !== undefined);
    usersUsed[name] = values.length;
    if (values.length > 0) out[name] = values.reduce((s, v) => s + v, 0) / values.length;
  }
  return out;
}
