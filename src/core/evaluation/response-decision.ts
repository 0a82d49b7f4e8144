/**
 * The response check for one probed user, decided as docs/contract.md §2 (revised 2026-12) words it, with
 * the reason in plain words for the response chart: five correct answers must not lower the prediction by
 * more than the tolerance, and must not leave it below where five incorrect answers would.
 * Flat passes: for a user with hundreds of tasks five more answers rightly move little.
 */
import {
  checkResponse,
  DEFAULT_RESPONSE_TOLERANCE,
  type ResponseTolerances,
  type ResponseViolation,
} from './response-check';

export interface ProbeCurves {
  /** [before any, after 1 … n simulated correct answers], P(correct) 0–1. */
  afterCorrect: readonly number[];
  afterIncorrect: readonly number[];
}

export interface ProbeDecision {
  pass: boolean;
  /** afterCorrect[last] − afterCorrect[0], probability units; NaN when not finite. */
  correctChange: number;
  /** afterIncorrect[last] − afterIncorrect[0]. */
  incorrectChange: number;
  /** afterCorrect[last] − afterIncorrect[last]: positive = responds the right way. */
  gap: number;
  /** One sentence, e.g. "5 correct answers lower it by 2.3 points (more than 1.0 allowed)". */
  reason: string;
}

/** Percentage points with one decimal and a real minus sign: "+1.2", "−0.4". */
export function pointsText(change: number): string {
  const pts = Math.abs(change * 100).toFixed(1);
  if (pts === '0.0') return '±0.0';
  return `${change > 0 ? '+' : '−'}${pts}`;
}

/**
 * The decision for one probe, by response-check's own rule (so the chart and the metrics table never
 * disagree), with its reason in words; `tolerances` are the run's (a number sets both rules' slack).
 */
export function probeDecision(
  probe: ProbeCurves,
  tolerances: Partial<ResponseTolerances> | number,
): ProbeDecision {
  const c = probe.afterCorrect;
  const i = probe.afterIncorrect;
  const steps = c.length - 1;
  const c0 = c[0] as number;
  const cn = c[steps] as number;
  const i0 = i[0] as number;
  const iN = i[i.length - 1] as number;
  const correctChange = cn - c0;
  const incorrectChange = iN - i0;
  const gap = cn - iN;
  const base = { correctChange, incorrectChange, gap };
  if (![c0, cn, i0, iN].every(Number.isFinite) || steps < 1)
    return { ...base, pass: false, reason: 'a prediction is not a number' };
  const t = typeof tolerances === 'number' ? { drop: tolerances, gap: tolerances } : tolerances;
  const { violations } = checkResponse(
    [{ userId: '', topic: '', difficulty: 'easy', afterCorrect: c, afterIncorrect: i }],
    t,
  );
  const broke = (rule: ResponseViolation['rule']) => violations.some((v) => v.rule === rule);
  if (broke('no-drop-after-correct'))
    return {
      ...base,
      pass: false,
      reason: `${steps} correct answers lower it by ${Math.abs(correctChange * 100).toFixed(1)} points (more than ${((t.drop ?? DEFAULT_RESPONSE_TOLERANCE) * 100).toFixed(1)} allowed)`,
    };
  if (broke('correct-not-below-incorrect'))
    return {
      ...base,
      pass: false,
      reason: `after ${steps} correct answers it ends ${Math.abs(gap * 100).toFixed(1)} points below where ${steps} incorrect answers leave it`,
    };
  const moved =
    Math.abs(correctChange) * 100 < 0.05 ? 'stays level' : `moves ${pointsText(correctChange)} points`;
  return {
    ...base,
    pass: true,
    reason: `after ${steps} correct answers it ${moved}, ${pointsText(gap)} points against ${steps} incorrect`,
  };
}
