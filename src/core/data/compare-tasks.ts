/**
 * The canonical task order: chronological, ties broken by every field, so the same rows in any file
 * order (a CSV and its JSON twin) give the same sequence — and so the same fingerprint and features.
 */
import type { Task } from './task';

const cmp = <T extends string | number>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);

export function compareTasks(a: Task, b: Task): number {
  return (
    a.completedAtMs - b.completedAtMs ||
    cmp(a.userId, b.userId) ||
    cmp(a.topic, b.topic) ||
    cmp(a.difficulty, b.difficulty) ||
    Number(a.isCorrect) - Number(b.isCorrect) ||
    a.actualTimeSeconds - b.actualTimeSeconds ||
    (a.predictedCorrect ?? -1) - (b.predictedCorrect ?? -1) ||
    (a.trueP ?? -1) - (b.trueP ?? -1)
  );
}
