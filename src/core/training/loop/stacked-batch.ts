/**
 * Gathers the rows of one step (or one validation pass) for K models in JS and uploads them as the
 * stacked batch: [K, B] with short or idle models padded by weightless rows. Building a batch in
 * JS costs a copy of B rows (from packed rows: packed-rows.ts); it replaces a gather dispatch per input
 * per step.
 */
import * as tf from '@tensorflow/tfjs';
import { FEATURE_COUNT } from '../../features/history-features';
import {
  packRows,
  PACKED_DIFFICULTY,
  PACKED_STRIDE,
  PACKED_TARGET,
  PACKED_TOPIC,
  PACKED_USER,
  PACKED_WEIGHT,
  touchRows,
  type BatchSource,
  type PackedRows,
} from './packed-rows';
import type { StackedBatch } from './stacked-network';

export type { BatchSource, PackedRows } from './packed-rows';
export { packRows } from './packed-rows';

/** Vocabulary sizes of the stacked embedding tables, to offset model k's indices by k·V. */
export interface TableSizes {
  user: number;
  topic: number;
  difficulty: number;
}

export interface HostBatch {
  k: number;
  b: number;
  user: Int32Array;
  topic: Int32Array;
  difficulty: Int32Array;
  history: Float32Array;
  target: Float32Array;
  /** Per row: its loss weight ÷ `divisor[k]`, 0 for padding. */
  coef: Float32Array;
  /** Per row: 1 real, 0 padding. */
  real: Float32Array;
  /** Real rows per model. */
  count: Int32Array;
}

/**
 * Rows `picks[k]` (positions into source k's rows; null = model k sits out) padded to `b` rows
 * per model. `divisor(k, count)` turns weights into loss coefficients (batch size for training,
 * the weight sum for validation).
 */
export function hostBatch(
  sources: readonly (PackedRows | null)[],
  picks: readonly (ArrayLike<number> | null)[],
  b: number,
  sizes: TableSizes,
  divisor: (k: number, pick: ArrayLike<number>) => number,
  /** A batch of the same K and B to refill (every step of a phase has the same shape): no allocation. */
  reuse?: HostBatch,
): HostBatch {
  const k = sources.length;
  const hb = reuse && reuse.k === k && reuse.b === b ? clear(reuse) : emptyHostBatch(k, b);
  for (let m = 0; m < k; m++) {
    // Padding points at row 0 of model m's own tables (the unknown entry), with no weight.
    for (let j = 0; j < b; j++) {
      hb.user[m * b + j] = m * sizes.user;
      hb.topic[m * b + j] = m * sizes.topic;
      hb.difficulty[m * b + j] = m * sizes.difficulty;
    }
    const pick = picks[m];
    if (!pick) continue;
    const { floats, ints } = sources[m] as PackedRows;
    const div = divisor(m, pick);
    const n = Math.min(pick.length, b);
    hb.count[m] = n;
    touchRows(sources[m] as PackedRows, pick, n);
    for (let j = 0; j < n; j++) {
      const from = (pick[j] as number) * PACKED_STRIDE;
      const at = m * b + j;
      hb.user[at] = m * sizes.user + (ints[from + PACKED_USER] as number);
      hb.topic[at] = m * sizes.topic + (ints[from + PACKED_TOPIC] as number);
      hb.difficulty[at] = m * sizes.difficulty + (ints[from + PACKED_DIFFICULTY] as number);
      // Copied in a loop: a subarray per row (13 floats) cost more than the copy itself.
      const to = at * FEATURE_COUNT;
      for (let f = 0; f < FEATURE_COUNT; f++) hb.history[to + f] = floats[from + f] as number;
      hb.target[at] = floats[from + PACKED_TARGET] as number;
      hb.coef[at] = div > 0 ? (floats[from + PACKED_WEIGHT] as number) / div : 0;
      hb.real[at] = 1;
    }
  }
  return hb;
}

/** A host batch of k models × b rows, all zero. */
export function emptyHostBatch(k: number, b: number): HostBatch {
  return {
    k,
    b,
    user: new Int32Array(k * b),
    topic: new Int32Array(k * b),
    difficulty: new Int32Array(k * b),
    history: new Float32Array(k * b * FEATURE_COUNT),
    target: new Float32Array(k * b),
    coef: new Float32Array(k * b),
    real: new Float32Array(k * b),
    count: new Int32Array(k),
  };
}

/** A host batch as freshly allocated (indices are rewritten for every row by hostBatch). */
function clear(hb: HostBatch): HostBatch {
  hb.history.fill(0);
  hb.target.fill(0);
  hb.coef.fill(0);
  hb.real.fill(0);
  hb.count.fill(0);
  return hb;
}

/** Upload a host batch; `withUser` for architectures that have a user embedding. */
/** A stacked batch with each row's loss coefficient ([K, B]). */
export type StackedBatchWithCoef = StackedBatch & { coef: tf.Tensor2D };

export function uploadBatch(hb: HostBatch, withUser: boolean): StackedBatchWithCoef {
  const { k, b } = hb;
  return {
    ...(withUser ? { user: tf.tensor1d(hb.user, 'int32') } : {}),
    topic: tf.tensor1d(hb.topic, 'int32'),
    difficulty: tf.tensor1d(hb.difficulty, 'int32'),
    history: tf.tensor3d(hb.history, [k, b, FEATURE_COUNT]),
    target: tf.tensor2d(hb.target, [k, b]),
    coef: tf.tensor2d(hb.coef, [k, b]),
  };
}

export function disposeBatch(batch: StackedBatchWithCoef): void {
  for (const t of Object.values(batch) as tf.Tensor[]) t.dispose();
}

/** Every model's validation rows (validationHostBatch) uploaded once per phase. */
export function uploadValidation(
  sources: readonly (BatchSource | null)[],
  sizes: TableSizes,
  withUser: boolean,
): StackedBatchWithCoef {
  return uploadBatch(validationHostBatch(sources, sizes), withUser);
}

/** 0, 1, …, n − 1 in a plain loop (Array.from with a map function cost a call per row, every epoch). */
export function positions(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(i); // push keeps the array packed (new Array(n) makes it holey)
  return out;
}

/** Rows per model of the validation host batch: the longest validation set (at least 1). */
export const validationWidth = (sources: readonly (BatchSource | null)[]): number =>
  Math.max(1, ...sources.map((s) => s?.rows.n ?? 0));

/**
 * Every model's validation rows (null = none) in one host batch padded to the longest; each row's
 * coefficient is its weight ÷ the model's weight sum, so a row sum is the weighted mean loss.
 */
export function validationHostBatch(
  sources: readonly (BatchSource | null)[],
  sizes: TableSizes,
  /** A batch of validationWidth(sources) rows per model to fill (the fused engine's, in its memory). */
  into?: HostBatch,
): HostBatch {
  const picks = sources.map((s) => (s ? positions(s.rows.n) : null));
  const packed = sources.map((s) => (s ? packRows(s) : null));
  return hostBatch(
    packed,
    picks,
    validationWidth(sources),
    sizes,
    (m, pick) => {
      const w = (sources[m] as BatchSource).rows.weight;
      let sum = 0;
      for (let j = 0; j < pick.length; j++) sum += w[pick[j] as number] as number;
      return sum;
    },
    into,
  );
}
