/**
 * The per-run figures of scripts/train-all.ts beyond log loss and AUC, from a run's held-out predictions
 * and response probes: the revised response check and responseGap (core's checkResponse), per-user log
 * loss with users under 5 held-out tasks pooled (core's pooledUserLogLoss), and a t interval over seeds
 * (core's seedInterval) — as numbers, NaN where core has none, for the script's table.
 */
import { checkResponse, type ResponseProbe } from '../src/core/evaluation/response-check';
import { seedInterval as coreSeedInterval } from '../src/core/evaluation/seed-interval';
import { pooledUserLogLoss as corePooledUserLogLoss } from '../src/core/evaluation/user-groups';

/** Revised responsive (docs/contract.md §2) with the default 0.01 tolerances; no probes fails. */
export function revisedResponsive(probes: readonly ResponseProbe[]): boolean {
  return checkResponse(probes).responsive;
}

/** Mean over probed users of afterCorrect[5] − afterIncorrect[5]; NaN without probes. */
export function responseGap(probes: readonly ResponseProbe[]): number {
  return checkResponse(probes).responseGap ?? NaN;
}

/** Per-user log loss, users with fewer than 5 held-out tasks pooled into one group first; NaN without rows. */
export function pooledUserLogLoss(
  users: readonly string[],
  labels: readonly number[],
  p: ArrayLike<number>,
): number {
  return corePooledUserLogLoss(labels, p, users) ?? NaN;
}

/** Mean and 95 % t interval over seeds (core's seedInterval); lo = hi = mean for one value. */
export function seedInterval(values: readonly number[]): { mean: number; lo: number; hi: number } {
  const s = coreSeedInterval(values);
  const mean = s.mean ?? NaN;
  return { mean, lo: s.lo ?? mean, hi: s.hi ?? mean };
}
