/**
 * K heads of one architecture trained as one: every variable stacked on a leading model axis
 * ([K, …]), a forward pass of batched ops over [K, B, …] (one dispatch serves all K models), and
 * the weights written back into each head afterwards. Models never mix: each one's loss depends
 * only on its own slice, so its gradient is what training it alone would give. tfjs only.
 */
import * as tf from '@tensorflow/tfjs';
import {
  BN_EPSILON,
  presentLayers,
  type ArchitectureSpec,
  type HeadNetwork,
  type LayerName,
} from '../../model/architecture';
import { monotoneColumns, monotoneRules } from '../../model/monotone-path';

export interface StackedNetwork {
  k: number;
  spec: ArchitectureSpec;
  /** Per layer its variables stacked: embedding [K, V, d]; kernel [K, in, out]; bias and BatchNorm [K, 1, units]. */
  vars: Partial<Record<LayerName, tf.Variable[]>>;
  /** [K, 1] 1 for a correctness head, 0 for a time head (null when all K are the same kind). */
  headMask: tf.Tensor2D | null;
  correctness: boolean;
  /** The monotone path's kernel constraints as masks ([1, in, out]), empty without the path. */
  constraints: StackedConstraint[];
}

/** w ← w·keep − clip·min(w, 0): keep 0 = held at zero, clip 1 = clipped to ≥ 0 (monotone-path.ts). */
export interface StackedConstraint {
  kernel: tf.Variable;
  keep: tf.Tensor3D;
  clip: tf.Tensor3D;
}

/** One step's (or one validation pass's) inputs for all K models, B rows each (padding included). */
export interface StackedBatch {
  /** [K·B] indices into the flattened [K·V, d] table (k·V already added). */
  user?: tf.Tensor1D;
  topic: tf.Tensor1D;
  difficulty: tf.Tensor1D;
  /** [K, B, FEATURE_COUNT]. */
  history: tf.Tensor3D;
  /** [K, B] target per row. */
  target: tf.Tensor2D;
}

/** What a training pass needs besides the batch: which rows are real, and each model's BatchNorm decay. */
export interface StackedTrainingMode {
  /** [K, B, 1] 1 for a real row, 0 for padding (left out of BatchNorm's batch statistics); null = no padding. */
  real: tf.Tensor3D | null;
  /** [K, 1, 1] 1 / max(1, real rows) per model. */
  invCount: tf.Tensor3D;
  /** [K, 1, 1] (1 − momentum) for a model taking this step, 0 for one sitting it out. */
  bnDecay: tf.Tensor3D;
  frozen?: ReadonlySet<LayerName>;
  nextSeed: () => number;
}

const rank3 = (t: tf.Tensor): [number, number, number] =>
  t.rank === 1 ? [1, 1, t.shape[0] as number] : [1, t.shape[0] as number, t.shape[1] as number];

/** Stack K heads of one architecture (same vocabulary sizes) into new variables. */
export function stackNetworks(nets: readonly HeadNetwork[]): StackedNetwork {
  const first = nets[0];
  if (!first) throw new Error('nothing to stack');
  const layers = presentLayers(first).join();
  if (nets.some((n) => presentLayers(n).join() !== layers || monotoneKey(n.spec) !== monotoneKey(first.spec)))
    throw new Error('cannot stack networks of different layers (stack each kind on its own)');
  const vars: StackedNetwork['vars'] = {};
  tf.tidy(() => {
    for (const layer of presentLayers(first)) {
      vars[layer] = (first.vars[layer] as tf.Variable[]).map((v0, i) => {
        const parts = nets.map((n) => {
          const v = n.vars[layer]?.[i];
          if (!v || !tf.util.arraysEqual(v.shape, v0.shape)) throw new Error(`cannot stack layer ${layer}`);
          return tf.reshape(v, rank3(v));
        });
        return tf.variable(tf.concat(parts, 0), true);
      });
    }
  });
  const kinds = nets.map((n) => n.head);
  const mixed = new Set(kinds).size > 1;
  return {
    k: nets.length,
    spec: first.spec,
    vars,
    headMask: mixed
      ? tf.tensor2d(
          kinds.map((h) => (h === 'correctness' ? 1 : 0)),
          [nets.length, 1],
        )
      : null,
    correctness: kinds[0] === 'correctness',
    constraints: stackedConstraints(first.spec, vars),
  };
}

