/**
 * The held-out split every comparison, sweep and model exchange uses (each user's last 20 %), the
 * evaluation data built once per run on it, and the seeds of a run with repeats.
 */
import type { Task } from '../data/task';
import { heldOutContexts, type EvaluationData } from '../evaluation/evaluate-strategy';
import { userStates } from '../evaluation/response-probe';
import { temporalSplit, type TemporalSplit } from '../split/temporal-split';

/** Share of each user's tasks held out for testing (the last ones; at least one when the user has ≥ 2). */
export const TEST_SHARE = 0.2;

/** The lab's held-out split of `tasks` and what evaluating any predictor on it needs (built once per run). */
export function evaluationSetup(
  tasks: readonly Task[],
  options: Pick<EvaluationData, 'seed' | 'thresholds' | 'resamples' | 'signal'>,
): { split: TemporalSplit; evalData: EvaluationData } {
  const split = temporalSplit(tasks, TEST_SHARE, 'per-user-tail');
  return {
    split,
    evalData: {
      tasks,
      testIndices: split.testIndices,
      testContexts: heldOutContexts(tasks, split.testIndices),
      states: userStates(tasks),
      ...options,
    },
  };
}

/** seed, seed + 1, … (`repeats` of them). @throws RangeError unless repeats is a whole number ≥ 1. */
export function seedsOf(seed: number, repeats = 1): number[] {
  if (!Number.isInteger(repeats) || repeats < 1)
    throw new RangeError(`repeats must be a whole number ≥ 1, got ${repeats}`);
  return Array.from({ length: repeats }, (_, i) => seed + i);
}
