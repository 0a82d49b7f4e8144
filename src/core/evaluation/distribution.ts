/**
 * The design note's continuity check, measured: how held-out predictions spread over [0, 1]. A saturated
 * model shows "just 0 %, 57 %, 100 %"; a healthy one many different values. Gives the 20-bin histogram,
 * the saturated share, the number of distinct whole percents, and the mean and std.
 */
import { checkedProbabilities, type Probabilities } from './binary-labels';
import { equalWidthBin, mean, populationStd } from './summary-stats';

/** Histogram bins over [0, 1] (width 0.05). */
export const HISTOGRAM_BINS = 20;
/** A prediction strictly below this is saturated. */
export const SATURATED_BELOW = 0.01;
/** A prediction strictly above this is saturated. */
export const SATURATED_ABOVE = 0.99;

export interface PredictionDistribution {
  /** Predictions described. */
  n: number;
  /**
   * Counts per bin k = [k × 0.05, (k + 1) × 0.05), k = 0…19; 1.0 goes in the last bin.
   * Always 20 entries (zeros when n = 0).
   */
  counts: number[];
  /** Share (0–1) of predictions < 0.01 or > 0.99 (strict: exactly 0.01 or 0.99 is not saturated). */
  saturatedShare: number | undefined;
  /**
   * How many distinct whole-percent values (Math.round(p × 100), so 0…100) occur: a count, not a share,
   * as in the design note's `GROUP BY ROUND(predicted_correct * 100)`. 0 when n = 0.
   */
  distinctPercent: number;
  /** Mean prediction, 0–1. */
  mean: number | undefined;
  /** Population std of the predictions, 0–1 scale. */
  std: number | undefined;
}

/**
 * Describe the spread of predictions. With no predictions, saturatedShare, mean and std are undefined
 * (there is nothing to describe, and a vacuous 0 would let an empty run pass the continuity verdict).
 * Float32 predictions are judged as stored: a float32 "0.99" is 0.99000001 and therefore saturated.
 * @throws RangeError when a prediction is not a probability in [0, 1].
 */
export function predictionDistribution(predictions: Probabilities): PredictionDistribution {
  const p = checkedProbabilities(predictions);
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  const percents = new Set<number>();
  let saturated = 0;
  for (const v of p) {
    const k = equalWidthBin(v, HISTOGRAM_BINS);
    counts[k] = (counts[k] as number) + 1;
    if (v < SATURATED_BELOW || v > SATURATED_ABOVE) saturated++;
    percents.add(Math.round(v * 100));
  }
  return {
    n: p.length,
    counts,
    saturatedShare: p.length > 0 ? saturated / p.length : undefined,
    distinctPercent: percents.size,
    mean: mean(p),
    std: populationStd(p),
  };
}