/** What the monotone path constrains, as a key: networks of one stack must agree on it. */
export const monotoneKey = (spec: ArchitectureSpec): string => monotoneColumns(spec).join();

function stackedConstraints(spec: ArchitectureSpec, vars: StackedNetwork['vars']): StackedConstraint[] {
  return monotoneRules(spec).map((rule) => {
    const kernel = vars[rule.layer]?.[0] as tf.Variable;
    const [, inRows, cols] = kernel.shape as [number, number, number];
    const keep = new Float32Array(inRows * cols).fill(1);
    const clip = new Float32Array(inRows * cols);
    for (const row of rule.rows ?? Array.from({ length: inRows }, (_, i) => i))
      (rule.kind === 'zero' ? keep : clip).fill(rule.kind === 'zero' ? 0 : 1, row * cols, (row + 1) * cols);
    return { kernel, keep: tf.tensor3d(keep, [1, inRows, cols]), clip: tf.tensor3d(clip, [1, inRows, cols]) };
  });
}

/** Put every constrained kernel back on its constraint set (after each optimizer step). */
export function projectStacked(stacked: StackedNetwork): void {
  if (stacked.constraints.length === 0) return;
  tf.tidy(() => {
    for (const { kernel, keep, clip } of stacked.constraints)
      kernel.assign(tf.sub(tf.mul(kernel, keep), tf.mul(clip, tf.minimum(kernel, 0))));
  });
}

/** Write model k's slice of every stacked variable back into `nets[k]`. */
export function unstackInto(stacked: StackedNetwork, nets: readonly HeadNetwork[]): void {
  tf.tidy(() => {
    for (const [layer, svars] of Object.entries(stacked.vars) as [LayerName, tf.Variable[]][]) {
      svars.forEach((sv, i) => {
        const shape = nets[0]?.vars[layer]?.[i]?.shape as number[];
        // Multiplied by 1 so that a kernel writes each slice anew in the head's shape: the wasm backend
        // keeps the shape a buffer was first written with (a reshape or slice shares it), and its fused
        // matMul refuses a bias whose buffer says [1, 1, units].
        tf.unstack(tf.reshape(sv, [stacked.k, ...shape])).forEach((slice, k) => {
          (nets[k]?.vars[layer]?.[i] as tf.Variable).assign(tf.mul(slice, 1));
        });
      });
    }
  });
}

export function disposeStacked(stacked: StackedNetwork): void {
  for (const vs of Object.values(stacked.vars)) vs?.forEach((v) => v.dispose());
  stacked.headMask?.dispose();
  for (const c of stacked.constraints) tf.dispose([c.keep, c.clip]);
}

/** Every stacked variable in a stable order (weights and BatchNorm statistics). */
export function stackedVariables(stacked: StackedNetwork): tf.Variable[] {
  return presentLayers(stacked).flatMap((n) => stacked.vars[n] as tf.Variable[]);
}

/** Variables the optimizer may change: trainable weights of non-frozen layers (never BN statistics). */
export function trainableStacked(stacked: StackedNetwork, frozen?: ReadonlySet<LayerName>): tf.Variable[] {
  return presentLayers(stacked)
    .filter((name) => !frozen?.has(name))
    .flatMap((name) => (stacked.vars[name] as tf.Variable[]).slice(0, name.endsWith('_bn') ? 2 : undefined));
}

function layerVars(s: StackedNetwork, name: LayerName): tf.Variable[] {
  const v = s.vars[name];
  if (!v) throw new Error(`layer ${name} missing from the stacked ${s.spec.kind} network`);
  return v;
}

function batchNorm(
  s: StackedNetwork,
  name: LayerName,
  x: tf.Tensor3D,
  train: StackedTrainingMode | null,
): tf.Tensor3D {
  const [gamma, beta, movingMean, movingVar] = layerVars(s, name) as [
    tf.Variable,
    tf.Variable,
    tf.Variable,
    tf.Variable,
  ];
  const normalise = (mean: tf.Tensor, variance: tf.Tensor) =>
    tf.add(
      tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, BN_EPSILON))), gamma),
      beta,
    ) as tf.Tensor3D;
  if (!train || train.frozen?.has(name)) return normalise(movingMean, movingVar);
  // Batch statistics over each model's real rows only (biased variance, as tfjs-layers and Keras).
  const { real, invCount } = train;
  const { mean, variance } = real
    ? ((m: tf.Tensor) => ({
        mean: m,
        variance: tf.mul(tf.sum(tf.mul(tf.squaredDifference(x, m), real), 1, true), invCount),
      }))(tf.mul(tf.sum(tf.mul(x, real), 1, true), invCount))
    : tf.moments(x, 1, true);
  // Moving statistics: moving −= (moving − batch) × (1 − momentum); a model sitting out the step has decay 0.
  movingMean.assign(tf.tidy(() => tf.sub(movingMean, tf.mul(tf.sub(movingMean, mean), train.bnDecay))));
  movingVar.assign(tf.tidy(() => tf.sub(movingVar, tf.mul(tf.sub(movingVar, variance), train.bnDecay))));
  return normalise(mean, variance);
}

