/**
 * Calibration: does "70 %" come true 70 % of the time? A reliability curve over equal-width bins of
 * predicted P(correct), and the expected calibration error (ECE) that summarises it. Equal-width bins
 * (not equal-count) so a saturated model shows its empty middle instead of hiding it.
 */
import {
  assertSameLength,
  checkedProbabilities,
  labelsAsNumbers,
  type BinaryLabels,
  type Probabilities,
} from './binary-labels';
import { equalWidthBin } from './summary-stats';

/** Bins of the reliability curve and of ECE unless told otherwise. */
export const CALIBRATION_BINS = 10;

/** One bin of the reliability curve. Probabilities are 0–1. */
export interface ReliabilityBin {
  /** Inclusive lower edge, k / bins. */
  binLower: number;
  /** Exclusive upper edge, (k + 1) / bins; the last bin also holds 1.0. */
  binUpper: number;
  /** Rows whose prediction falls in the bin. */
  n: number;
  /** Mean prediction of those rows; null when the bin is empty. */
  meanPredicted: number | null;
  /** Share of those rows answered correctly; null when the bin is empty. */
  observedRate: number | null;
}

/**
 * The reliability curve: every bin of [0, 1] in order, empty ones included (n 0, null means) so the
 * chart's x axis is always the same.
 * @param bins number of equal-width bins, default 10.
 * @throws RangeError on mismatched lengths, invalid labels / predictions, or bins < 1.
 */
export function reliabilityCurve(
  labels: BinaryLabels,
  predictions: Probabilities,
  bins: number = CALIBRATION_BINS,
): ReliabilityBin[] {
  assertSameLength(labels, predictions, 'labels and predictions');
  if (!Number.isInteger(bins) || bins < 1)
    throw new RangeError(`bins must be a positive integer, got ${bins}`);
  const y = labelsAsNumbers(labels);
  const p = checkedProbabilities(predictions);
  const count = new Array<number>(bins).fill(0);
  const sumP = new Array<number>(bins).fill(0);
  const sumY = new Array<number>(bins).fill(0);
  for (let i = 0; i < p.length; i++) {
    const k = equalWidthBin(p[i] as number, bins);
    count[k] = (count[k] as number) + 1;
    sumP[k] = (sumP[k] as number) + (p[i] as number);
    sumY[k] = (sumY[k] as number) + (y[i] as number);
  }
  return count.map((n, k) => ({
    binLower: k / bins,
    binUpper: (k + 1) / bins,
    n,
    meanPredicted: n > 0 ? (sumP[k] as number) / n : null,
    observedRate: n > 0 ? (sumY[k] as number) / n : null,
  }));
}

/**
 * Expected calibration error in [0, 1]: Σ over bins of (n_b / N) × |meanPredicted_b − observedRate_b|,
 * i.e. the bin gaps weighted by how many rows each bin holds; empty bins contribute nothing.
 * @param bins number of equal-width bins, default 10.
 * @returns undefined when there are no rows.
 */
export function expectedCalibrationError(
  labels: BinaryLabels,
  predictions: Probabilities,
  bins: number = CALIBRATION_BINS,
): number | undefined {
  const curve = reliabilityCurve(labels, predictions, bins);
  const total = predictions.length;
  if (total === 0) return undefined;
  let ece = 0;
  for (const b of curve) {
    if (b.n === 0 || b.meanPredicted === null || b.observedRate === null) continue;
    ece += (b.n / total) * Math.abs(b.meanPredicted - b.observedRate);
  }
  return ece;
}
