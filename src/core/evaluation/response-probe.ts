/**
 * The design note's response probe, run: for every user, append simulated consecutive correct (and, separately,
 * incorrect) answers on their most practised topic × difficulty to their real history, recompute the
 * features after each, and record the prediction. Depends on a Predictor only (no tfjs), one predict call.
 */
import { DIFFICULTIES, type Difficulty, type Task } from '../data/task';
import { UserHistory } from '../features/history-features';
import { contextFromHistory, type TaskContext } from '../features/task-context';
import type { Predictor } from '../strategies/types';
import type { ResponseProbe } from './response-check';
import { median } from './summary-stats';

/** Simulated answers per curve unless told otherwise (the design note's "5 consecutive tasks"). */
export const PROBE_STEPS = 5;
/** Spacing of simulated tasks for a user with a single task (no gap to take a median of), ms. */
export const FALLBACK_GAP_MS = 60_000;

/** A user's state after all of their real tasks: what probes and sweeps start from. */
export interface UserState {
  userId: string;
  /** The user's tasks in the data. */
  tasks: number;
  /** History after every real task (clone before appending). */
  history: UserHistory;
  /** Completion time of the user's last task, epoch ms. */
  lastAtMs: number;
  /** Median gap between the user's consecutive tasks, ms (FALLBACK_GAP_MS with one task). */
  gapMs: number;
  /** Most practised cell; ties go to the first topic in code-unit order, then easy → medium → hard. */
  topic: string;
  difficulty: Difficulty;
  /** The user's tasks in that cell. */
  cellTasks: number;
  /** Median answering time of the user on that cell, seconds: the simulated answers' time. */
  cellMedianTimeSeconds: number;
}

/** Users by task count (most first), then id: the order of the dataset summary. */
export function userStates(tasks: readonly Task[]): UserState[] {
  const byUser = new Map<string, Task[]>();
  for (const t of tasks) {
    const list = byUser.get(t.userId);
    if (list) list.push(t);
    else byUser.set(t.userId, [t]);
  }
  const states = [...byUser].map(([userId, list]): UserState => {
    const history = new UserHistory();
    const cells = new Map<string, { topic: string; difficulty: Difficulty; times: number[] }>();
    for (const t of list) {
      history.add(t);
      const key = `${t.topic}\u0000${DIFFICULTIES.indexOf(t.difficulty)}`;
      const cell = cells.get(key) ?? { topic: t.topic, difficulty: t.difficulty, times: [] };
      cell.times.push(t.actualTimeSeconds);
      cells.set(key, cell);
    }
    // Keys sort by topic, then difficulty index; a strict ">" keeps the first of tied cells.
    const ordered = [...cells].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
    const best = ordered.reduce((m, c) => (c.times.length > m.times.length ? c : m));
    const gaps = list.slice(1).map((t, i) => t.completedAtMs - (list[i] as Task).completedAtMs);
    return {
      userId,
      tasks: list.length,
      history,
      lastAtMs: (list[list.length - 1] as Task).completedAtMs,
      gapMs: median(gaps) ?? FALLBACK_GAP_MS,
      topic: best.topic,
      difficulty: best.difficulty,
      cellTasks: best.times.length,
      cellMedianTimeSeconds: median(best.times) as number,
    };
  });
  return states.sort((a, b) => b.tasks - a.tasks || (a.userId < b.userId ? -1 : 1));
}

/** A probe with how it was simulated (extras beyond docs/contract.md §2). */
export interface ProbeResult extends ResponseProbe {
  afterCorrect: number[];
  afterIncorrect: number[];
  /** The user's real tasks in the probed cell. */
  cellTasks: number;
  /** Answering time given to each simulated task, seconds. */
  simulatedTimeSeconds: number;
  /** Spacing of the simulated tasks, ms. */
  gapMs: number;
}

/**
 * The contexts of one curve: [before any, after 1 … after `steps` simulated answers]. Simulated task k
 * (1-based) is done at lastAt + k·gap, and the context after it is a next task at lastAt + (k+1)·gap,
 * so "before" is the first simulated task itself.
 */
export function probeContexts(state: UserState, isCorrect: boolean, steps = PROBE_STEPS): TaskContext[] {
  const h = state.history.clone();
  const { userId, topic, difficulty, lastAtMs, gapMs } = state;
  const out = [contextFromHistory(userId, h, topic, difficulty, lastAtMs + gapMs)];
  for (let k = 1; k <= steps; k++) {
    const actualTimeSeconds = state.cellMedianTimeSeconds;
    h.add({ topic, difficulty, isCorrect, actualTimeSeconds, completedAtMs: lastAtMs + k * gapMs });
    out.push(contextFromHistory(userId, h, topic, difficulty, lastAtMs + (k + 1) * gapMs));
  }
  return out;
}

/**
 * Probe every user (order of `userStates`) in ONE predict call: tfjs is dispatch-bound, so 4 users ×
 * 11 contexts cost about what one context does. Both curves share the "before" prediction.
 * @param steps simulated answers per curve (default 5): curves hold steps + 1 values, P(correct) 0–1.
 */
export async function runResponseProbes(
  predictor: Predictor,
  tasks: readonly Task[],
  steps = PROBE_STEPS,
  states: readonly UserState[] = userStates(tasks),
): Promise<ProbeResult[]> {
  const contexts = states.flatMap((s) => [
    ...probeContexts(s, true, steps),
    ...probeContexts(s, false, steps).slice(1),
  ]);
  const { pCorrect } = await predictor.predict(contexts);
  const per = 2 * steps + 1;
  return states.map((s, u) => {
    const base = u * per;
    const at = (j: number) => pCorrect[base + j] as number;
    const correct = Array.from({ length: steps + 1 }, (_, j) => at(j));
    const incorrect = [at(0), ...Array.from({ length: steps }, (_, j) => at(steps + 1 + j))];
    return {
      userId: s.userId,
      topic: s.topic,
      difficulty: s.difficulty,
      afterCorrect: correct,
      afterIncorrect: incorrect,
      cellTasks: s.cellTasks,
      simulatedTimeSeconds: s.cellMedianTimeSeconds,
      gapMs: s.gapMs,
    };
  });
}
