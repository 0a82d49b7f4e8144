/**
 * The custom training loop (tfjs `fit` has no sampleWeight) for K heads of one architecture at
 * once — a model's two heads, or many users' fine-tunes: each model keeps its own rows, batch,
 * learning rate, shuffles, early stopping and best weights, while every step is one stacked
 * forward/backward and one Adam update for all of them. One read-back per epoch; cancellation
 * by AbortSignal; no leaked tensors. One call = one phase with new optimizer state.
 */
import * as tf from '@tensorflow/tfjs';
import type { EncodedRows } from '../features/encoded-rows';
import type { HeadNetwork, LayerName } from '../model/architecture';
import type { Rng } from '../random/rng';
import { phaseBatch, type PhaseBatch } from './batch-rule';
import { MaskedAdam } from './masked-adam';
import { keepBest, putBack } from './stacked-best-weights';
import {
  disposeBatch,
  hostBatch,
  uploadBatch,
  uploadValidation,
  type BatchSource,
  type StackedBatchWithCoef,
  type TableSizes,
} from './stacked-batch';
import {
  disposeStacked,
  stackNetworks,
  stackedForward,
  stackedRegularization,
  stackedRowLoss,
  trainableStacked,
  unstackInto,
  type StackedNetwork,
} from './stacked-network';
import { registerSegmentSumKernels } from './segment-sum-kernels';
import { registerWasmGather } from './wasm-gather-kernel';
import { registerWasmMatMul } from './wasm-matmul-kernel';
import { yieldTask } from './yield-task';

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

/** One model of a stacked phase: its head, rows and targets. */
export interface StackedModel {
  net: HeadNetwork;
  fit: EncodedRows;
  /** The target per fit / validation row (label, or standardised log time). */
  fitTarget: Float32Array;
  val: EncodedRows | null;
  valTarget: Float32Array | null;
  onEpoch?: (report: EpochReport) => void;
}

export interface TrainStackedArgs {
  models: readonly StackedModel[];
  options: PhaseOptions;
  rng: Rng;
  signal?: AbortSignal;
}

/** Per-model bookkeeping of one phase. */
interface ModelState extends PhaseResult {
  plan: PhaseBatch;
  stopped: boolean;
  bestLoss: number;
  wait: number;
  hasVal: boolean;
}

const tableSize = (s: StackedNetwork, layer: LayerName) => (s.vars[layer]?.[0]?.shape[1] as number) ?? 0;

