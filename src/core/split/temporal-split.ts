/**
 * Temporal splits: hold out the *end* of the history, never a random sample, because a model is
 * always used on tasks that come after the ones it learned from. One function serves the held-out
 * test split (evaluation) and the validation slice inside training. Pure TS: no tfjs.
 */
import { groupByUser } from '../data/group-by-user';
import type { Task } from '../data/task';

/**
 * per-user-tail: the last `share` of each user's rows (so small users are held out too);
 * global-tail: the last `share` of all rows by time (Keras' validation_split on time-ordered rows).
 */
export type TailMode = 'per-user-tail' | 'global-tail';

export interface TailSplit {
  /** Indices kept for learning, chronological. */
  head: number[];
  /** Indices held out, chronological. */
  tail: number[];
}

/**
 * Split `indices` (chronological positions into `tasks`) into head and tail.
 * per-user-tail holds out floor(share × n) of each user's n rows, at least one when n ≥ 2.
 * global-tail holds out floor(share × total) rows, at least one when total ≥ 2.
 */
export function splitTail(
  tasks: readonly Task[],
  indices: readonly number[],
  share: number,
  mode: TailMode = 'per-user-tail',
): TailSplit {
  const take = (n: number): number =>
    n >= 2 && share > 0 ? Math.min(n - 1, Math.max(1, Math.floor(share * n))) : 0;
  // Grouped before any mark is set: nothing below throws, so every mark is cleared again.
  const lists = mode === 'global-tail' ? [indices] : [...groupByUser(tasks, indices).values()];
  for (const list of lists) {
    const k = take(list.length);
    for (let j = list.length - k; j < list.length; j++) markTail(list[j] as number);
  }
  const head: number[] = [];
  const tail: number[] = [];
  // Every copy of a marked row is in the tail (as a set of tail rows would have it).
  for (const i of indices) (tailMarks[i] === 1 ? tail : head).push(i);
  for (const i of tail) tailMarks[i] = 0;
  return { head, tail };
}

/**
 * splitTail's marks by row, all 0 between calls: a typed array in place of a Set of the tail rows, which
 * cost 50 ms a phase on EdNet's 110,892 training rows. Grown to the largest row marked.
 */
let tailMarks = new Uint8Array(0);

function markTail(i: number): void {
  if (i >= tailMarks.length) {
    const grown = new Uint8Array(Math.max(i + 1, 2 * tailMarks.length));
    grown.set(tailMarks);
    tailMarks = grown;
  }
  tailMarks[i] = 1;
}

export interface TemporalSplit {
  kind: TailMode;
  /** Share of rows held out (of each user's rows for per-user-tail). */
  testShare: number;
  trainIndices: number[];
  testIndices: number[];
  /** Rows on each side per user, users in order of first appearance. */
  perUser: { userId: string; trainRows: number; testRows: number }[];
}

/** The held-out test split of a whole chronological dataset (default: last 20 % of each user). */
export function temporalSplit(
  tasks: readonly Task[],
  testShare = 0.2,
  mode: TailMode = 'per-user-tail',
): TemporalSplit {
  const all = tasks.map((_, i) => i);
  const { head, tail } = splitTail(tasks, all, testShare, mode);
  const counts = new Map<string, { userId: string; trainRows: number; testRows: number }>();
  const row = (i: number) => {
    const userId = (tasks[i] as Task).userId;
    let c = counts.get(userId);
    if (!c) counts.set(userId, (c = { userId, trainRows: 0, testRows: 0 }));
    return c;
  };
  for (const i of all) row(i); // fix the order of first appearance
  for (const i of head) row(i).trainRows += 1;
  for (const i of tail) row(i).testRows += 1;
  return { kind: mode, testShare, trainIndices: head, testIndices: tail, perUser: [...counts.values()] };
}
