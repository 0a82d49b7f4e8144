/**
 * The per-run figures of scripts/train-all.ts beyond log loss and AUC, computed from a run's held-out
 * predictions and response probes as docs/contract.md §2 / §2b define them: the revised response check,
 * responseGap, per-user log loss with users under 5 held-out tasks pooled, and a t interval over seeds.
 * Kept here (not in core) while src/core/evaluation gains its own versions; a test pins them.
 */
import { seedInterval as coreSeedInterval } from '../src/core/evaluation/seed-interval';
import { LOG_LOSS_EPSILON } from '../src/core/evaluation/log-loss';

export interface Probe {
  afterCorrect: readonly number[];
  afterIncorrect: readonly number[];
}

/** Slack of the revised response check (contract §2, revised 2026-12), probability units. */
export const RESPONSE_SLACK = 0.01;
/** Users with fewer held-out tasks than this are pooled into one group for per-user log loss. */
export const POOL_BELOW = 5;

/**
 * Revised responsive: for every probed user, afterCorrect[5] ≥ afterCorrect[0] − 0.01 and
 * afterCorrect[5] ≥ afterIncorrect[5] − 0.01 (the last value of each curve). No probes fails.
 */
export function revisedResponsive(probes: readonly Probe[]): boolean {
  return (
    probes.length > 0 &&
    probes.every((p) => {
      const last = p.afterCorrect[p.afterCorrect.length - 1] as number;
      const before = p.afterCorrect[0] as number;
      const wrong = p.afterIncorrect[p.afterIncorrect.length - 1] as number;
      return last >= before - RESPONSE_SLACK - 1e-12 && last >= wrong - RESPONSE_SLACK - 1e-12;
    })
  );
}

/** Mean over probed users of afterCorrect[5] − afterIncorrect[5]; NaN without probes. */
export function responseGap(probes: readonly Probe[]): number {
  if (probes.length === 0) return NaN;
  let sum = 0;
  for (const p of probes)
    sum +=
      (p.afterCorrect[p.afterCorrect.length - 1] as number) -
      (p.afterIncorrect[p.afterIncorrect.length - 1] as number);
  return sum / probes.length;
}

/**
 * Per-user log loss: each user's mean held-out log loss, users with fewer than POOL_BELOW held-out
 * tasks pooled into one group first, then the unweighted mean over the groups.
 */
export function pooledUserLogLoss(
  users: readonly string[],
  labels: readonly number[],
  p: ArrayLike<number>,
): number {
  const rows = new Map<string, number[]>();
  users.forEach((u, i) => {
    const list = rows.get(u);
    if (list) list.push(i);
    else rows.set(u, [i]);
  });
  const groups: number[][] = [];
  const pooled: number[] = [];
  for (const list of rows.values()) {
    if (list.length < POOL_BELOW) pooled.push(...list);
    else groups.push(list);
  }
  if (pooled.length > 0) groups.push(pooled);
  const loss = (i: number) => {
    const q = Math.min(1 - LOG_LOSS_EPSILON, Math.max(LOG_LOSS_EPSILON, p[i] as number));
    return -Math.log(labels[i] === 1 ? q : 1 - q);
  };
  let sum = 0;
  for (const g of groups) sum += g.reduce((a, i) => a + loss(i), 0) / g.length;
  return groups.length > 0 ? sum / groups.length : NaN;
}

/** Mean and 95 % t interval over seeds (core's seedInterval); lo = hi = mean for one value. */
export function seedInterval(values: readonly number[]): { mean: number; lo: number; hi: number } {
  const s = coreSeedInterval(values);
  const mean = s.mean ?? NaN;
  return { mean, lo: s.lo ?? mean, hi: s.hi ?? mean };
}
