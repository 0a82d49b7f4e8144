/**
 * Weight snapshots and copies. tfjs has no `restoreBestWeights` and `getWeights()` returns live
 * variables, so the best epoch is kept as cloned tensors; a per-user model is cloned from the base
 * by building the same architecture and copying every variable (no `clone_model` in tfjs). tfjs only.
 */
import * as tf from '@tensorflow/tfjs';
import { allVariables, type HeadNetwork } from './architecture';

/** Cloned values of every variable of a head (BatchNorm statistics included); dispose when done. */
export type WeightSnapshot = tf.Tensor[];

export function snapshotWeights(net: HeadNetwork): WeightSnapshot {
  return allVariables(net).map((v) => tf.keep(tf.clone(v)));
}

/** Write a snapshot back into the head (the snapshot stays valid and must still be disposed). */
export function restoreWeights(net: HeadNetwork, snapshot: WeightSnapshot): void {
  const vars = allVariables(net);
  if (vars.length !== snapshot.length) throw new Error('snapshot does not match this network');
  vars.forEach((v, i) => v.assign(snapshot[i] as tf.Tensor));
}

export function disposeSnapshot(snapshot: WeightSnapshot | undefined): void {
  if (snapshot) for (const t of snapshot) t.dispose();
}

/** Copy every variable of `from` into `to` (same architecture and vocabulary sizes). */
export function copyWeights(from: HeadNetwork, to: HeadNetwork): void {
  const src = allVariables(from);
  const dst = allVariables(to);
  if (src.length !== dst.length) throw new Error('cannot copy weights between different architectures');
  // Cloned inside tidy: the variable keeps its own reference, the temporary handle is released.
  tf.tidy(() => dst.forEach((v, i) => v.assign(tf.clone(src[i] as tf.Tensor))));
}
