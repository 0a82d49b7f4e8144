/**
 * Brier score: mean squared difference between predicted P(correct) and the 0/1 outcome.
 * Unlike log loss it is bounded (0 best, 1 worst), so one saturated wrong answer cannot dominate it;
 * reporting both shows whether a strategy's loss comes from a few confident mistakes.
 */
import { meanOverRows, type BinaryLabels, type Probabilities } from './binary-labels';

/**
 * Mean of (p − y)² over the rows, in [0, 1]; a constant 0.5 predictor scores 0.25.
 * @returns undefined when there are no rows.
 * @throws RangeError on mismatched lengths or invalid labels / predictions.
 */
export function brier(labels: BinaryLabels, predictions: Probabilities): number | undefined {
  return meanOverRows(labels, predictions, (y, p) => (p - y) ** 2);
}
