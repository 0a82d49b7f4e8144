/**
 * Which rows a strategy learns from and with what weight: the design note's balanced sampling (most recent
 * N per user), inverse-frequency weights, and the resulting per-user training influence
 * (docs/contract.md §2 `trainingInfluence`). Pure TS, exact float64 arithmetic: no tfjs.
 */
import { groupByUser } from '../../data/group-by-user';
import type { Task } from '../../data/task';

/** One user's effective part in one training phase's loss. */
export interface InfluenceRow {
  userId: string;
  /** Rows of this user in the phase's training set (after sampling, before the validation slice). */
  samples: number;
  /** Per-sample loss weight (1 when unweighted). */
  weight: number;
  /** samples × weight / Σ(samples × weight) over users: the user's share of the loss, 0–1. */
  share: number;
  /** Training phase the row describes, e.g. "train", "pretrain", "fine-tune", "base". */
  phase: string;
}

/**
 * The design note's `_get_balanced_training_data`: each user's `maxPerUser` most recent rows of `indices`
 * (chronological positions into `tasks`), returned in chronological order.
 */
export function mostRecentPerUser(
  tasks: readonly Task[],
  indices: readonly number[],
  maxPerUser: number,
): number[] {
  const keep = new Set<number>();
  for (const list of groupByUser(tasks, indices).values()) {
    for (const i of list.slice(Math.max(0, list.length - maxPerUser))) keep.add(i);
  }
  return indices.filter((i) => keep.has(i));
}

/**
 * Loss weights aligned with `indices` that soften a user's dominance: weight ∝ (the user's rows)^−exponent,
 * computed as the design note's Strategy 4 does — total / (users × count^exponent), then normalised to sum to
 * total. Exponent 1 is the design note's inverse frequency (every user the same share of the loss); 0 weighs
 * every row alike (callers pass no weights then).
 */
export function frequencyWeights(
  tasks: readonly Task[],
  indices: readonly number[],
  exponent: number,
): number[] {
  const byUser = groupByUser(tasks, indices);
  const total = indices.length;
  const raw = indices.map((i) => {
    const count = (byUser.get((tasks[i] as Task).userId) as number[]).length;
    // count ** 1 is count, but spelled out: exponent 1 must be the design note's arithmetic to the bit.
    return total / (byUser.size * (exponent === 1 ? count : count ** exponent));
  });
  const sum = raw.reduce((s, w) => s + w, 0);
  return sum > 0 ? raw.map((w) => (w * total) / sum) : raw;
}

/** The design note's Strategy 4 weights: total / (users × that user's count), normalised to sum to total. */
export function inverseFrequencyWeights(tasks: readonly Task[], indices: readonly number[]): number[] {
  return frequencyWeights(tasks, indices, 1);
}

/**
 * Per-user influence of one phase: rows of `indices` per user, their weight (`weights` aligned with
 * `indices`, default 1), and the share of the loss. Users sorted by samples, most first.
 */
export function trainingInfluence(
  tasks: readonly Task[],
  indices: readonly number[],
  weights: readonly number[] | undefined,
  phase: string,
): InfluenceRow[] {
  const mass = new Map<string, { samples: number; weightSum: number }>();
  indices.forEach((i, j) => {
    const u = (tasks[i] as Task).userId;
    let m = mass.get(u);
    if (!m) mass.set(u, (m = { samples: 0, weightSum: 0 }));
    m.samples += 1;
    m.weightSum += weights ? (weights[j] as number) : 1;
  });
  const total = [...mass.values()].reduce((s, m) => s + m.weightSum, 0);
  return [...mass.entries()]
    .map(([userId, m]) => ({
      userId,
      samples: m.samples,
      weight: m.weightSum / m.samples,
      share: total > 0 ? m.weightSum / total : 0,
      phase,
    }))
    .sort((a, b) => b.samples - a.samples || a.userId.localeCompare(b.userId));
}
