/**
 * Errors of the time head: how far predicted answering times land from the actual ones, in seconds.
 * Both the mean and the median absolute error, because answering times are long-tailed (a learner who
 * walks away for ten minutes) and the mean alone would be ruled by a handful of such rows.
 */
import { assertSameLength } from './binary-labels';
import { mean, median } from './summary-stats';

/** Absolute time errors, seconds. */
export interface TimeErrors {
  /** Mean of |predicted − actual|, seconds. */
  maeSeconds: number;
  /** Median of |predicted − actual|, seconds (mean of the two middle values for an even count). */
  medianAbsErrorSeconds: number;
}

/**
 * MAE and median absolute error of predicted against actual answering times.
 * @param actualSeconds the learners' actual times, seconds.
 * @param predictedSeconds the model's predicted times for the same rows, seconds.
 * @returns undefined when there are no rows.
 * @throws RangeError on mismatched lengths or a non-finite time.
 */
export function timeErrors(
  actualSeconds: ArrayLike<number>,
  predictedSeconds: ArrayLike<number>,
): TimeErrors | undefined {
  assertSameLength(actualSeconds, predictedSeconds, 'actual and predicted times');
  const errors = new Array<number>(actualSeconds.length);
  for (let i = 0; i < errors.length; i++) {
    const a = actualSeconds[i] as number;
    const p = predictedSeconds[i] as number;
    if (!Number.isFinite(a) || !Number.isFinite(p)) {
      throw new RangeError(`time ${i} is not finite: actual ${String(a)}, predicted ${String(p)}`);
    }
    errors[i] = Math.abs(p - a);
  }
  const mae = mean(errors);
  const med = median(errors);
  if (mae === undefined || med === undefined) return undefined;
  return { maeSeconds: mae, medianAbsErrorSeconds: med };
}
