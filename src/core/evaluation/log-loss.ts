/**
 * Log loss (binary cross-entropy, natural log, nats per row) of predicted P(correct) against outcomes.
 * Probabilities are clipped first, as Keras does, so a saturated 0 or 1 on a wrong answer costs a large
 * but finite amount (−ln 1e-7 ≈ 16.1) instead of Infinity, which would make strategies incomparable.
 */
import { meanOverRows, type BinaryLabels, type Probabilities } from './binary-labels';

/** Predictions are clipped to [LOG_LOSS_EPSILON, 1 − LOG_LOSS_EPSILON] before taking logs. */
export const LOG_LOSS_EPSILON = 1e-7;

/**
 * Mean of −[y ln p + (1 − y) ln(1 − p)] over the rows, in nats; lower is better, ln 2 ≈ 0.693 is a
 * constant 0.5 predictor.
 * @returns undefined when there are no rows.
 * @throws RangeError on mismatched lengths or invalid labels / predictions.
 */
export function logLoss(labels: BinaryLabels, predictions: Probabilities): number | undefined {
  return meanOverRows(labels, predictions, (y, p) => {
    const q = Math.min(1 - LOG_LOSS_EPSILON, Math.max(LOG_LOSS_EPSILON, p));
    return y === 1 ? -Math.log(q) : -Math.log(1 - q);
  });
}
