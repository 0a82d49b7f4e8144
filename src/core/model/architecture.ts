/**
 * The design note's networks as tfjs LayersModels with explicit layer names (default names come from
 * global counters, so two builds would differ): v1 (production), v2 (Strategy 2's fixes) and base
 * (no user embedding, Strategy 6). The LayersModel is what gets exported; training and prediction
 * run the same variables through `forward.ts`. Imports tfjs only.
 */
import * as tf from '@tensorflow/tfjs';
import { FEATURE_COUNT } from '../features/history-features';
import { initialiseMonotone, MONOTONE_UNITS } from './monotone-path';

export type ArchitectureKind = 'v1' | 'v2' | 'base';
/** correctness: P(correct) through a sigmoid; time: standardised log(1 + seconds), linear. */
export type HeadKind = 'correctness' | 'time';

export interface ArchitectureSpec {
  kind: ArchitectureKind;
  /** 0 = no user input at all (base). */
  userEmbeddingDim: number;
  /** L2 penalty factor on the user embedding matrix (Keras `L2(0.01)`: 0.01 × Σw²), 0 = none. */
  userL2: number;
  /** BatchNorm after each flattened embedding (the design note's Strategy 2). */
  embeddingBatchNorm: boolean;
  topicEmbeddingDim: number;
  difficultyEmbeddingDim: number;
  dense1Units: number;
  dense2Units: number;
  dropout1: number;
  dropout2: number;
  /**
   * Monotone response (issue 16): P(correct) non-decreasing in the outcome-history features by
   * construction — they leave the trunk and feed a side path with non-negative weights whose output
   * is added to the logit (monotone-path.ts). Correctness heads only; absent = off.
   */
  monotoneResponse?: boolean;
  /** With `monotoneResponse`: the three task counts join the monotone features (more practice never lowers P). */
  monotoneCounts?: boolean;
}

const TRUNK = {
  topicEmbeddingDim: 16,
  difficultyEmbeddingDim: 8,
  dense1Units: 64,
  dense2Units: 32,
  dropout1: 0.3,
  dropout2: 0.2,
};

export const ARCHITECTURES: Record<ArchitectureKind, ArchitectureSpec> = {
  v1: { kind: 'v1', userEmbeddingDim: 32, userL2: 0, embeddingBatchNorm: false, ...TRUNK },
  v2: { kind: 'v2', userEmbeddingDim: 16, userL2: 0.01, embeddingBatchNorm: true, ...TRUNK },
  base: { kind: 'base', userEmbeddingDim: 0, userL2: 0, embeddingBatchNorm: false, ...TRUNK },
};

/**
 * A spec with the monotone response on or off — the entry point for strategies and recipes
 * (`monotoneResponse: off | on`); `counts` also makes the task counts monotone. Off returns the plain
 * spec, so plain models stay exactly as they were.
 */
export function withMonotoneResponse(spec: ArchitectureSpec, on: boolean, counts = false): ArchitectureSpec {
  const { monotoneResponse: _on, monotoneCounts: _counts, ...plain } = spec;
  if (!on) return spec.monotoneResponse || spec.monotoneCounts ? plain : spec;
  return counts
    ? { ...plain, monotoneResponse: true, monotoneCounts: true }
    : { ...plain, monotoneResponse: true };
}

/** BatchNorm constants of tfjs-layers (= Keras defaults); forward.ts mirrors them exactly. */
export const BN_MOMENTUM = 0.99;
export const BN_EPSILON = 1e-3;

/**
 * Weight-bearing layers from input to output, the order `freezeLayers` counts in
 * (user embedding and embedding BatchNorms exist only in some architectures).
 */
export const LAYER_ORDER = [
  'user_embedding',
  'topic_embedding',
  'difficulty_embedding',
  'user_bn',
  'topic_bn',
  'difficulty_bn',
  'dense_1',
  'trunk_bn',
  'dense_2',
  'output',
  // The monotone side path (correctness heads with `monotoneResponse` on), beside the trunk: listed last so
  // that counting layers from the input (per-user `freezeLayers`) means what it meant without it.
  'monotone_1',
  'monotone_output',
] as const;
export type LayerName = (typeof LAYER_ORDER)[number];

/** Vocabulary sizes (including the unknown row 0). */
export interface VocabSizes {
  users: number;
  topics: number;
  difficulties: number;
}

/** One head: the exportable model plus direct access to its variables by layer name. */
export interface HeadNetwork {
  spec: ArchitectureSpec;
  head: HeadKind;
  model: tf.LayersModel;
  /** Each present layer's variables in tfjs-layers order (Dense: kernel, bias; BN: gamma, beta, mean, variance). */
  vars: Partial<Record<LayerName, tf.Variable[]>>;
}

/**
 * Build one head with seeded initialisers (`nextSeed` is called once per initialiser, in a fixed
 * order, so the same seed gives the same weights). `name` names the model, e.g. "weighted-loss.time".
 */
