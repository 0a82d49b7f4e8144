/**
 * The response check's probes and broken rules, and the three checks' verdicts, as the report carries
 * them for every strategy (and the simulator's truth). Types only; no tfjs.
 */
import type { Difficulty } from '../data/task';
import type { CheckState } from '../evaluation/verdicts';
import type { Metric } from './report-scores';

export interface ReportProbe {
  userId: string;
  topic: string;
  difficulty: Difficulty;
  /** [before any, after 1 … 5 simulated correct answers], P(correct) 0–1. */
  afterCorrect: number[];
  afterIncorrect: number[];
  cellTasks: number;
  simulatedTimeSeconds: number;
  gapMs: number;
}

/**
 * evaluation/response-check.ts's ResponseViolation in its JSON form: the same fields, but a value that
 * was not finite is null here (NaN there), so the two are kept apart on purpose.
 */
export interface ReportViolation {
  userId: string;
  topic: string;
  difficulty: Difficulty;
  /** Which rule of docs/contract.md §2 (revised) the probe broke. */
  rule: 'no-drop-after-correct' | 'correct-not-below-incorrect';
  curve: 'afterCorrect' | 'afterIncorrect';
  step: number;
  from: Metric;
  to: Metric;
  /** to − from; null when a value was not finite. */
  change: Metric;
}

export type ReportVerdicts = { continuous: boolean; responsive: boolean; generalizes: boolean };
/** Each check: pass, fail, or "not enough data" (fewer than 2 held-out rows; one user for generalizes). */
export type ReportChecks = { continuous: CheckState; responsive: CheckState; generalizes: CheckState };
