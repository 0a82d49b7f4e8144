/**
 * Mean, sd and a 95 % Student t interval over seeds (mean ± t·sd/√n): for per-seed quantities that have no
 * rows to resample (responseGap, saturated share, variance ratio). The interval reflects seed-to-seed
 * variation only; the held-out users and rows behind each value are fixed.
 */

/** Two-sided 97.5 % Student t quantiles by degrees of freedom (1–30); the normal 1.96 beyond. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export interface SeedInterval {
  mean: number | null;
  /** Sample sd; null with fewer than 2 values. */
  sd: number | null;
  /** Null with fewer than 2 values: one seed gives no interval. */
  lo: number | null;
  hi: number | null;
}

/** The finite values' mean, sd and t interval; every field null when none is finite. */
export function seedInterval(values: readonly (number | null | undefined)[]): SeedInterval {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { mean: null, sd: null, lo: null, hi: null };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, sd: null, lo: null, hi: null };
  const sd = Math.sqrt(xs.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  const half = (T975[n - 2] ?? 1.96) * (sd / Math.sqrt(n));
  return { mean, sd, lo: mean - half, hi: mean + half };
}
