/**
 * The design note's generalisation check, run: each user's predictions over every topic × difficulty seen in
 * the data, at their current history, summarised by per-user std and the largest / smallest ratio.
 * Depends on a Predictor only (no tfjs); all users go through one predict call.
 */
import { DIFFICULTIES, type Difficulty, type Task } from '../data/task';
import { contextFromHistory, type TaskContext } from '../features/task-context';
import type { Predictor } from '../strategies/types';
import { perUserSpread, type UserSpread } from './per-user-spread';
import { userStates, type UserState } from './response-probe';

export interface GeneralisationSweep {
  /** Every topic of the data, in code-unit order: the grid's rows. */
  topics: string[];
  /** easy, medium, hard: the grid's columns. */
  difficulties: Difficulty[];
  /**
   * Each user's predictions, P(correct) 0–1, row-major over topics × difficulties (index
   * topic × 3 + difficulty), users in the order of `userStates`.
   */
  grid: { userId: string; predictions: number[] }[];
  /** Mean and population std of each user's grid. */
  perUser: UserSpread[];
  /** Largest / smallest std across users; Infinity when some user's grid is flat and another's is not. */
  varianceRatio: number;
}

/** Topics of the data in code-unit order (locale-independent, so every machine builds the same grid). */
export function topicsOf(tasks: readonly Task[]): string[] {
  return [...new Set(tasks.map((t) => t.topic))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Contexts of one user's grid: a next task on each cell, at lastAt + the user's median gap (the same
 * moment as the probe's "before" prediction, so the two checks look at the same history).
 */
export function sweepContexts(state: UserState, topics: readonly string[]): TaskContext[] {
  const at = state.lastAtMs + state.gapMs;
  return topics.flatMap((topic) =>
    DIFFICULTIES.map((d) => contextFromHistory(state.userId, state.history, topic, d, at)),
  );
}

/**
 * Predict every user's topic × difficulty grid in one call and measure the spread.
 * @param states users to sweep (default: every user of `tasks`, most tasks first).
 */
export async function runGeneralisationSweep(
  predictor: Predictor,
  tasks: readonly Task[],
  states: readonly UserState[] = userStates(tasks),
): Promise<GeneralisationSweep> {
  const topics = topicsOf(tasks);
  const cells = topics.length * DIFFICULTIES.length;
  const contexts = states.flatMap((s) => sweepContexts(s, topics));
  const { pCorrect } = await predictor.predict(contexts);
  const grid = states.map((s, u) => ({
    userId: s.userId,
    predictions: Array.from(pCorrect.subarray(u * cells, (u + 1) * cells)),
  }));
  const spread = perUserSpread(grid);
  return {
    topics,
    difficulties: [...DIFFICULTIES],
    grid,
    perUser: spread.perUser,
    varianceRatio: spread.varianceRatio,
  };
}
