/**
 * Small descriptive statistics shared by the evaluation modules: mean, population std, quantiles,
 * and the equal-width bin of a probability. Kept exact where floating point would otherwise invent
 * spread (a constant array has std exactly 0, so a flat predictor never looks "slightly varied").
 */

/** Arithmetic mean; undefined for an empty array. */
export function mean(values: ArrayLike<number>): number | undefined {
  if (values.length === 0) return undefined;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return sum / values.length;
}

/**
 * Population standard deviation (divides by n, not n − 1: the predictions are the whole population
 * being described, not a sample). Exactly 0 when every value is equal; undefined for an empty array.
 */
export function populationStd(values: ArrayLike<number>): number | undefined {
  const m = mean(values);
  if (m === undefined) return undefined;
  let min = Infinity;
  let max = -Infinity;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    min = Math.min(min, v);
    max = Math.max(max, v);
    ss += (v - m) ** 2;
  }
  // The mean of identical doubles can differ from them in the last bit; report no spread, not 1e-17.
  if (min === max) return 0;
  return Math.sqrt(ss / values.length);
}

/**
 * Quantile of `sorted` (ascending) at probability q in [0, 1], linear interpolation between order
 * statistics (R's type 7, numpy's default). Undefined for an empty array.
 */
export function quantileSorted(sorted: readonly number[], q: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

/** Median (mean of the two middle values for an even count); undefined for an empty array. */
export function median(values: ArrayLike<number>): number | undefined {
  const sorted = Array.from(values).sort((x, y) => x - y);
  return quantileSorted(sorted, 0.5);
}

/**
 * Index of the equal-width bin of [0, 1] holding p: bin k covers [k / bins, (k + 1) / bins), and the
 * last bin also holds 1.0. p must already be checked to lie in [0, 1].
 */
export function equalWidthBin(p: number, bins: number): number {
  let k = Math.min(bins - 1, Math.floor(p * bins));
  // p × bins can round up onto an integer for a p just below an edge; the edge as reported wins.
  if (k > 0 && p < k / bins) k--;
  return k;
}
