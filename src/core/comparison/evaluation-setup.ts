/**
 * The held-out split every comparison, sweep and model exchange uses (each user's last 20 %), kept once per
 * task list with its scored rows; the evaluation data built once per run on it, and the seeds of a run with
 * repeats.
 */
import type { Task } from '../data/task';
import { scoredRows, type ScoredRows } from '../evaluation/counted-run';
import { heldOutContexts, type EvaluationData } from '../evaluation/evaluate-strategy';
import { userStates } from '../evaluation/response-probe';
import { temporalSplit, type TemporalSplit } from '../split/temporal-split';

/** Share of each user's tasks held out for testing (the last ones; at least one when the user has ≥ 2). */
export const TEST_SHARE = 0.2;

/** The held-out split of a task list and its rows as the bootstrap scores them. Shared: never mutated. */
export interface HeldOut {
  split: TemporalSplit;
  rows: ScoredRows;
}

const heldOutByTasks = new WeakMap<readonly Task[], HeldOut>();

/**
 * The lab's held-out split of `tasks` and its scored rows, built once per task list. One ScoredRows per
 * dataset is what lets every bootstrap of it read back the row draws the first one made (row-draws.ts keeps
 * them per ScoredRows): a cancel's intervals and the comparisons after a run draw no rows again.
 */
export function heldOutOf(tasks: readonly Task[]): HeldOut {
  let held = heldOutByTasks.get(tasks);
  if (!held) {
    const split = temporalSplit(tasks, TEST_SHARE, 'per-user-tail');
    held = { split, rows: scoredRows(tasks, split.testIndices) };
    heldOutByTasks.set(tasks, held);
  }
  return held;
}

/** The lab's held-out split of `tasks` and what evaluating any predictor on it needs (built once per run). */
export function evaluationSetup(
  tasks: readonly Task[],
  options: Pick<EvaluationData, 'seed' | 'thresholds' | 'resamples' | 'signal'>,
): { split: TemporalSplit; evalData: EvaluationData } {
  const { split } = heldOutOf(tasks);
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
