/**
 * Rows grouped by user: each user's positions among `indices`, in the order given, users in order of first
 * appearance. What per-user splits, caps and weights start from. Pure TS.
 */
import type { Task } from './task';

export function groupByUser(tasks: readonly Task[], indices: readonly number[]): Map<string, number[]> {
  const byUser = new Map<string, number[]>();
  for (const i of indices) {
    const u = (tasks[i] as Task).userId;
    let list = byUser.get(u);
    if (!list) byUser.set(u, (list = []));
    list.push(i);
  }
  return byUser;
}
