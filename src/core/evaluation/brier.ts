/**
 * Brier score: mean squared difference between predicted P(correct) and the 0/1 outcome.
 * Unlike log loss it is bounded (0 best, 1 worst), so one saturated wrong answer cannot dominate it;
 * reporting both shows whether a strategy's loss comes from a few confident mistakes.
 */
import {
  assertSameLength,
  checkedProbabilities,
  labelsAsNumbers,
  type BinaryLabels,
  type Probabilities,
} from './binary-labels';

/**
 * Mean of (p − y)² over the rows, in [0, 1]; a constant 0.5 predictor scores 0.25.
 * @returns undefined when there are no rows.
 * @throws RangeError on mismatched lengths or invalid labels / predictions.
 */
export function brier(labels: BinaryLabels, predictions: Probabilities): number | undefined {
  assertSameLength(labels, predictions, 'labels and predictions');
  const y = labelsAsNumbers(labels);
  const p = checkedProbabilities(predictions);
  if (y.length === 0) return undefined;
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += ((p[i] as number) - (y[i] as number)) ** 2;
  return sum / y.length;
}
