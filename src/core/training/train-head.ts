/**
 * The custom training loop (tfjs `fit` has no sampleWeight): per-sample weights, regulariser
 * penalty, seeded shuffling and dropout, fixed batch shapes (ragged tail dropped, a new one each
 * epoch), one read-back per epoch, early stopping that restores the best weights, cancellation by
 * AbortSignal, and no leaked tensors. One call = one phase of one head with its own new optimizer.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../random/rng';
import { presentLayers, type HeadNetwork, type LayerName } from '../model/architecture';
import { forward, perSampleLoss, regularizationLoss, type BatchInputs } from '../model/forward';
import { disposeSnapshot, restoreWeights, snapshotWeights, type WeightSnapshot } from '../model/weights';
import type { EncodedRows } from '../features/encoded-rows';
import { FEATURE_COUNT } from '../features/history-features';
import { registerSegmentSumKernels } from './segment-sum-kernels';
import { yieldTask } from './yield-task';
import { phaseBatch } from './batch-rule';

export interface PhaseOptions {
  epochs: number;
  /** Rows per step; a phase with fewer rows uses one step of all of them. */
  batchSize: number;
  learningRate: number;
  /** Scale the batch to about this many steps per epoch (batch-rule.ts); 0 or absent = fixed batch. */
  stepsPerEpoch?: number;
  /** Epochs without a better validation loss before stopping; 0 = never stop early. */
  patience: number;
  /** With early stopping on (patience > 0), put back the weights of the best validation epoch at the end. */
  restoreBestWeights: boolean;
  /** Layers kept fixed: left out of the optimizer and run in inference mode (BatchNorm untouched). */
  frozen?: ReadonlySet<LayerName>;
}

export interface EpochReport {
  epoch: number;
  epochs: number;
  /** Mean weighted training loss of the epoch (regulariser included). */
  loss: number;
  /** Weighted mean validation loss (inference mode), null without validation rows. */
  valLoss: number | null;
}

export interface PhaseResult {
  epochsRun: number;
  /** 1-based epoch whose weights were kept (the last one when not restored). */
  bestEpoch: number;
  losses: number[];
  valLosses: (number | null)[];
}

export interface TrainHeadArgs {
  net: HeadNetwork;
  fit: EncodedRows;
  /** The target per fit / validation row (label, or standardised log time). */
  fitTarget: Float32Array;
  val: EncodedRows | null;
  valTarget: Float32Array | null;
  options: PhaseOptions;
  rng: Rng;
  signal?: AbortSignal;
  onEpoch?: (report: EpochReport) => void;
}

/** Upload rows once: [inputs, target, weight] tensors for the whole phase. */
function upload(net: HeadNetwork, rows: EncodedRows, target: Float32Array) {
  const inputs: BatchInputs = {
    topic: tf.tensor1d(rows.topic, 'int32'),
    difficulty: tf.tensor1d(rows.difficulty, 'int32'),
    history: tf.tensor2d(rows.history, [rows.n, FEATURE_COUNT]),
  };
  if (net.spec.userEmbeddingDim > 0) inputs.user = tf.tensor1d(rows.user, 'int32');
  return { inputs, y: tf.tensor1d(target), w: tf.tensor1d(rows.weight) };
}

type Uploaded = ReturnType<typeof upload>;
const tensorsOf = (u: Uploaded): tf.Tensor[] => [...Object.values(u.inputs), u.y, u.w] as tf.Tensor[];

/** Apply `f` to every tensor of an upload (gather / slice), keeping the structure. */
function mapUpload(u: Uploaded, f: (t: tf.Tensor) => tf.Tensor): Uploaded {
  const inputs: BatchInputs = {
    topic: f(u.inputs.topic) as tf.Tensor1D,
    difficulty: f(u.inputs.difficulty) as tf.Tensor1D,
    history: f(u.inputs.history) as tf.Tensor2D,
  };
  if (u.inputs.user) inputs.user = f(u.inputs.user) as tf.Tensor1D;
  return { inputs, y: f(u.y) as tf.Tensor1D, w: f(u.w) as tf.Tensor1D };
}

/** Variables the optimizer may change: trainable weights of non-frozen layers (never BN statistics). */
function trainableVars(net: HeadNetwork, frozen?: ReadonlySet<LayerName>): tf.Variable[] {
  return presentLayers(net)
    .filter((name) => !frozen?.has(name))
    .flatMap((name) => (net.vars[name] as tf.Variable[]).slice(0, name.endsWith('_bn') ? 2 : undefined));
}

