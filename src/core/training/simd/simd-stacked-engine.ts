/**
 * The fused training engine (the default on the wasm and cpu backends): every model's weights, gradients
 * and Adam moments in one wasm memory, each step one forward/backward per model taking it
 * (simd-network.ts) and Adam in SIMD — no tfjs op per step, so none of its per-op bookkeeping.
 * Weights are read from the head networks once per phase and written back once at its end.
 */
import * as tf from '@tensorflow/tfjs';
import {
  packRows,
  validationWidth,
  type BatchSource,
  type HostBatch,
  type TableSizes,
} from '../loop/stacked-batch';
import type { EngineSetup, StackedEngine } from '../loop/stacked-engine';
import { instantiateKernels, simdKernelsAvailable, type SimdKernels } from './simd-kernels';
import { layoutOf, readVariables, type ModelLayout } from './simd-layout';
import { FEATURE_COUNT } from '../../features/history-features';
import { PACKED_STRIDE, PACKED_TARGET } from '../loop/packed-rows';
import { Arena, type SimdRows, type StagedAt } from './simd-buffers';
import { SimdNetwork } from './simd-network';
import { stageValidationRows } from './staged-validation';

export { simdKernelsAvailable };

const BETA1 = 0.9;
const BETA2 = 0.999;
/** Rows per validation chunk at least (the step buffers serve validation too). */
const MIN_CHUNK = 256;
/** Each model indexes its own tables: no stacking offsets. */
const OWN_TABLES: TableSizes = { user: 0, topic: 0, difficulty: 0 };

/** A fused engine for the models of `setup`, or null when none of their variables is trainable. */
export function createSimdEngine(setup: EngineSetup): StackedEngine | null {
  const first = setup.models[0];
  if (!first) return null;
  const layout = layoutOf(first.net, setup.frozen);
  if (layout.trainable === 0) return null;
  return new SimdStackedEngine(setup, layout);
}

/** Rows of model m in a host batch (`at`: the batch is the engine's staged one, in its memory). */
function rowsOf(hb: HostBatch, m: number, at?: StagedAt): SimdRows {
  // Spelled out: a spread of the whole host batch per model and step showed in profiles.
  const { user, topic, difficulty, history, target, coef } = hb;
  const rows = { user, topic, difficulty, history, target, coef, start: m * hb.b, n: hb.count[m] as number };
  return at ? { ...rows, at } : rows;
}

/** Float offsets of each model's packed fit rows and of its epoch order (int32), in an arena. */
interface FitAt {
  packed: number;
  order: number;
  n: number;
}

/** Float offsets of a staged host batch of k models × b rows in an arena. */
type StageLayout = StagedAt & { target: number; coef: number; real: number; count: number };

function layoutStage(arena: Arena, k: number, b: number): StageLayout {
  const rows = k * b;
  return {
    user: arena.take(rows),
    topic: arena.take(rows),
    difficulty: arena.take(rows),
    history: arena.take(rows * FEATURE_COUNT),
    target: arena.take(rows),
    coef: arena.take(rows),
    real: arena.take(rows),
    count: arena.take(k),
  };
}

/** The host batch whose arrays are views of the wasm memory at `at`. */
function stagedBatch(f: Float32Array, at: StageLayout, k: number, b: number): HostBatch {
  const ints = new Int32Array(f.buffer);
  const rows = k * b;
  return {
    k,
    b,
    user: ints.subarray(at.user, at.user + rows),
    topic: ints.subarray(at.topic, at.topic + rows),
    difficulty: ints.subarray(at.difficulty, at.difficulty + rows),
    history: f.subarray(at.history, at.history + rows * FEATURE_COUNT),
    target: f.subarray(at.target, at.target + rows),
    coef: f.subarray(at.coef, at.coef + rows),
    real: f.subarray(at.real, at.real + rows),
    count: ints.subarray(at.count, at.count + k),
  };
}

