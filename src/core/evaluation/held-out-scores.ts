/**
 * Scores one set of predictions on the held-out rows of a split: overall and per-user metrics, seeded
 * bootstrap intervals, the reliability curve and ground truth. Also the two reference rows every
 * strategy is read against: the constant-rate baseline and the production model's recorded predictions.
 */
import type { Task } from '../data/task';
import { baselinePredictions, constantBaseline, type ConstantBaseline } from './baseline';
import { bootstrapIntervalsByCounts, DEFAULT_RESAMPLES, type BootstrapInterval } from './bootstrap';
import { countedAuc, countedLogLoss } from './counted-metrics';
import { reliabilityCurve, type ReliabilityBin } from './calibration';
import {
  classificationMetrics,
  macroByUser,
  type ClassificationMetrics,
  type EvaluatedRow,
  type MacroMetrics,
} from './classification-metrics';
import { predictionDistribution, type PredictionDistribution } from './distribution';
import { groundTruth, type GroundTruth } from './ground-truth';
import { resamplesFor } from './repeated-bootstrap';

/** Predictions aligned with the held-out rows. */
export interface HeldOutPredictions {
  /** P(correct), 0–1, one per held-out row. */
  pCorrect: ArrayLike<number>;
  /** Predicted answering time, seconds; omitted for predictors without a time head (the recorded row). */
  timeSeconds?: ArrayLike<number>;
}

export interface ScoreOptions {
  /** Seeds the bootstrap; the same seed for every strategy makes the intervals paired (same resamples). */
  seed: number;
  /** Bootstrap resamples, default 1000; fewer on a big held-out set (resamplesFor). */
  resamples?: number;
}

/** Everything measured on the held-out rows for one prediction set. */
export interface HeldOutScores {
  /** Overall metrics (time errors in seconds when times were given). */
  test: ClassificationMetrics;
  /** 95 % percentile intervals, resampling rows within each user (the split fixes each user's count). */
  intervals: { auc: BootstrapInterval; logLoss: BootstrapInterval };
  /** Unweighted means over users, with each user's own metrics. */
  macroByUser: MacroMetrics;
  /** 10 equal-width bins. */
  reliability: ReliabilityBin[];
  /** The design note's continuity numbers over these predictions. */
  distribution: PredictionDistribution;
  /** Held-out rows per user, in order of first appearance. */
  perUserCounts: { userId: string; n: number }[];
  /** RMSE / correlation against `trueP`; undefined when no held-out row carries it. */
  groundTruth: GroundTruth | undefined;
}

/**
 * Score predictions for `testIndices` (positions into `tasks`, same order as the predictions).
 * @throws RangeError when lengths differ or a prediction is not a probability.
 */
export function scoreHeldOut(
  tasks: readonly Task[],
  testIndices: readonly number[],
  predictions: HeldOutPredictions,
  options: ScoreOptions,
): HeldOutScores {
  const { pCorrect, timeSeconds } = predictions;
  if (pCorrect.length !== testIndices.length || (timeSeconds && timeSeconds.length !== testIndices.length)) {
    throw new RangeError(`expected ${testIndices.length} predictions, got ${pCorrect.length}`);
  }
  const rows: EvaluatedRow[] = testIndices.map((i, j) => {
    const t = tasks[i] as Task;
    const row: EvaluatedRow = { userId: t.userId, isCorrect: t.isCorrect, pCorrect: pCorrect[j] as number };
    if (timeSeconds) {
      row.actualTimeSeconds = t.actualTimeSeconds;
      row.predictedTimeSeconds = timeSeconds[j] as number;
    }
    return row;
  });
  const labels = rows.map((r) => r.isCorrect);
  const p = rows.map((r) => r.pCorrect);
  const test = classificationMetrics(
    labels,
    p,
    timeSeconds
      ? { actualSeconds: rows.map((r) => r.actualTimeSeconds as number), predictedSeconds: timeSeconds }
      : undefined,
  );
  const boot = {
    seed: options.seed,
    // The same work budget as the repeated-runs intervals: 342 resamples on a 35k-row held-out set.
    resamples: resamplesFor(rows.length, 1, options.resamples ?? DEFAULT_RESAMPLES),
    stratum: (r: EvaluatedRow) => r.userId,
    // Every predictor scored on these held-out rows draws the same resamples: drawn once, then read back.
    drawsKey: testIndices,
  };
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.userId, (counts.get(r.userId) ?? 0) + 1);
  const truthRows = testIndices.map((i, j) => ({
    userId: (tasks[i] as Task).userId,
    predicted: p[j] as number,
    trueP: (tasks[i] as Task).trueP,
  }));
  return {
    test,
    // One set of resamples for both (the same draws each would make alone).
    intervals: bootstrapIntervalsByCounts(
      rows,
      { auc: countedAuc(labels, p), logLoss: countedLogLoss(labels, p) },
      boot,
    ),
    macroByUser: macroByUser(rows),
    reliability: reliabilityCurve(labels, p),
    distribution: predictionDistribution(p),
    perUserCounts: [...counts].map(([userId, n]) => ({ userId, n })),
    groundTruth: truthRows.some((r) => r.trueP !== undefined) ? groundTruth(truthRows) : undefined,
  };
}

/** The constant-rate row: what it learned from the training rows, and its held-out scores. */
export interface BaselineScores extends HeldOutScores {
  baseline: ConstantBaseline;
}

/**
 * Fit the constant baseline on `trainIndices` only (never the held-out rows: that would leak their
 * base rate) and score it like a strategy. AUC is exactly 0.5 (all ties) and its interval degenerate.
 */
export function scoreBaseline(
  tasks: readonly Task[],
  trainIndices: readonly number[],
  testIndices: readonly number[],
  options: ScoreOptions,
): BaselineScores {
  const baseline = constantBaseline(trainIndices.map((i) => tasks[i] as Task));
  const predictions = baselinePredictions(baseline, testIndices.length);
  return { baseline, ...scoreHeldOut(tasks, testIndices, predictions, options) };
}

/**
 * The production model's own `predictedCorrect` scored the same way, on the held-out rows that carry
 * one (`test.n` says how many). No time errors: the export records no predicted time.
 * @returns undefined when no held-out row carries `predictedCorrect`.
 */
export function scoreRecorded(
  tasks: readonly Task[],
  testIndices: readonly number[],
  options: ScoreOptions,
): HeldOutScores | undefined {
  const carrying = testIndices.filter((i) => (tasks[i] as Task).predictedCorrect !== undefined);
  if (carrying.length === 0) return undefined;
  const pCorrect = carrying.map((i) => (tasks[i] as Task).predictedCorrect as number);
  return scoreHeldOut(tasks, carrying, { pCorrect }, options);
}