/** Train K heads of one architecture together. Throws the signal's reason when aborted (after cleaning up). */
export async function trainStacked(args: TrainStackedArgs): Promise<PhaseResult[]> {
  const { options, rng, signal } = args;
  registerSegmentSumKernels();
  registerWasmMatMul();
  registerWasmGather();
  const results: PhaseResult[] = args.models.map(() => ({
    epochsRun: 0,
    bestEpoch: 0,
    losses: [],
    valLosses: [],
  }));
  const live = args.models.map((_, i) => i).filter((i) => (args.models[i] as StackedModel).fit.n > 0);
  const models = live.map((i) => args.models[i] as StackedModel);
  if (models.length === 0 || options.epochs <= 0) return results;

  const frozen = options.frozen;
  const stacked = stackNetworks(models.map((m) => m.net));
  const varList = trainableStacked(stacked, frozen);
  if (varList.length === 0) {
    disposeStacked(stacked);
    return results;
  }
  const k = models.length;
  const states: ModelState[] = models.map((m) => ({
    epochsRun: 0,
    bestEpoch: 0,
    losses: [],
    valLosses: [],
    plan: phaseBatch(m.fit.n, options),
    stopped: false,
    bestLoss: Infinity,
    wait: 0,
    hasVal: m.val !== null && m.val.n > 0 && m.valTarget !== null,
  }));
  const restore = options.restoreBestWeights && options.patience > 0;
  const width = Math.max(...states.map((s) => s.plan.batch));
  const sizes: TableSizes = {
    user: tableSize(stacked, 'user_embedding'),
    topic: tableSize(stacked, 'topic_embedding'),
    difficulty: tableSize(stacked, 'difficulty_embedding'),
  };
  const withUser = stacked.spec.userEmbeddingDim > 0;
  const fitSources: BatchSource[] = models.map((m) => ({ rows: m.fit, target: m.fitTarget }));
  const adam = new MaskedAdam(
    varList,
    states.map((s) => s.plan.learningRate),
  );
  const val = states.some((s) => s.hasVal)
    ? uploadValidation(
        models.map((m, i) =>
          (states[i] as ModelState).hasVal
            ? { rows: m.val as EncodedRows, target: m.valTarget as Float32Array }
            : null,
        ),
        sizes,
        withUser,
      )
    : null;
  let best: tf.Tensor[] | null = null;
  try {
    const epochs = Math.max(...states.map((s) => s.plan.epochs));
    for (let epoch = 1; epoch <= epochs; epoch++) {
      signal?.throwIfAborted();
      // A model whose own (scaled) epoch count is reached sits out the rest.
      for (const s of states) if (epoch > s.plan.epochs) s.stopped = true;
      if (states.every((s) => s.stopped)) break;
      const orders = states.map((s, m) =>
        s.stopped
          ? null
          : rng
              .shuffle(Array.from({ length: (models[m] as StackedModel).fit.n }, (_, i) => i))
              .slice(0, s.plan.steps * s.plan.batch),
      );
      const steps = Math.max(...states.map((s) => (s.stopped ? 0 : s.plan.steps)));
      let lossSum: tf.Tensor1D = tf.zeros([k]);
      let losses: Float32Array;
      try {
        for (let step = 0; step < steps && !signal?.aborted; step++) {
          const active = states.map((s) => !s.stopped && step < s.plan.steps);
          const picks = orders.map((o, m) => {
            const b = states[m]?.plan.batch as number;
            return o && active[m] ? o.slice(step * b, (step + 1) * b) : null;
          });
          const hb = hostBatch(fitSources, picks, width, sizes, (m) => states[m]?.plan.batch as number);
          const batch = uploadBatch(hb, withUser);
          const mode = {
            // Masked statistics only when a model taking the step has padding rows (its batch is smaller).
            real: active.some((a, m) => a && (hb.count[m] as number) < width)
              ? tf.tensor3d(hb.real, [k, width, 1])
              : null,
            invCount: tf.tensor3d(
              Array.from(hb.count, (c) => 1 / Math.max(1, c)),
              [k, 1, 1],
            ),
            bnDecay: tf.tensor3d(
              active.map((a, m) => (a ? 1 - (states[m] as ModelState).plan.bnMomentum : 0)),
              [k, 1, 1],
            ),
            frozen,
            nextSeed: () => rng.int32(),
          };
          const taken = tf.tensor1d(active.map((a) => (a ? 1 : 0)));
          try {
            const next = tf.tidy(() => {
              let perModel: tf.Tensor1D | undefined;
              const { grads } = tf.variableGrads(() => {
                const out = stackedForward(stacked, batch, mode);
                const data = tf.sum(tf.mul(stackedRowLoss(stacked, out, batch.target), batch.coef), 1);
                const reg = stackedRegularization(stacked, frozen);
                perModel = tf.keep(reg ? tf.add(data, reg) : data) as tf.Tensor1D;
                return tf.sum(perModel) as tf.Scalar;
              }, varList);
              adam.apply(
                varList.map((v) => grads[v.name] as tf.Tensor),
                active,
              );
              const sum = tf.add(lossSum, tf.mul(perModel as tf.Tensor1D, taken)) as tf.Tensor1D;
              perModel?.dispose();
              return sum;
            });
            lossSum.dispose();
            lossSum = next;
          } finally {
            disposeBatch(batch);
            for (const t of [mode.real, mode.invCount, mode.bnDecay, taken]) t?.dispose();
          }
        }
        signal?.throwIfAborted();
        losses = await readEpoch(stacked, lossSum, val);
      } finally {
        lossSum.dispose();
      }
      const improved = new Array<boolean>(k).fill(false);
      states.forEach((s, m) => {
        if (s.stopped) return;
        const loss = (losses[m] as number) / Math.max(1, s.plan.steps);
        const valLoss = s.hasVal ? (losses[k + m] as number) : null;
        s.epochsRun = epoch;
        s.losses.push(loss);
        s.valLosses.push(valLoss);
        models[m]?.onEpoch?.({ epoch, epochs: s.plan.epochs, loss, valLoss });
        if (!Number.isFinite(loss))
          s.stopped = true; // diverged: keep the best weights seen so far
        else if (valLoss !== null && valLoss < s.bestLoss) {
          s.bestLoss = valLoss;
          s.bestEpoch = epoch;
          s.wait = 0;
          improved[m] = true;
        } else if (valLoss !== null && options.patience > 0 && ++s.wait >= options.patience) s.stopped = true;
      });
      if (restore && improved.some(Boolean)) best = keepBest(stacked, best, improved);
      if (states.every((s) => s.stopped)) break;
      await yieldTask(); // let a worker see a cancel message between epochs
    }
    const restored = states.map((s) => restore && s.hasVal && s.bestEpoch > 0 && s.bestEpoch !== s.epochsRun);
    if (best && restored.some(Boolean)) putBack(stacked, best, restored);
    unstackInto(
      stacked,
      models.map((m) => m.net),
    );
    states.forEach((s, m) => {
      const restoredHere = restore && s.hasVal;
      results[live[m] as number] = {
        epochsRun: s.epochsRun,
        bestEpoch: restoredHere ? s.bestEpoch : s.epochsRun,
        losses: s.losses,
        valLosses: s.valLosses,
      };
    });
    return results;
  } finally {
    best?.forEach((t) => t.dispose());
    adam.dispose();
    if (val) disposeBatch(val);
    disposeStacked(stacked);
  }
}

/** One read-back per epoch: [K summed training losses, K validation losses]. */
async function readEpoch(
  stacked: StackedNetwork,
  lossSum: tf.Tensor1D,
  val: StackedBatchWithCoef | null,
): Promise<Float32Array> {
  const packed = tf.tidy(() => {
    if (!val) return tf.concat([lossSum, tf.zerosLike(lossSum)]);
    const out = stackedForward(stacked, val, null);
    const valLoss = tf.sum(tf.mul(stackedRowLoss(stacked, out, val.target), val.coef), 1);
    return tf.concat([lossSum, valLoss]);
  });
  const values = (await packed.data()) as Float32Array;
  packed.dispose();
  return values;
}
