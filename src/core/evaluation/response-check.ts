/**
 * The design note's response check, judged as revised in docs/contract.md §2: after five simulated
 * correct answers a prediction must not have fallen by more than a tolerance, and must not sit below
 * where five incorrect answers would leave it (less a tolerance). Flat passes: for a user with hundreds
 * of tasks five more answers rightly move little. Also the continuous companion, the response gap.
 */
import type { Difficulty } from '../data/task';

/** Default slack of both rules, probability units (0–1): docs/contract.md §2 "− 0.01". */
export const DEFAULT_RESPONSE_TOLERANCE = 0.01;
export const DEFAULT_RESPONSE_GAP_TOLERANCE = 0.01;

// Differences such as 0.5 − 0.49 come out a hair above 0.01 in doubles; a change equal to the
// tolerance must pass, so comparisons allow this much rounding on top of the tolerance.
const ROUNDING_SLACK = 1e-12;

/** One user's probe (docs/contract.md §2 `responseProbes[]`). Predictions are P(correct), 0–1. */
export interface ResponseProbe {
  userId: string;
  topic: string;
  difficulty: Difficulty;
  /** [before any, after 1, …, after 5 simulated correct answers] — 6 values. */
  afterCorrect: readonly number[];
  /** [before any, after 1, …, after 5 simulated incorrect answers] — 6 values. */
  afterIncorrect: readonly number[];
}

/**
 * A probe that broke a rule. `rule` says which:
 * - `no-drop-after-correct`: curve afterCorrect, from = afterCorrect[0], to = afterCorrect[last];
 * - `correct-not-below-incorrect`: curve afterCorrect, from = afterIncorrect[last] (where incorrect
 *   answers leave it), to = afterCorrect[last].
 * `step` is the last step (5); `change` = to − from (NaN when a value is not finite).
 */
export interface ResponseViolation {
  userId: string;
  topic: string;
  difficulty: Difficulty;
  rule: 'no-drop-after-correct' | 'correct-not-below-incorrect';
  curve: 'afterCorrect' | 'afterIncorrect';
  step: number;
  from: number;
  to: number;
  change: number;
}

export interface ResponseTolerances {
  /** Five correct answers may lower the prediction by at most this (probability units). */
  drop: number;
  /** After five correct answers the prediction may sit at most this below the five-incorrect one. */
  gap: number;
}

export interface ResponseCheck {
  /** At least one probe, and no violation. */
  responsive: boolean;
  /** Every broken rule, in probe order, the drop rule first. */
  violations: ResponseViolation[];
  /** Users with at least one violation, in probe order, each once. */
  violatingUsers: string[];
  /** Mean over probes of afterCorrect[last] − afterIncorrect[last]; undefined without probes. */
  responseGap: number | undefined;
}

const last = (values: readonly number[]): number => values[values.length - 1] as number;

/**
 * Judge the probe curves (docs/contract.md §2, revised): for every probe,
 * afterCorrect[5] ≥ afterCorrect[0] − drop and afterCorrect[5] ≥ afterIncorrect[5] − gap. A value
 * that is not finite breaks the rule it enters (NaN compares false with everything and would otherwise
 * pass silently). No probes → not responsive: without evidence the check cannot pass.
 * @param tolerances probability units (0–1), each ≥ 0; a number sets the drop tolerance only.
 */
export function checkResponse(
  probes: readonly ResponseProbe[],
  tolerances: Partial<ResponseTolerances> | number = {},
): ResponseCheck {
  const t: ResponseTolerances =
    typeof tolerances === 'number'
      ? { drop: tolerances, gap: DEFAULT_RESPONSE_GAP_TOLERANCE }
      : {
          drop: tolerances.drop ?? DEFAULT_RESPONSE_TOLERANCE,
          gap: tolerances.gap ?? DEFAULT_RESPONSE_GAP_TOLERANCE,
        };
  if (!(t.drop >= 0)) throw new RangeError(`tolerance must be ≥ 0, got ${t.drop}`);
  if (!(t.gap >= 0)) throw new RangeError(`gap tolerance must be ≥ 0, got ${t.gap}`);
  const violations: ResponseViolation[] = [];
  let gapSum = 0;
  for (const probe of probes) {
    const start = probe.afterCorrect[0] as number;
    const afterCorrect = last(probe.afterCorrect);
    const afterIncorrect = last(probe.afterIncorrect);
    const step = probe.afterCorrect.length - 1;
    const where = { userId: probe.userId, topic: probe.topic, difficulty: probe.difficulty, step };
    const broken = (from: number, to: number, tolerance: number) =>
      !(Number.isFinite(from) && Number.isFinite(to)) || to < from - tolerance - ROUNDING_SLACK;
    const change = (from: number, to: number) =>
      Number.isFinite(from) && Number.isFinite(to) ? to - from : NaN;
    if (broken(start, afterCorrect, t.drop)) {
      violations.push({
        ...where,
        rule: 'no-drop-after-correct',
        curve: 'afterCorrect',
        from: start,
        to: afterCorrect,
        change: change(start, afterCorrect),
      });
    }
    if (broken(afterIncorrect, afterCorrect, t.gap)) {
      violations.push({
        ...where,
        rule: 'correct-not-below-incorrect',
        curve: 'afterCorrect',
        from: afterIncorrect,
        to: afterCorrect,
        change: change(afterIncorrect, afterCorrect),
      });
    }
    gapSum += afterCorrect - afterIncorrect;
  }
  const violatingUsers = [...new Set(violations.map((v) => v.userId))];
  return {
    responsive: probes.length > 0 && violations.length === 0,
    violations,
    violatingUsers,
    responseGap: probes.length > 0 && Number.isFinite(gapSum) ? gapSum / probes.length : undefined,
  };
}
