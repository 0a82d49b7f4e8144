/**
 * Accuracy at a 0.5 threshold: the share of rows whose outcome the prediction gets on the right side.
 * A p of exactly 0.5 counts as predicting "correct" (p ≥ 0.5, rounding half up like Math.round). Keras'
 * binary_accuracy uses p > 0.5 instead; the two differ only on rows predicted at exactly 0.5.
 */
import { meanOverRows, type BinaryLabels, type Probabilities } from './binary-labels';

/** A prediction at or above this value counts as predicting a correct answer. */
export const ACCURACY_THRESHOLD = 0.5;

/**
 * Share of rows, in [0, 1], where (p ≥ 0.5) equals the outcome.
 * @returns undefined when there are no rows.
 * @throws RangeError on mismatched lengths or invalid labels / predictions.
 */
export function accuracy(labels: BinaryLabels, predictions: Probabilities): number | undefined {
  return meanOverRows(labels, predictions, (y, p) => (p >= ACCURACY_THRESHOLD === (y === 1) ? 1 : 0));
}
