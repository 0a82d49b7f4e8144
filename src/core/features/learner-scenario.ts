/**
 * "Try a learner": the context of a next task for a learner whose recent history a person edited — a user
 * of the dataset with their last answers changed (or more added), or a new learner with only the answers
 * given. The features come from the same accumulator as training and the response probe, so every
 * trained strategy sees exactly what it would see for such a learner.
 */
import { DIFFICULTIES, type Difficulty, type Task } from '../data/task';
import { UserHistory } from './history-features';
import { contextFromHistory, type TaskContext } from './task-context';

/** One answer of the recent history. */
export interface LearnerAnswer {
  topic: string;
  difficulty: Difficulty;
  correct: boolean;
  /** Time spent, seconds (≥ 0). */
  seconds: number;
}

export interface LearnerScenario {
  /** A user of the dataset; absent for a new learner (no embedding: strategies use their unknown row). */
  userId?: string;
  /** How many of the user's last real tasks `recent` replaces (0 for a new learner). */
  replaced: number;
  /** The recent history as edited, oldest first. */
  recent: readonly LearnerAnswer[];
  /** The task to predict. */
  next: { topic: string; difficulty: Difficulty };
}

/** The id a new learner predicts under: no dataset user can have it (ids are non-empty trimmed text). */
export const NEW_LEARNER_ID = '\u0000new learner';

/** Spacing of answers without a real time (a new learner's, or ones added after the last real task), ms. */
export const ANSWER_GAP_MS = 60_000;

/** The user's tasks in chronological order (the dataset's order). */
function tasksOf(tasks: readonly Task[], userId: string): Task[] {
  return tasks.filter((t) => t.userId === userId);
}

/** A user's last `count` tasks as answers, oldest first: what the page pre-fills for editing. */
export function recentAnswers(
  tasks: readonly Task[],
  userId: string,
  count: number,
): { answers: LearnerAnswer[]; totalTasks: number } {
  const own = tasksOf(tasks, userId);
  return {
    answers: own.slice(Math.max(0, own.length - count)).map((t) => ({
      topic: t.topic,
      difficulty: t.difficulty,
      correct: t.isCorrect,
      seconds: t.actualTimeSeconds,
    })),
    totalTasks: own.length,
  };
}

/**
 * The context of the scenario's next task. A dataset user keeps their real tasks but the last
 * `replaced`; the edited answers take the replaced tasks' times, later ones follow a minute apart, and the
 * next task a minute after the last answer.
 * @throws RangeError for an unknown user, a negative or too large `replaced`, a bad answer or difficulty.
 */
export function learnerContext(tasks: readonly Task[], scenario: LearnerScenario): TaskContext {
  const { userId, replaced, recent, next } = scenario;
  if (!DIFFICULTIES.includes(next.difficulty)) throw new RangeError(`no difficulty "${next.difficulty}"`);
  for (const a of recent) {
    if (!DIFFICULTIES.includes(a.difficulty)) throw new RangeError(`no difficulty "${a.difficulty}"`);
    if (!(a.seconds >= 0) || !Number.isFinite(a.seconds))
      throw new RangeError(`an answer's time must be a number of seconds ≥ 0, got ${a.seconds}`);
  }
  const own = userId === undefined ? [] : tasksOf(tasks, userId);
  if (userId !== undefined && own.length === 0) throw new RangeError(`no user "${userId}" in the data`);
  if (!Number.isInteger(replaced) || replaced < 0 || replaced > own.length)
    throw new RangeError(`cannot replace ${replaced} of ${own.length} tasks`);
  const history = new UserHistory();
  const kept = own.slice(0, own.length - replaced);
  for (const t of kept) history.add(t);
  const lastTask = tasks[tasks.length - 1];
  let at = kept.at(-1)?.completedAtMs ?? lastTask?.completedAtMs ?? 0;
  recent.forEach((a, i) => {
    const real = own[kept.length + i];
    at = real ? real.completedAtMs : at + ANSWER_GAP_MS;
    history.add({
      topic: a.topic,
      difficulty: a.difficulty,
      isCorrect: a.correct,
      actualTimeSeconds: a.seconds,
      completedAtMs: at,
    });
  });
  return contextFromHistory(
    userId ?? NEW_LEARNER_ID,
    history,
    next.topic,
    next.difficulty,
    at + ANSWER_GAP_MS,
  );
}
