/**
 * The stacked step as tfjs ops on the active backend (the engine on WebGL, and wherever wasm SIMD is
 * missing): K models' variables stacked on a leading axis, one forward/backward through tfjs autograd
 * and one masked Adam update per step, the epoch's losses summed on the device and read back once per
 * epoch.
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerName } from '../../model/architecture';
import { MaskedAdam } from './masked-adam';
import { keepBest, putBack } from './stacked-best-weights';
import {
  disposeBatch,
  uploadBatch,
  uploadValidation,
  type HostBatch,
  type StackedBatchWithCoef,
  type TableSizes,
} from '../loop/stacked-batch';
import type { EngineSetup, StackedEngine } from '../loop/stacked-engine';
import {
  disposeStacked,
  projectStacked,
  stackNetworks,
  stackedForward,
  stackedRegularization,
  stackedRowLoss,
  trainableStacked,
  unstackInto,
  type StackedNetwork,
} from '../loop/stacked-network';
import { registerSegmentSumKernels } from '../../backend/kernels/segment-sum-kernels';
import { registerWasmGather } from '../../backend/kernels/wasm-gather-kernel';
import { registerWasmMatMul } from '../../backend/kernels/wasm-matmul-kernel';

const tableSize = (s: StackedNetwork, layer: LayerName) => (s.vars[layer]?.[0]?.shape[1] as number) ?? 0;

/** A tfjs engine for the models of `setup`, or null when none of their variables is trainable. */
export function createTfjsEngine(setup: EngineSetup): StackedEngine | null {
  registerSegmentSumKernels();
  registerWasmMatMul();
  registerWasmGather();
  const stacked = stackNetworks(setup.models.map((m) => m.net));
  const varList = trainableStacked(stacked, setup.frozen);
  if (varList.length === 0) {
    disposeStacked(stacked);
    return null;
  }
  return new TfjsStackedEngine(stacked, varList, setup);
}

class TfjsStackedEngine implements StackedEngine {
  readonly tableSizes: TableSizes;
  private readonly k: number;
  private readonly withUser: boolean;
  private readonly adam: MaskedAdam;
  private readonly val: StackedBatchWithCoef | null;
  private lossSum: tf.Tensor1D;
  private best: tf.Tensor[] | null = null;

  constructor(
    private readonly stacked: StackedNetwork,
    private readonly varList: tf.Variable[],
    private readonly setup: EngineSetup,
  ) {
    this.k = setup.models.length;
    this.tableSizes = {
      user: tableSize(stacked, 'user_embedding'),
      topic: tableSize(stacked, 'topic_embedding'),
      difficulty: tableSize(stacked, 'difficulty_embedding'),
    };
    this.withUser = stacked.spec.userEmbeddingDim > 0;
    this.adam = new MaskedAdam(varList, setup.learningRates);
    const hasVal = setup.models.some((m) => m.val !== null && m.val.n > 0 && m.valTarget !== null);
    this.val = hasVal
      ? uploadValidation(
          setup.models.map((m) =>
            m.val && m.val.n > 0 && m.valTarget ? { rows: m.val, target: m.valTarget } : null,
          ),
          this.tableSizes,
          this.withUser,
        )
      : null;
    this.lossSum = tf.zeros([this.k]);
  }

  step(hb: HostBatch, active: readonly boolean[], bnDecay: readonly number[], nextSeed: () => number): void {
    const { k, stacked, varList } = this;
    const width = hb.b;
    const frozen = this.setup.frozen;
    const batch = uploadBatch(hb, this.withUser);
    const mode = {
      // Masked statistics only when a model taking the step has padding rows (its batch is smaller).
      real: active.some((a, m) => a && (hb.count[m] as number) < width)
        ? tf.tensor3d(hb.real, [k, width, 1])
        : null,
      invCount: tf.tensor3d(
        Array.from(hb.count, (c) => 1 / Math.max(1, c)),
        [k, 1, 1],
      ),
      bnDecay: tf.tensor3d(bnDecay as number[], [k, 1, 1]),
      ...(frozen ? { frozen } : {}),
      nextSeed,
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
        this.adam.apply(
          varList.map((v) => grads[v.name] as tf.Tensor),
          active,
        );
        // The monotone path's constraints, as a Keras kernel constraint does after each step.
        projectStacked(stacked);
        const sum = tf.add(this.lossSum, tf.mul(perModel as tf.Tensor1D, taken)) as tf.Tensor1D;
        perModel?.dispose();
        return sum;
      });
      this.lossSum.dispose();
      this.lossSum = next;
    } finally {
      disposeBatch(batch);
      for (const t of [mode.real, mode.invCount, mode.bnDecay, taken]) t?.dispose();
    }
  }

  /** One read-back per epoch. */
  async endEpoch(): Promise<Float32Array> {
    const { stacked, val, lossSum } = this;
    const packed = tf.tidy(() => {
      if (!val) return tf.concat([lossSum, tf.zerosLike(lossSum)]);
      const out = stackedForward(stacked, val, null);
      const valLoss = tf.sum(tf.mul(stackedRowLoss(stacked, out, val.target), val.coef), 1);
      return tf.concat([lossSum, valLoss]);
    });
    try {
      return (await packed.data()) as Float32Array;
    } finally {
      packed.dispose();
      this.lossSum.dispose();
      this.lossSum = tf.zeros([this.k]);
    }
  }

  keepBest(improved: readonly boolean[]): void {
    this.best = keepBest(this.stacked, this.best, improved);
  }

  putBack(flags: readonly boolean[]): void {
    if (this.best) putBack(this.stacked, this.best, flags);
  }

  writeBack(): void {
    unstackInto(
      this.stacked,
      this.setup.models.map((m) => m.net),
    );
  }

  dispose(): void {
    this.best?.forEach((t) => t.dispose());
    this.adam.dispose();
    if (this.val) disposeBatch(this.val);
    this.lossSum.dispose();
    disposeStacked(this.stacked);
  }
}
