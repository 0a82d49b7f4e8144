/**
 * The canonical task order: chronological by `completedAtMs`; tasks completed at the same moment keep
 * their file order. Nothing about a task's own outcome may decide its place — ordering ties by
 * correctness would put a row's label into its own history features (docs/contract.md §2, "Ordering").
 */
import type { Task } from './task';

/** For a stable sort (Array.prototype.sort is stable): equal timestamps stay in input (file) order. */
export function compareTasks(a: Task, b: Task): number {
  return a.completedAtMs - b.completedAtMs;
}
