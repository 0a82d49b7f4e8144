/**
 * The three pass / fail verdicts of docs/contract.md §2 from the measured checks, with configurable
 * thresholds: continuous (no saturation, many distinct values), responsive (probe curves move the right
 * way), generalizes (similar prediction spread for every user). Boundaries are inclusive, as written there.
 */
import type { PredictionDistribution } from './distribution';
import { checkResponse, DEFAULT_RESPONSE_TOLERANCE, type ResponseProbe } from './response-check';

export interface VerdictThresholds {
  /** continuous needs saturatedShare ≤ this (share, 0–1). */
  maxSaturatedShare: number;
  /** continuous needs distinctPercent ≥ this (a count of distinct whole percents). */
  minDistinctPercent: number;
  /** responsive allows a wrong-way move of up to this (probability units, 0–1). */
  responseTolerance: number;
  /** generalizes needs varianceRatio ≤ this (largest / smallest per-user std). */
  maxVarianceRatio: number;
}

/** docs/contract.md §2 defaults, shown in the UI. */
export const DEFAULT_THRESHOLDS: Readonly<VerdictThresholds> = Object.freeze({
  maxSaturatedShare: 0.05,
  minDistinctPercent: 10,
  responseTolerance: DEFAULT_RESPONSE_TOLERANCE,
  maxVarianceRatio: 3,
});

export interface Verdicts {
  continuous: boolean;
  responsive: boolean;
  generalizes: boolean;
}

/**
 * - continuous = saturatedShare ≤ maxSaturatedShare and distinctPercent ≥ minDistinctPercent
 *   (an undefined saturatedShare — no predictions — fails);
 * - responsive = `checkResponse(probes, responseTolerance).responsive` (no probes fails);
 * - generalizes = varianceRatio ≤ maxVarianceRatio (Infinity and NaN fail).
 * @param thresholds any subset; the rest come from DEFAULT_THRESHOLDS.
 */
export function verdicts(
  distribution: Pick<PredictionDistribution, 'saturatedShare' | 'distinctPercent'>,
  varianceRatio: number,
  probes: readonly ResponseProbe[],
  thresholds: Partial<VerdictThresholds> = DEFAULT_THRESHOLDS,
): Verdicts {
  // Key by key, so an explicit `undefined` (e.g. from a half-filled settings form) keeps the default.
  const t: VerdictThresholds = { ...DEFAULT_THRESHOLDS };
  for (const key of Object.keys(DEFAULT_THRESHOLDS) as (keyof VerdictThresholds)[]) {
    const v = thresholds[key];
    if (v !== undefined) t[key] = v;
  }
  const { saturatedShare, distinctPercent } = distribution;
  return {
    continuous:
      saturatedShare !== undefined &&
      saturatedShare <= t.maxSaturatedShare &&
      distinctPercent >= t.minDistinctPercent,
    responsive: checkResponse(probes, t.responseTolerance).responsive,
    // Written as a positive comparison so NaN fails too.
    generalizes: varianceRatio <= t.maxVarianceRatio,
  };
}
