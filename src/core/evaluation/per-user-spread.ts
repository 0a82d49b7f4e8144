/**
 * The design note's generalisation check, measured: for each user, the spread of their predictions over every
 * topic × difficulty at their current history, and the ratio of the largest to the smallest spread.
 * An overfit model varies its predictions for the dominant user and barely at all for the others.
 */
import { checkedProbabilities, type Probabilities } from './binary-labels';
import { mean, populationStd } from './summary-stats';
import { userRef } from '../data/user-ref';

/** One user's predictions over the topic × difficulty grid. */
export interface UserPredictions {
  userId: string;
  /** P(correct) for each topic × difficulty, 0–1. */
  predictions: Probabilities;
}

/** One user's spread. */
export interface UserSpread {
  userId: string;
  /** Predictions described (topics × difficulties). */
  n: number;
  /** Mean prediction, 0–1. */
  mean: number;
  /** Population std of the predictions, 0–1 scale. */
  std: number;
}

export interface PerUserSpread {
  /** In the order given. */
  perUser: UserSpread[];
  /**
   * Largest std / smallest std across users (docs/contract.md calls it the variance ratio; it is a ratio
   * of standard deviations). ≥ 1. Special cases: fewer than two users → 1 (nothing to compare);
   * every std 0 → 1 (all equally flat); smallest 0 and largest > 0 → Infinity (some user gets one
   * constant prediction whatever the task — the worst failure). Note JSON.stringify(Infinity) is null.
   */
  varianceRatio: number;
}

/**
 * Per-user mean and std of predictions and the largest / smallest std ratio.
 * @throws RangeError when a user has no predictions, is listed twice, or a prediction is not in [0, 1].
 */
export function perUserSpread(users: readonly UserPredictions[]): PerUserSpread {
  const seen = new Set<string>();
  const perUser = users.map((u): UserSpread => {
    if (seen.has(u.userId)) throw new RangeError(`user ${userRef(u.userId)} is listed twice`);
    seen.add(u.userId);
    const p = checkedProbabilities(u.predictions);
    const m = mean(p);
    const s = populationStd(p);
    if (m === undefined || s === undefined)
      throw new RangeError(`user ${userRef(u.userId)} has no predictions`);
    return { userId: u.userId, n: p.length, mean: m, std: s };
  });
  return { perUser, varianceRatio: stdRatio(perUser.map((u) => u.std)) };
}

/** Largest / smallest of non-negative stds, with the special cases documented on `varianceRatio`. */
export function stdRatio(stds: readonly number[]): number {
  if (stds.length < 2) return 1;
  const largest = Math.max(...stds);
  const smallest = Math.min(...stds);
  if (smallest === 0) return largest > 0 ? Infinity : 1;
  return largest / smallest;
}
