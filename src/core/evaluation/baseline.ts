/**
 * The constant-rate baseline every strategy must beat: predict the training set's correct rate for
 * every held-out row (and the median training time for the time head). Its AUC is exactly 0.5 (all
 * ties) and its log loss is what "knowing only the base rate" is worth; a strategy near it learned nothing.
 */
import type { Task } from '../data/task';
import { median } from './summary-stats';

/** What the baseline learned from the training rows. */
export interface ConstantBaseline {
  /** Share of training rows answered correctly, 0–1. */
  pCorrect: number;
  /** Median training answering time, seconds (the median, since times are long-tailed). */
  timeSeconds: number;
  /** Training rows it rests on. */
  trainRows: number;
}

/** Constant predictions for n held-out rows (same shape as a predictor's output). */
export interface BaselinePredictions {
  /** P(correct), 0–1, the same value n times. */
  pCorrect: Float64Array;
  /** Seconds, the same value n times. */
  timeSeconds: Float64Array;
}

/**
 * Fit the baseline on the training rows only (never the held-out ones: that would leak the test
 * set's base rate).
 * @throws RangeError when there are no training rows.
 */
export function constantBaseline(
  trainRows: readonly Pick<Task, 'isCorrect' | 'actualTimeSeconds'>[],
): ConstantBaseline {
  if (trainRows.length === 0) throw new RangeError('the constant baseline needs at least one training row');
  let correct = 0;
  for (const r of trainRows) if (r.isCorrect) correct++;
  return {
    pCorrect: correct / trainRows.length,
    timeSeconds: median(trainRows.map((r) => r.actualTimeSeconds)) as number,
    trainRows: trainRows.length,
  };
}

/**
 * The baseline's predictions for `n` held-out rows.
 * @param n number of held-out rows (integer ≥ 0).
 */
export function baselinePredictions(baseline: ConstantBaseline, n: number): BaselinePredictions {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be an integer ≥ 0, got ${n}`);
  return {
    pCorrect: new Float64Array(n).fill(baseline.pCorrect),
    timeSeconds: new Float64Array(n).fill(baseline.timeSeconds),
  };
}
