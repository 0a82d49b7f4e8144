/**
 * Copies one head's weights into another of the same architecture: a per-user model starts as a copy
 * of the shared base (tfjs has no `clone_model`, so the same architecture is built and every variable,
 * BatchNorm statistics included, is copied). tfjs only.
 */
import * as tf from '@tensorflow/tfjs';
import { allVariables, type HeadNetwork } from './architecture';

/** Copy every variable of `from` into `to` (same architecture and vocabulary sizes). */
export function copyWeights(from: HeadNetwork, to: HeadNetwork): void {
  const src = allVariables(from);
  const dst = allVariables(to);
  if (src.length !== dst.length) throw new Error('cannot copy weights between different architectures');
  // Cloned inside tidy: the variable keeps its own reference, the temporary handle is released.
  tf.tidy(() => dst.forEach((v, i) => v.assign(tf.clone(src[i] as tf.Tensor))));
}
