/**
 * The forward pass of a head, written on tfjs ops over the LayersModel's own variables. Why not
 * `model.apply`: per-layer training mode (a frozen BatchNorm must run on its moving statistics and
 * never update them), dropout seeded per step (a seeded Dropout layer repeats one mask), and fewer
 * dispatched ops (fused matMul). In inference mode it equals `model.predict` (tested). tfjs only.
 */
import * as tf from '@tensorflow/tfjs';
import { BN_EPSILON, BN_MOMENTUM, type HeadNetwork, type LayerName } from './architecture';

/** Encoded inputs of a batch; `user` is absent for the base architecture. */
export interface BatchInputs {
  user?: tf.Tensor1D;
  topic: tf.Tensor1D;
  difficulty: tf.Tensor1D;
  /** [B, FEATURE_COUNT] history features in the network's feature version. */
  history: tf.Tensor2D;
}

export interface ForwardMode {
  /** Batch statistics and dropout on; BatchNorm moving statistics updated (except frozen layers). */
  training: boolean;
  /** Layers run in inference mode even while training (their weights are also left out of training). */
  frozen?: ReadonlySet<LayerName>;
  /** Seed source for dropout masks, called once per dropout per step. Required when training. */
  nextSeed?: () => number;
}

function weightsOf(net: HeadNetwork, name: LayerName): tf.Variable[] {
  const v = net.vars[name];
  if (!v) throw new Error(`layer ${name} missing from ${net.spec.kind}`);
  return v;
}

function batchNorm(net: HeadNetwork, name: LayerName, x: tf.Tensor2D, mode: ForwardMode): tf.Tensor2D {
  const [gamma, beta, movingMean, movingVar] = weightsOf(net, name) as [
    tf.Variable,
    tf.Variable,
    tf.Variable,
    tf.Variable,
  ];
  if (!mode.training || mode.frozen?.has(name)) {
    return tf.batchNorm(x, movingMean, movingVar, beta, gamma, BN_EPSILON) as tf.Tensor2D;
  }
  const { mean, variance } = tf.moments(x, 0);
  // Same update as tfjs-layers: moving -= (moving - batch) × (1 - momentum), biased batch variance.
  // A side effect inside the loss closure, as in tfjs-layers; it is not part of the loss, so no gradient flows.
  const decay = 1 - BN_MOMENTUM;
  movingMean.assign(tf.tidy(() => tf.sub(movingMean, tf.mul(tf.sub(movingMean, mean), decay))));
  movingVar.assign(tf.tidy(() => tf.sub(movingVar, tf.mul(tf.sub(movingVar, variance), decay))));
  return tf.batchNorm(x, mean, variance, beta, gamma, BN_EPSILON) as tf.Tensor2D;
}

function dense(
  net: HeadNetwork,
  name: LayerName,
  x: tf.Tensor2D,
  activation: 'relu' | 'linear',
): tf.Tensor2D {
  const [kernel, bias] = weightsOf(net, name) as [tf.Variable, tf.Variable];
  return tf.fused.matMul({ a: x, b: kernel as tf.Tensor2D, bias, activation }) as tf.Tensor2D;
}

function dropout(x: tf.Tensor2D, rate: number, mode: ForwardMode): tf.Tensor2D {
  if (!mode.training || rate <= 0) return x;
  if (!mode.nextSeed) throw new Error('training forward needs a seed source for dropout');
  return tf.dropout(x, rate, undefined, mode.nextSeed()) as tf.Tensor2D;
}

/**
 * Raw output of a head, shape [B]: the logit of P(correct) for a correctness head (the exported
 * model applies the sigmoid), the standardised log time for a time head.
 */
export function forward(net: HeadNetwork, input: BatchInputs, mode: ForwardMode): tf.Tensor1D {
  const { spec } = net;
  const embed = (key: 'user' | 'topic' | 'difficulty', idx: tf.Tensor1D): tf.Tensor2D => {
    const [table] = weightsOf(net, `${key}_embedding`) as [tf.Variable];
    const e = tf.gather(table, idx) as tf.Tensor2D;
    return spec.embeddingBatchNorm ? batchNorm(net, `${key}_bn`, e, mode) : e;
  };
  const parts: tf.Tensor2D[] = [];
  if (spec.userEmbeddingDim > 0) {
    if (!input.user) throw new Error('this architecture needs user indices');
    parts.push(embed('user', input.user));
  }
  parts.push(embed('topic', input.topic), embed('difficulty', input.difficulty), input.history);
  const concat = tf.concat(parts, 1);
  let x = dense(net, 'dense_1', concat, 'relu');
  x = batchNorm(net, 'trunk_bn', x, mode);
  x = dropout(x, spec.dropout1, mode);
  x = dense(net, 'dense_2', x, 'relu');
  x = dropout(x, spec.dropout2, mode);
  let out = dense(net, 'output', x, 'linear');
  if (spec.monotoneResponse) {
    // The monotone side path (monotone-path.ts): no BatchNorm, no dropout, added to the trunk's logit.
    out = tf.add(out, dense(net, 'monotone_output', dense(net, 'monotone_1', concat, 'relu'), 'linear'));
  }
  return tf.reshape(out, [-1]);
}

/** Keras-style regulariser penalty of the whole net (0.01 × Σw² of the user embedding in v2), or null. */
export function regularizationLoss(net: HeadNetwork, frozen?: ReadonlySet<LayerName>): tf.Scalar | null {
  if (net.spec.userL2 <= 0 || frozen?.has('user_embedding')) return null;
  const [table] = weightsOf(net, 'user_embedding') as [tf.Variable];
  return tf.mul(tf.sum(tf.square(table)), net.spec.userL2) as tf.Scalar;
}

/**
 * Per-sample loss, shape [B]: binary cross-entropy from logits (numerically stable; what Keras
 * does for a sigmoid output) or squared error on the standardised log time.
 */
export function perSampleLoss(net: HeadNetwork, output: tf.Tensor1D, target: tf.Tensor1D): tf.Tensor1D {
  if (net.head === 'time') return tf.squaredDifference(output, target);
  // max(z, 0) − z·y + log(1 + e^(−|z|))
  return tf.add(tf.sub(tf.relu(output), tf.mul(output, target)), tf.log1p(tf.exp(tf.neg(tf.abs(output)))));
}
