/**
 * The design note's response check, judged: after consecutive correct answers a prediction must not fall,
 * after consecutive incorrect ones it must not rise. Takes probe curves (built elsewhere by appending
 * simulated answers to each user's real history) and reports whether all pass and which steps did not.
 */
import type { Difficulty } from '../data/task';

/** Default slack, in probability units (0–1): a drop of up to 0.001 after a correct answer still passes. */
export const DEFAULT_RESPONSE_TOLERANCE = 0.001;

// Differences such as 0.5 − 0.499 come out as 0.0010000000000000009 in doubles; a change equal to the
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

/** A step that moved the wrong way (or held a non-finite value). */
export interface ResponseViolation {
  userId: string;
  topic: string;
  difficulty: Difficulty;
  curve: 'afterCorrect' | 'afterIncorrect';
  /** 1…5: the step from curve[step − 1] to curve[step], i.e. after the step-th simulated answer. */
  step: number;
  from: number;
  to: number;
  /** to − from, probability units; NaN when a value is not finite. */
  change: number;
}

export interface ResponseCheck {
  /** At least one probe, and no violation. */
  responsive: boolean;
  /** Every offending step, in probe order then curve order then step order. */
  violations: ResponseViolation[];
  /** Users with at least one violation, in probe order, each once. */
  violatingUsers: string[];
}

/**
 * Judge the probe curves: every afterCorrect must be non-decreasing and every afterIncorrect
 * non-increasing, within `tolerance`. A step violates when it moves the wrong way by MORE than the
 * tolerance (a move of exactly the tolerance passes), or when either value is not finite (a NaN
 * compares false with everything and would otherwise pass silently). No probes → not responsive:
 * without evidence the check cannot pass.
 * @param tolerance probability units (0–1), default 0.001; must be ≥ 0.
 */
export function checkResponse(
  probes: readonly ResponseProbe[],
  tolerance: number = DEFAULT_RESPONSE_TOLERANCE,
): ResponseCheck {
  if (!(tolerance >= 0)) throw new RangeError(`tolerance must be ≥ 0, got ${tolerance}`);
  const violations: ResponseViolation[] = [];
  for (const probe of probes) {
    for (const curve of ['afterCorrect', 'afterIncorrect'] as const) {
      // +1: the curve should not go down; −1: it should not go up.
      const direction = curve === 'afterCorrect' ? 1 : -1;
      const values = probe[curve];
      for (let step = 1; step < values.length; step++) {
        const from = values[step - 1] as number;
        const to = values[step] as number;
        const finite = Number.isFinite(from) && Number.isFinite(to);
        const wrongWay = finite ? -direction * (to - from) : NaN;
        if (!finite || wrongWay > tolerance + ROUNDING_SLACK) {
          violations.push({
            userId: probe.userId,
            topic: probe.topic,
            difficulty: probe.difficulty,
            curve,
            step,
            from,
            to,
            change: finite ? to - from : NaN,
          });
        }
      }
    }
  }
  const violatingUsers = [...new Set(violations.map((v) => v.userId))];
  return { responsive: probes.length > 0 && violations.length === 0, violations, violatingUsers };
}
