/**
 * The batch rule: how many rows a training step takes, and at what learning rate, for a phase of
 * n fit rows. Seed-faithful (stepsPerEpoch 0): the fixed batch and rate. Scaled: about
 * `stepsPerEpoch` steps per epoch whatever the data size, the rate raised by √(batch / base batch).
 */

export interface BatchRuleOptions {
  /** Rows per step when not scaled, and the least rows per step when scaled. */
  batchSize: number;
  learningRate: number;
  /** Steps per epoch to aim for; 0 or absent = the fixed `batchSize`. */
  stepsPerEpoch?: number;
}

export interface PhaseBatch {
  /** Rows per step (≤ n; the ragged tail of each shuffled epoch is skipped). */
  batch: number;
  steps: number;
  learningRate: number;
}

export function phaseBatch(n: number, o: BatchRuleOptions): PhaseBatch {
  const base = Math.max(1, Math.floor(o.batchSize));
  const target = o.stepsPerEpoch && o.stepsPerEpoch > 0 ? Math.floor(n / o.stepsPerEpoch) : 0;
  const batch = Math.max(1, Math.min(Math.max(base, target), n));
  // Adam's square-root scaling rule: a batch k× larger keeps the gradient noise per unit of
  // training time when the step grows by √k (Malladi et al., 2022). Never lowered for small phases.
  const scale = target > base ? Math.sqrt(batch / base) : 1;
  return { batch, steps: n > 0 ? Math.floor(n / batch) : 0, learningRate: o.learningRate * scale };
}