function dense(s: StackedNetwork, name: LayerName, x: tf.Tensor3D, relu: boolean): tf.Tensor3D {
  const [kernel, bias] = layerVars(s, name) as [tf.Variable, tf.Variable];
  // Not fused: the wasm backend's fused matMul takes only a rank-1 bias, and ours is [K, 1, units].
  const z = tf.add(tf.matMul(x, kernel), bias) as tf.Tensor3D;
  return relu ? tf.relu(z) : z;
}

/** Raw outputs [K, B] (logit for correctness heads, standardised log time for time heads). */
export function stackedForward(
  s: StackedNetwork,
  b: StackedBatch,
  train: StackedTrainingMode | null,
): tf.Tensor2D {
  const { spec, k } = s;
  const rows = b.history.shape[1];
  const embed = (key: 'user' | 'topic' | 'difficulty', idx: tf.Tensor1D): tf.Tensor3D => {
    const [table] = layerVars(s, `${key}_embedding`) as [tf.Variable];
    const [, v, d] = table.shape as [number, number, number];
    const e = tf.reshape(tf.gather(tf.reshape(table, [k * v, d]), idx), [k, rows, d]) as tf.Tensor3D;
    return spec.embeddingBatchNorm ? batchNorm(s, `${key}_bn`, e, train) : e;
  };
  const dropout = (x: tf.Tensor3D, rate: number) =>
    train && rate > 0 ? (tf.dropout(x, rate, undefined, train.nextSeed()) as tf.Tensor3D) : x;
  const parts: tf.Tensor3D[] = [];
  if (spec.userEmbeddingDim > 0) {
    if (!b.user) throw new Error('this architecture needs user indices');
    parts.push(embed('user', b.user));
  }
  parts.push(embed('topic', b.topic), embed('difficulty', b.difficulty), b.history);
  const concat = tf.concat(parts, 2);
  let x = dense(s, 'dense_1', concat, true);
  x = batchNorm(s, 'trunk_bn', x, train);
  x = dropout(x, spec.dropout1);
  x = dense(s, 'dense_2', x, true);
  x = dropout(x, spec.dropout2);
  let out = dense(s, 'output', x, false);
  // The monotone side path (model/monotone-path.ts), added to the trunk's logit.
  if (spec.monotoneResponse)
    out = tf.add(out, dense(s, 'monotone_output', dense(s, 'monotone_1', concat, true), false));
  return tf.reshape(out, [k, rows]);
}

/** Per-row loss [K, B]: binary cross-entropy from logits for correctness heads, squared error for time heads. */
export function stackedRowLoss(s: StackedNetwork, out: tf.Tensor2D, target: tf.Tensor2D): tf.Tensor2D {
  const bce = () =>
    tf.add(tf.sub(tf.relu(out), tf.mul(out, target)), tf.log1p(tf.exp(tf.neg(tf.abs(out))))) as tf.Tensor2D;
  const se = () => tf.squaredDifference(out, target) as tf.Tensor2D;
  if (!s.headMask) return s.correctness ? bce() : se();
  return tf.add(tf.mul(bce(), s.headMask), tf.mul(se(), tf.sub(1, s.headMask))) as tf.Tensor2D;
}

/** Keras-style regulariser penalty per model [K] (0.01 × Σw² of each user embedding in v2), or null. */
export function stackedRegularization(
  s: StackedNetwork,
  frozen?: ReadonlySet<LayerName>,
): tf.Tensor1D | null {
  if (s.spec.userL2 <= 0 || frozen?.has('user_embedding')) return null;
  const [table] = layerVars(s, 'user_embedding') as [tf.Variable];
  return tf.mul(tf.sum(tf.square(table), [1, 2]), s.spec.userL2) as tf.Tensor1D;
}
