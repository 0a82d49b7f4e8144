/**
 * Per-user log loss with the pooling rule of docs/contract.md §2b: the mean over users of each user's
 * held-out log loss, where users with fewer than 5 held-out tasks are first pooled into one group — so
 * two users with a single row each cannot carry half of the figure.
 */
import { labelsAsNumbers, type BinaryLabels, type Probabilities } from './binary-labels';
import { LOG_LOSS_EPSILON } from './log-loss';

/** Users with fewer held-out tasks than this are pooled into one group. */
export const MIN_OWN_GROUP_TASKS = 5;

/** The rule in words, for every place the figure is shown. */
export const POOLING_RULE = `users with fewer than ${MIN_OWN_GROUP_TASKS} held-out tasks are pooled into one group`;

/** Held-out rows by user: each row's user, each user's size and whether it is pooled. */
export interface UserGroups {
  /** Users in order of first appearance among the rows. */
  users: { userId: string; n: number; pooled: boolean }[];
  /** Each row's position in `users`. */
  userOfRow: Int32Array;
  /** Groups the figure averages over: users with their own group plus one pooled group when any is pooled. */
  groups: number;
}

export function userGroups(userIds: readonly string[]): UserGroups {
  const index = new Map<string, number>();
  const userOfRow = new Int32Array(userIds.length);
  const users: UserGroups['users'] = [];
  userIds.forEach((id, r) => {
    let u = index.get(id);
    if (u === undefined) {
      u = users.length;
      index.set(id, u);
      users.push({ userId: id, n: 0, pooled: false });
    }
    (users[u] as UserGroups['users'][number]).n++;
    userOfRow[r] = u;
  });
  for (const user of users) user.pooled = user.n < MIN_OWN_GROUP_TASKS;
  const own = users.filter((u) => !u.pooled).length;
  return { users, userOfRow, groups: own + (users.some((u) => u.pooled) ? 1 : 0) };
}

/** Clipped log loss of one row, nats (as logLoss clips). */
export function rowLogLoss(y: number, p: number): number {
  const q = Math.min(1 - LOG_LOSS_EPSILON, Math.max(LOG_LOSS_EPSILON, p));
  return y === 1 ? -Math.log(q) : -Math.log(1 - q);
}

/**
 * Per-user log loss with the pooling rule: the mean over groups of each group's mean row log loss.
 * @returns undefined when there are no rows.
 */
export function pooledUserLogLoss(
  labels: BinaryLabels,
  predictions: Probabilities,
  userIds: readonly string[],
): number | undefined {
  if (labels.length !== predictions.length || labels.length !== userIds.length)
    throw new RangeError('labels, predictions and users must have the same length');
  if (labels.length === 0) return undefined;
  const y = labelsAsNumbers(labels);
  const groups = userGroups(userIds);
  const sums = new Float64Array(groups.users.length);
  for (let r = 0; r < y.length; r++) {
    const u = groups.userOfRow[r] as number;
    sums[u] = (sums[u] as number) + rowLogLoss(y[r] as number, predictions[r] as number);
  }
  let total = 0;
  let pooledSum = 0;
  let pooledN = 0;
  groups.users.forEach((user, u) => {
    if (user.pooled) {
      pooledSum += sums[u] as number;
      pooledN += user.n;
    } else total += (sums[u] as number) / user.n;
  });
  if (pooledN > 0) total += pooledSum / pooledN;
  return total / groups.groups;
}