/** Train one head for one phase. Throws the signal's reason when aborted (after cleaning up). */
export async function trainHead(args: TrainHeadArgs): Promise<PhaseResult> {
  const { net, fit, options, rng, signal } = args;
  registerSegmentSumKernels();
  const frozen = options.frozen;
  const varList = trainableVars(net, frozen);
  const { batch, steps, learningRate } = phaseBatch(fit.n, options);
  const useVal = args.val !== null && args.val.n > 0 && args.valTarget !== null;
  const nextSeed = () => rng.int32();
  const restore = options.restoreBestWeights && options.patience > 0 && useVal;
  const result: PhaseResult = { epochsRun: 0, bestEpoch: 0, losses: [], valLosses: [] };
  if (fit.n === 0 || options.epochs <= 0 || varList.length === 0) return result;

  const optimizer = tf.train.adam(learningRate);
  const data = upload(net, fit, args.fitTarget);
  const val = useVal ? upload(net, args.val as EncodedRows, args.valTarget as Float32Array) : null;
  let best: WeightSnapshot | undefined;
  let bestLoss = Infinity;
  let wait = 0;
  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      signal?.throwIfAborted();
      const order = rng.shuffle(Array.from({ length: fit.n }, (_, i) => i)).slice(0, steps * batch);
      const perm = tf.tensor1d(order, 'int32');
      const shuffled = mapUpload(data, (t) => tf.gather(t, perm));
      perm.dispose();
      let lossSum: tf.Tensor = tf.scalar(0);
      let loss: number;
      let valLoss: number | null;
      try {
        for (let s = 0; s < steps && !signal?.aborted; s++) {
          const next = tf.tidy(() => {
            const b = mapUpload(shuffled, (t) => tf.slice(t, s * batch, batch));
            const cost = optimizer.minimize(
              () => {
                const out = forward(net, b.inputs, { training: true, frozen, nextSeed });
                // Keras' SUM_OVER_BATCH_SIZE: mean of weight × loss over the fixed batch.
                const loss = tf.div(tf.sum(tf.mul(perSampleLoss(net, out, b.y), b.w)), batch) as tf.Scalar;
                const reg = regularizationLoss(net, frozen);
                return reg ? tf.add(loss, reg) : loss;
              },
              true,
              varList,
            ) as tf.Scalar;
            return tf.add(lossSum, cost);
          });
          lossSum.dispose();
          lossSum = next;
        }
        signal?.throwIfAborted();
        [loss, valLoss] = await readEpoch(net, lossSum, steps, val);
      } finally {
        tensorsOf(shuffled).forEach((t) => t.dispose());
        lossSum.dispose();
      }
      result.epochsRun = epoch;
      result.losses.push(loss);
      result.valLosses.push(valLoss);
      args.onEpoch?.({ epoch, epochs: options.epochs, loss, valLoss });
      if (!Number.isFinite(loss)) break; // diverged: keep the best weights seen so far
      if (valLoss !== null && valLoss < bestLoss) {
        bestLoss = valLoss;
        result.bestEpoch = epoch;
        wait = 0;
        if (restore) {
          disposeSnapshot(best);
          best = snapshotWeights(net);
        }
      } else if (valLoss !== null && options.patience > 0 && ++wait >= options.patience) break;
      await yieldTask(); // let a worker see a cancel message between epochs
    }
    if (!restore) result.bestEpoch = result.epochsRun;
    else if (best && result.bestEpoch !== result.epochsRun) restoreWeights(net, best);
    return result;
  } finally {
    disposeSnapshot(best);
    optimizer.dispose();
    tensorsOf(data).forEach((t) => t.dispose());
    if (val) tensorsOf(val).forEach((t) => t.dispose());
  }
}

/** One read-back per epoch: mean training loss and weighted validation loss together. */
async function readEpoch(
  net: HeadNetwork,
  lossSum: tf.Tensor,
  steps: number,
  val: Uploaded | null,
): Promise<[number, number | null]> {
  const packed = tf.tidy(() => {
    const trainMean = tf.div(lossSum, Math.max(1, steps));
    if (!val) return tf.stack([trainMean]);
    const out = forward(net, val.inputs, { training: false });
    const valLoss = tf.div(tf.sum(tf.mul(perSampleLoss(net, out, val.y), val.w)), tf.sum(val.w));
    return tf.stack([trainMean, valLoss]);
  });
  const values = await packed.data();
  packed.dispose();
  return [values[0] as number, val ? (values[1] as number) : null];
}