class SimdStackedEngine implements StackedEngine {
  readonly tableSizes = OWN_TABLES;
  private readonly k: number;
  private readonly kernels: SimdKernels;
  private readonly network: SimdNetwork;
  private readonly params: number;
  private readonly grad: number;
  private readonly moment1: number;
  private readonly moment2: number;
  private readonly best: number;
  private readonly steps: number[];
  private readonly lossSum: Float64Array;
  private readonly val: HostBatch | null;
  /** The host batch stageStep refills every step, in this engine's memory, and where its arrays are. */
  private readonly stage: HostBatch;
  private readonly stageAt: StageLayout;
  private readonly valAt: StagedAt | null;
  private readonly fitAt: FitAt[];
  /** The memory as int32 (the staged indices and epoch orders). */
  private readonly ints: Int32Array;
  private readonly correctness: boolean[];
  private readonly epsilon = tf.backend().epsilon();

  constructor(
    private readonly setup: EngineSetup,
    private readonly layout: ModelLayout,
  ) {
    const { models } = setup;
    const k = models.length;
    this.k = k;
    this.steps = models.map(() => 0);
    this.lossSum = new Float64Array(k);
    this.correctness = models.map((m) => m.net.head === 'correctness');
    const sources: (BatchSource | null)[] = models.map((m) =>
      m.val && m.val.n > 0 && m.valTarget ? { rows: m.val, target: m.valTarget } : null,
    );
    const valWidth = sources.some(Boolean) ? validationWidth(sources) : 0;
    const arena = new Arena();
    this.params = arena.take(k * layout.size);
    this.best = arena.take(k * layout.size);
    this.moment1 = arena.take(k * layout.trainable);
    this.moment2 = arena.take(k * layout.trainable);
    this.grad = arena.take(layout.trainable);
    const stageAt = layoutStage(arena, k, setup.width);
    const fitAt = models.map(({ fit }) => ({
      packed: arena.take(fit.rows.n * PACKED_STRIDE),
      order: arena.take(fit.rows.n),
      n: fit.rows.n,
    }));
    // The validation rows too, gathered in once: every epoch's validation pass reads them with kernels.
    const valAt = valWidth > 0 ? layoutStage(arena, k, valWidth) : null;
    const chunk = Math.max(setup.width, Math.min(MIN_CHUNK, valWidth));
    this.network = new SimdNetwork(
      (models[0] as EngineSetup['models'][number]).net.spec,
      layout,
      arena,
      chunk,
    );
    this.kernels = instantiateKernels(arena.total);
    this.network.attach(this.kernels);
    this.stageAt = stageAt;
    this.stage = stagedBatch(this.kernels.f32, stageAt, k, setup.width);
    this.fitAt = fitAt;
    this.ints = new Int32Array(this.kernels.f32.buffer);
    // A phase's two heads learn from the same rows: the second copies the first's pack, then its targets.
    const packedFirst = new Map<BatchSource['rows'], number>();
    models.forEach(({ fit }, m) => {
      const { packed, n } = fitAt[m] as FitAt;
      const f = this.kernels.f32;
      const twin = packedFirst.get(fit.rows);
      if (twin === undefined) {
        packedFirst.set(fit.rows, m);
        const span = [packed, packed + n * PACKED_STRIDE] as const;
        packRows(fit, { n, floats: f.subarray(...span), ints: this.ints.subarray(...span) });
        return;
      }
      const from = (fitAt[twin] as FitAt).packed;
      f.copyWithin(packed, from, from + n * PACKED_STRIDE);
      for (let r = 0; r < n; r++) f[packed + r * PACKED_STRIDE + PACKED_TARGET] = fit.target[r] as number;
    });
    this.valAt = valAt;
    this.val = valAt
      ? stageValidationRows(sources, stagedBatch(this.kernels.f32, valAt, k, valWidth))
      : null;
    models.forEach((m, i) => readVariables(this.kernels.f32, m.net, layout, this.params + i * layout.size));
  }

