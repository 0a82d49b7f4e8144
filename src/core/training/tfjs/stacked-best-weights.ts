/**
 * Best-epoch weights of a stacked phase: every variable (BatchNorm statistics included) kept per
 * model where its validation loss improved, and written back for the models that restore them.
 */
import * as tf from '@tensorflow/tfjs';
import { stackedVariables, type StackedNetwork } from '../loop/stacked-network';

const maskOf = (flags: readonly boolean[]) =>
  tf.tensor3d(
    flags.map((f) => (f ? 1 : 0)),
    [flags.length, 1, 1],
    'bool',
  );

/** Keep the current weights of the improved models (every variable, BatchNorm statistics included). */
export function keepBest(
  stacked: StackedNetwork,
  best: tf.Tensor[] | null,
  improved: readonly boolean[],
): tf.Tensor[] {
  const vars = stackedVariables(stacked);
  if (!best) return vars.map((v) => tf.keep(tf.clone(v)));
  const next = tf.tidy(() => {
    const mask = maskOf(improved);
    return vars.map((v, i) => tf.keep(tf.where(broadcastMask(mask, v), v, best[i] as tf.Tensor)));
  });
  best.forEach((t) => t.dispose());
  return next;
}

/** Write the kept best weights back for the models flagged. */
export function putBack(
  stacked: StackedNetwork,
  best: readonly tf.Tensor[],
  flags: readonly boolean[],
): void {
  tf.tidy(() => {
    const mask = maskOf(flags);
    stackedVariables(stacked).forEach((v, i) =>
      v.assign(tf.where(broadcastMask(mask, v), best[i] as tf.Tensor, v)),
    );
  });
}

const broadcastMask = (mask: tf.Tensor, like: tf.Tensor) => tf.broadcastTo(mask, like.shape);
