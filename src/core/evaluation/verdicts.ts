/**
 * The three pass / fail verdicts of docs/contract.md §2 from the measured checks, with configurable
 * thresholds: continuous (no saturation, many distinct values), responsive (five correct answers do not
 * lower the prediction, nor leave it below five incorrect ones), generalizes (similar prediction spread
 * for every user). Boundaries are inclusive, as written there. Too little data is its own state.
 */
import type { PredictionDistribution } from './distribution';
import {
  checkResponse,
  DEFAULT_RESPONSE_GAP_TOLERANCE,
  DEFAULT_RESPONSE_TOLERANCE,
  type ResponseCheck,
  type ResponseProbe,
} from './response-check';

export interface VerdictThresholds {
  /** continuous needs saturatedShare ≤ this (share, 0–1). */
  maxSaturatedShare: number;
  /** continuous needs distinctPercent ≥ this (a count of distinct whole percents). */
  minDistinctPercent: number;
  /** responsive: five correct answers may lower the prediction by at most this (probability units). */
  responseTolerance: number;
  /** responsive: after five correct answers the prediction may sit at most this below the five-incorrect one. */
  responseGapTolerance: number;
  /** generalizes needs varianceRatio ≤ this (largest / smallest per-user std). */
  maxVarianceRatio: number;
  /**
   * Not a verdict of one run: the recommendation takes only strategies passing all three checks in at
   * least this share of seeds (0–1; docs/contract.md §2b, issue 15).
   */
  minPassRate: number;
}

/** docs/contract.md §2 defaults, shown in the UI. */
export const DEFAULT_THRESHOLDS: Readonly<VerdictThresholds> = Object.freeze({
  maxSaturatedShare: 0.05,
  minDistinctPercent: 10,
  responseTolerance: DEFAULT_RESPONSE_TOLERANCE,
  responseGapTolerance: DEFAULT_RESPONSE_GAP_TOLERANCE,
  maxVarianceRatio: 3,
  minPassRate: 0.8,
});

export interface Verdicts {
  continuous: boolean;
  responsive: boolean;
  generalizes: boolean;
}
export type CheckKey = keyof Verdicts;

/** A check as shown: passes, fails, or cannot be judged on so little data (neither ✓ nor ✗). */
export type CheckState = 'pass' | 'fail' | 'not enough data';
export type CheckStates = Record<CheckKey, CheckState>;

/** Fewer held-out rows than this and no check can be judged (issue 20 item 13). */
export const MIN_HELD_OUT_ROWS = 2;
/** Spreads are compared between users: one user alone cannot generalize or fail to. */
export const MIN_USERS_FOR_SPREAD = 2;

/** What the checks rest on: the held-out rows and the users whose spread was measured. */
export interface Evidence {
  heldOutRows: number;
  users: number;
}

/** Thresholds with every key filled (an explicit undefined keeps the default). */
export function resolveThresholds(thresholds: Partial<VerdictThresholds> = {}): VerdictThresholds {
  const t: VerdictThresholds = { ...DEFAULT_THRESHOLDS };
  for (const key of Object.keys(DEFAULT_THRESHOLDS) as (keyof VerdictThresholds)[]) {
    const v = thresholds[key];
    if (v !== undefined) t[key] = v;
  }
  return t;
}

/**
 * Each check's state: 'not enough data' for every check with fewer than MIN_HELD_OUT_ROWS held-out
 * rows, and for generalizes with fewer than MIN_USERS_FOR_SPREAD users; otherwise pass / fail.
 */
export function checkStates(v: Verdicts, evidence: Evidence): CheckStates {
  const state = (pass: boolean): CheckState => (pass ? 'pass' : 'fail');
  if (evidence.heldOutRows < MIN_HELD_OUT_ROWS) {
    return { continuous: 'not enough data', responsive: 'not enough data', generalizes: 'not enough data' };
  }
  return {
    continuous: state(v.continuous),
    responsive: state(v.responsive),
    generalizes: evidence.users < MIN_USERS_FOR_SPREAD ? 'not enough data' : state(v.generalizes),
  };
}

/**
 * - continuous = saturatedShare ≤ maxSaturatedShare and distinctPercent ≥ minDistinctPercent
 *   (an undefined saturatedShare — no predictions — fails);
 * - responsive = `checkResponse(probes, tolerances).responsive` (no probes fails); a caller that has
 *   already judged the probes with the same thresholds passes that check instead of the probes;
 * - generalizes = varianceRatio ≤ maxVarianceRatio (Infinity and NaN fail).
 * With `evidence`, a check that cannot be judged (see checkStates) does not pass either: without
 * evidence a check is never ✓.
 * @param thresholds any subset; the rest come from DEFAULT_THRESHOLDS.
 */
export function verdicts(
  distribution: Pick<PredictionDistribution, 'saturatedShare' | 'distinctPercent'>,
  varianceRatio: number,
  probes: readonly ResponseProbe[] | Pick<ResponseCheck, 'responsive'>,
  thresholds: Partial<VerdictThresholds> = DEFAULT_THRESHOLDS,
  evidence?: Evidence,
): Verdicts {
  const t = resolveThresholds(thresholds);
  const { saturatedShare, distinctPercent } = distribution;
  const v: Verdicts = {
    continuous:
      saturatedShare !== undefined &&
      saturatedShare <= t.maxSaturatedShare &&
      distinctPercent >= t.minDistinctPercent,
    responsive:
      'responsive' in probes
        ? probes.responsive
        : checkResponse(probes, { drop: t.responseTolerance, gap: t.responseGapTolerance }).responsive,
    // Written as a positive comparison so NaN fails too.
    generalizes: varianceRatio <= t.maxVarianceRatio,
  };
  if (!evidence) return v;
  const states = checkStates(v, evidence);
  return {
    continuous: states.continuous === 'pass',
    responsive: states.responsive === 'pass',
    generalizes: states.generalizes === 'pass',
  };
}