  epochOrders(orders: readonly (readonly number[] | null)[]): void {
    orders.forEach((order, m) => {
      if (order) this.ints.set(order, (this.fitAt[m] as FitAt).order);
    });
  }

  stageStep(step: number, batches: readonly number[], active: readonly boolean[]): HostBatch {
    const { k, stage, stageAt: at } = this;
    const b = stage.b;
    for (let m = 0; m < k; m++) {
      const batch = batches[m] as number;
      const n = active[m] ? Math.min(batch, b) : 0;
      const row = m * b;
      this.kernels.stageRows(
        4 * (this.fitAt[m] as FitAt).packed,
        4 * ((this.fitAt[m] as FitAt).order + step * batch),
        n,
        b,
        FEATURE_COUNT,
        4 * (at.history + row * FEATURE_COUNT),
        4 * (at.user + row),
        4 * (at.topic + row),
        4 * (at.difficulty + row),
        4 * (at.target + row),
        4 * (at.coef + row),
        4 * (at.real + row),
        batch,
      );
      stage.count[m] = n;
    }
    return stage;
  }

  step(hb: HostBatch, active: readonly boolean[], bnDecay: readonly number[], nextSeed: () => number): void {
    const { kernels, layout, network, grad } = this;
    const f = kernels.f32;
    // The staged batch lives in this memory: the step copies and gathers its rows with kernels.
    const at = hb === this.stage ? this.stageAt : undefined;
    for (let m = 0; m < this.k; m++) {
      if (!active[m]) continue;
      f.fill(0, grad, grad + layout.trainable);
      const base = this.params + m * layout.size;
      this.lossSum[m] =
        (this.lossSum[m] as number) +
        network.trainStep(
          base,
          grad,
          rowsOf(hb, m, at),
          this.correctness[m] as boolean,
          bnDecay[m] as number,
          nextSeed(),
        );
      const t = ++(this.steps[m] as number);
      kernels.adam(
        4 * base,
        4 * grad,
        4 * (this.moment1 + m * layout.trainable),
        4 * (this.moment2 + m * layout.trainable),
        layout.trainable,
        1 - BETA1,
        1 - BETA2,
        (this.setup.learningRates[m] as number) / (1 - BETA1 ** t),
        1 - BETA2 ** t,
        this.epsilon,
      );
      // The monotone path's constraints, as a Keras kernel constraint does after each step.
      network.project(base);
    }
  }

  async endEpoch(): Promise<Float32Array> {
    const { k, val } = this;
    const out = new Float32Array(2 * k);
    for (let m = 0; m < k; m++) {
      out[m] = this.lossSum[m] as number;
      if (val && (val.count[m] as number) > 0)
        out[k + m] = this.network.inferLoss(
          this.params + m * this.layout.size,
          rowsOf(val, m, this.valAt ?? undefined),
          this.correctness[m] as boolean,
        );
    }
    this.lossSum.fill(0);
    return out;
  }

  private copyModels(from: number, to: number, flags: readonly boolean[]): void {
    const { size } = this.layout;
    flags.forEach((flag, m) => {
      if (flag) this.kernels.f32.copyWithin(to + m * size, from + m * size, from + (m + 1) * size);
    });
  }

  keepBest(improved: readonly boolean[]): void {
    this.copyModels(this.params, this.best, improved);
  }

  putBack(flags: readonly boolean[]): void {
    this.copyModels(this.best, this.params, flags);
  }

  writeBack(): void {
    const f = this.kernels.f32;
    this.setup.models.forEach((m, i) => {
      for (const slot of this.layout.slots) {
        const at = this.params + i * this.layout.size + slot.at;
        const v = m.net.vars[slot.layer]?.[slot.index] as tf.Variable;
        tf.tidy(() => v.assign(tf.tensor(f.slice(at, at + slot.size), slot.shape)));
      }
    });
  }

  dispose(): void {
    // The memory goes with the instance; nothing is held by tfjs.
  }
}
