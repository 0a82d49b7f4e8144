/**
 * Task contexts: what a trained strategy needs to predict one task (who, what, and the history
 * features before it). Built by replaying a chronological task list through `UserHistory`.
 * Pure TS (no tfjs): the evaluation layer builds contexts without knowing any model.
 */
import type { Difficulty, Task } from '../data/task';
import { FEATURE_COUNT, UserHistory } from './history-features';

/** Everything a predictor needs about one (real or hypothetical) task. */
export interface TaskContext {
  userId: string;
  topic: string;
  difficulty: Difficulty;
  /**
   * The 13 history features in v1 form (uncapped counts; see FEATURE_NAMES), computed from the
   * user's strictly earlier tasks. Strategies convert to their own feature version.
   */
  history: Float32Array;
}

/**
 * v1 features of every task, row-major (tasks.length × FEATURE_COUNT), each row from the same
 * user's strictly earlier tasks only. `tasks` must be chronological (as `Dataset.tasks` is).
 */
export function computeFeatureMatrix(tasks: readonly Task[]): Float32Array {
  const out = new Float32Array(tasks.length * FEATURE_COUNT);
  const histories = new Map<string, UserHistory>();
  tasks.forEach((task, i) => {
    let h = histories.get(task.userId);
    if (!h) histories.set(task.userId, (h = new UserHistory()));
    h.featuresFor(
      task.topic,
      task.difficulty,
      task.completedAtMs,
      out.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT),
    );
    h.add(task);
  });
  return out;
}

const matrixCache = new WeakMap<readonly Task[], Float32Array>();

/** `computeFeatureMatrix`, memoised per task array (strategies trained on one dataset share it). */
export function featureMatrixOf(tasks: readonly Task[]): Float32Array {
  let m = matrixCache.get(tasks);
  if (!m) matrixCache.set(tasks, (m = computeFeatureMatrix(tasks)));
  return m;
}

/** Contexts of the tasks at `indices` only (no context built for the other rows); views share one buffer. */
export function taskContextsAt(tasks: readonly Task[], indices: readonly number[]): TaskContext[] {
  const m = featureMatrixOf(tasks);
  return indices.map((i) => {
    const t = tasks[i];
    if (!t) throw new RangeError(`row ${i} is outside the dataset`);
    return {
      userId: t.userId,
      topic: t.topic,
      difficulty: t.difficulty,
      history: m.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT),
    };
  });
}

/** One context per task, in the order of `tasks` (chronological); `history` views share one buffer. */
export function buildTaskContexts(tasks: readonly Task[]): TaskContext[] {
  const m = featureMatrixOf(tasks);
  return tasks.map((t, i) => ({
    userId: t.userId,
    topic: t.topic,
    difficulty: t.difficulty,
    history: m.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT),
  }));
}

/** Each user's history after all of their tasks: the "current history" of probes and per-topic sweeps. */
export function historiesByUser(tasks: readonly Task[]): Map<string, UserHistory> {
  const out = new Map<string, UserHistory>();
  for (const task of tasks) {
    let h = out.get(task.userId);
    if (!h) out.set(task.userId, (h = new UserHistory()));
    h.add(task);
  }
  return out;
}

/** The context of a next task for a user whose history is `history`, done at `atMs` (epoch ms). */
export function contextFromHistory(
  userId: string,
  history: UserHistory,
  topic: string,
  difficulty: Difficulty,
  atMs: number,
): TaskContext {
  return { userId, topic, difficulty, history: history.featuresFor(topic, difficulty, atMs) };
}