export function buildHead(
  archSpec: ArchitectureSpec,
  head: HeadKind,
  vocab: VocabSizes,
  nextSeed: () => number,
  name: string,
): HeadNetwork {
  const spec = headSpec(archSpec, head);
  const emb = (layerName: LayerName, inputDim: number, outputDim: number, l2 = 0) =>
    tf.layers.embedding({
      name: layerName,
      inputDim,
      outputDim,
      embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed: nextSeed() }),
      embeddingsRegularizer: l2 > 0 ? tf.regularizers.l2({ l2 }) : undefined,
    });
  const dense = (layerName: LayerName, units: number, activation: 'relu' | 'sigmoid' | 'linear') =>
    tf.layers.dense({
      name: layerName,
      units,
      activation,
      kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed() }),
    });
  const bn = (layerName: LayerName) =>
    tf.layers.batchNormalization({ name: layerName, momentum: BN_MOMENTUM, epsilon: BN_EPSILON });

  const inputs: tf.SymbolicTensor[] = [];
  const branches: tf.SymbolicTensor[] = [];
  const embBranch = (key: 'user' | 'topic' | 'difficulty', inputDim: number, dim: number, l2 = 0) => {
    const input = tf.input({ name: `${key}_input`, shape: [1], dtype: 'int32' });
    inputs.push(input);
    let x = tf.layers
      .flatten({ name: `${key}_flatten` })
      .apply(emb(`${key}_embedding`, inputDim, dim, l2).apply(input)) as tf.SymbolicTensor;
    if (spec.embeddingBatchNorm) x = bn(`${key}_bn`).apply(x) as tf.SymbolicTensor;
    branches.push(x);
  };
  if (spec.userEmbeddingDim > 0) embBranch('user', vocab.users, spec.userEmbeddingDim, spec.userL2);
  embBranch('topic', vocab.topics, spec.topicEmbeddingDim);
  embBranch('difficulty', vocab.difficulties, spec.difficultyEmbeddingDim);
  const history = tf.input({ name: 'history_input', shape: [FEATURE_COUNT] });
  inputs.push(history);
  branches.push(history);

  const concat = tf.layers.concatenate({ name: 'concat' }).apply(branches) as tf.SymbolicTensor;
  let x = dense('dense_1', spec.dense1Units, 'relu').apply(concat) as tf.SymbolicTensor;
  x = bn('trunk_bn').apply(x) as tf.SymbolicTensor;
  x = tf.layers.dropout({ name: 'dropout_1', rate: spec.dropout1 }).apply(x) as tf.SymbolicTensor;
  x = dense('dense_2', spec.dense2Units, 'relu').apply(x) as tf.SymbolicTensor;
  x = tf.layers.dropout({ name: 'dropout_2', rate: spec.dropout2 }).apply(x) as tf.SymbolicTensor;
  const sigmoidHere = head === 'correctness' && !spec.monotoneResponse;
  let out = dense('output', 1, sigmoidHere ? 'sigmoid' : 'linear').apply(x) as tf.SymbolicTensor;
  if (spec.monotoneResponse) {
    // Standard Keras layers only (Dense, Add, Activation), so any reader of model.json can run it.
    const side = dense('monotone_1', MONOTONE_UNITS, 'relu').apply(concat) as tf.SymbolicTensor;
    const term = dense('monotone_output', 1, 'linear').apply(side) as tf.SymbolicTensor;
    const logit = tf.layers.add({ name: 'logit' }).apply([out, term]) as tf.SymbolicTensor;
    out = tf.layers
      .activation({ name: 'probability', activation: 'sigmoid' })
      .apply(logit) as tf.SymbolicTensor;
  }

  const net = headFromModel(spec, head, tf.model({ name, inputs, outputs: out }));
  if (spec.monotoneResponse) initialiseMonotone(net);
  return net;
}

/**
 * The spec a head is built with: the monotone path is for P(correct) only — a time head has no
 * direction to keep (more correct answers may mean faster or slower answers), so it stays plain.
 */
export function headSpec(spec: ArchitectureSpec, head: HeadKind): ArchitectureSpec {
  if (head === 'correctness' || !spec.monotoneResponse) return spec;
  const { monotoneCounts: _counts, ...plain } = spec;
  return { ...plain, monotoneResponse: false };
}

/** Wrap a LayersModel of this architecture (built here or loaded from an export) as a HeadNetwork. */
export function headFromModel(
  archSpec: ArchitectureSpec,
  head: HeadKind,
  model: tf.LayersModel,
): HeadNetwork {
  const spec = headSpec(archSpec, head);
  const vars: HeadNetwork['vars'] = {};
  for (const layerName of LAYER_ORDER) {
    const layer = model.layers.find((l) => l.name === layerName);
    if (layer) vars[layerName] = layer.weights.map((w) => w.read() as tf.Variable);
  }
  if (
    !vars.dense_1 ||
    !vars.output ||
    spec.userEmbeddingDim > 0 !== (vars.user_embedding !== undefined) ||
    (spec.monotoneResponse === true) !== (vars.monotone_1 !== undefined && vars.monotone_output !== undefined)
  )
    throw new Error(`model ${model.name} does not have the layers of the ${describeSpec(spec)} architecture`);
  return { spec, head, model, vars };
}

/** "v2", "v2 + monotone response" or "v2 + monotone response (counts too)". */
export function describeSpec(spec: ArchitectureSpec): string {
  if (!spec.monotoneResponse) return spec.kind;
  return `${spec.kind} + monotone response${spec.monotoneCounts ? ' (counts too)' : ''}`;
}

/** Names of the layers present in this network, input to output (what `freezeLayers` counts). */
export function presentLayers(net: Pick<HeadNetwork, 'vars'>): LayerName[] {
  return LAYER_ORDER.filter((n) => net.vars[n] !== undefined);
}

/** Every variable of a head, trainable and BatchNorm statistics alike, in a stable order. */
export function allVariables(net: HeadNetwork): tf.Variable[] {
  return presentLayers(net).flatMap((n) => net.vars[n] as tf.Variable[]);
}
