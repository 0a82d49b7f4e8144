/**
 * One model's training step and validation loss in the fused engine: forward (embeddings, their
 * BatchNorms, dense 64 + ReLU + BatchNorm + dropout, dense 32 + ReLU + dropout, output, plus the
 * monotone side path when on: simd-monotone-path.ts), the loss of its head, and the backward pass into
 * a gradient block laid out like the weights — the three passes over rows in wasm SIMD, embedding lookups, the loss and per-column arithmetic in JS. Same
 * maths as stacked-network.ts; only real rows are computed. Framework-free.
 */
import { FEATURE_COUNT } from '../../features/history-features';
import type { ArchitectureSpec, LayerName } from '../../model/architecture';
import { mulberry32 } from '../../random/mulberry32';
import {
  batchNormBackward,
  batchNormForward,
  type BnScratch,
  type BnSlots,
  type BnTrace,
} from './simd-batch-norm';
import { countInferMacs, countTrainMacs } from './arithmetic';
import type { SimdKernels } from './simd-kernels';
import { allocateBuffers, type Arena, type SimdRows, type StepBuffers } from './simd-buffers';
import { headLoss } from './simd-head-loss';
import { slotOf, trainsBelow, type ModelLayout } from './simd-layout';
import { dropout, dropoutScale, dropoutSeeds } from './simd-dropout';
import {
  addL2,
  copyHistory,
  embeddingColumns,
  embeddingsOf,
  gatherEmbedding,
  scatterEmbeddingGrad,
  type Embedding,
} from './simd-embeddings';
import { macsPerRow } from './simd-macs';
import { monotoneUnits, SimdMonotonePath, type PathHost } from './simd-monotone-path';

export class SimdNetwork implements PathHost {
  private readonly width: number;
  private readonly h1: number;
  private readonly h2: number;
  /** The monotone side path, null without it. */
  private readonly monotone: SimdMonotonePath | null;
  private readonly embeddings: Embedding[];
  /** Float offsets of the activation buffers (rows × columns each) and constants. */
  private readonly buf: StepBuffers;
  private readonly scratch: BnScratch;
  /** Float offset of each variable inside a model block, by layer and variable index. */
  private readonly offsets: Partial<Record<LayerName, number[]>> = {};
  private k: SimdKernels | null = null;
  /** Multiply-adds of the dense products per row: a training step, and an inference pass. */
  private readonly trainMacsPerRow: number;
  private readonly inferMacsPerRow: number;

  constructor(
    private readonly spec: ArchitectureSpec,
    private readonly layout: ModelLayout,
    arena: Arena,
    /** Most rows one call takes. */
    readonly maxRows: number,
  ) {
    this.embeddings = embeddingsOf(spec);
    this.width = embeddingColumns(this.embeddings) + FEATURE_COUNT;
    [this.h1, this.h2] = [spec.dense1Units, spec.dense2Units];
    for (const slot of layout.slots) (this.offsets[slot.layer] ??= [])[slot.index] = slot.at;
    const units = monotoneUnits(spec);
    const buffers = allocateBuffers(arena, maxRows, this.width, this.h1, this.h2, units);
    const macs = macsPerRow(layout, { width: this.width, h1: this.h1, h2: this.h2, units });
    this.inferMacsPerRow = macs.infer;
    this.trainMacsPerRow = macs.train;
    this.buf = buffers.buf;
    this.scratch = buffers.scratch;
    this.monotone = units > 0 ? new SimdMonotonePath(spec, layout, this.buf, this.width, this) : null;
  }

  /** Bind to the memory the arena was sized for (once, before any step). */
  attach(k: SimdKernels): void {
    this.k = k;
    k.f32.fill(0, this.buf.zeros, this.buf.zeros + Math.max(this.h2, monotoneUnits(this.spec)));
  }

  kernels(): SimdKernels {
    if (!this.k) throw new Error('SimdNetwork used before attach()');
    return this.k;
  }

  /** Float offset of a variable in the model block at `base`. */
  at(base: number, layer: LayerName, index: number): number {
    const at = this.offsets[layer]?.[index];
    if (at === undefined) throw new Error(`layer ${layer} has no variable ${index}`);
    return base + at;
  }

  private bn(base: number, layer: LayerName): BnSlots {
    return {
      gamma: this.at(base, layer, 0),
      beta: this.at(base, layer, 1),
      mean: this.at(base, layer, 2),
      variance: this.at(base, layer, 3),
    };
  }

  /** A layer runs in training mode (batch statistics) when it trains. */
  trains(layer: LayerName): boolean {
    return this.layout.trainableLayers.has(layer);
  }

  private embeddingTrace(e: Embedding): BnTrace {
    return { xhat: this.buf.xhat, inv: this.buf.inv + e.col };
  }

  private trunkTrace(): BnTrace {
    return { xhat: this.buf.xhat1, inv: this.buf.inv1 };
  }

  /**
   * Forward pass over rows.n ≤ maxRows rows into o. `train` = training mode: BatchNorms that train use
   * batch statistics (moving averages decayed by `decay`), dropout masks drawn from `seed`. Returns where
   * the output unit's input is: a2 after dropout, else the ReLU's r2 itself (no copy).
   */
  private forward(base: number, rows: SimdRows, train: { decay: number; seed: number } | null): number {
    const k = this.kernels();
    const f = k.f32;
    const { spec, buf, width, h1, h2, scratch } = this;
    const { n } = rows;
    for (const e of this.embeddings) {
      gatherEmbedding(k, e, this.at(base, e.table, 0), rows, buf.x, width);
      if (spec.embeddingBatchNorm) {
        const decay = train && this.trains(e.bn) ? train.decay : null;
        const block = { at: buf.x, stride: width, col: e.col, d: e.dim, n };
        batchNormForward(k, block, buf.x, this.bn(base, e.bn), this.embeddingTrace(e), scratch, decay);
      }
    }
    copyHistory(k, rows, buf.x, width);
    this.denseRelu(base, 'dense_1', buf.x, buf.z1, n, width, h1);
    const trunkDecay = train && this.trains('trunk_bn') ? train.decay : null;
    const trunk = { at: buf.z1, stride: h1, col: 0, d: h1, n };
    const rand = train ? mulberry32(train.seed) : null;
    // Dropout 1 in the BatchNorm's pass over the rows (its streams drawn first, as when it ran after).
    const drop1 =
      rand && spec.dropout1 > 0
        ? { mask: buf.m1, rate: spec.dropout1, seeds: dropoutSeeds(rand) }
        : undefined;
    const bn = this.bn(base, 'trunk_bn');
    batchNormForward(k, trunk, buf.a1, bn, this.trunkTrace(), scratch, trunkDecay, drop1);
    this.denseRelu(base, 'dense_2', buf.a1, buf.r2, n, h1, h2);
    const dropped = rand !== null && spec.dropout2 > 0;
    if (dropped) dropout(k, buf.r2, buf.a2, buf.m2, n * h2, spec.dropout2, rand);
    const a2 = dropped ? buf.a2 : buf.r2;
    // The output unit as a product with one column: o[r] = a2[r, :] · w3, then its bias.
    k.backIn(4 * a2, 4 * this.at(base, 'output', 0), 4 * buf.o, n, h2, 1, 1);
    const b3 = f[this.at(base, 'output', 1)] as number;
    for (let r = 0; r < n; r++) f[buf.o + r] = (f[buf.o + r] as number) + b3;
    // The monotone side path on the same input, its output added to the logit.
    this.monotone?.forward(base, n);
    return a2;
  }

  /** Put the model's constrained kernels back on their constraint set (after its optimizer step). */
  project(base: number): void {
    this.monotone?.project(base);
  }

  /** out = relu(x · kernel + bias) for a hidden dense layer of the model block at `base`. */
  private denseRelu(
    base: number,
    layer: LayerName,
    x: number,
    out: number,
    n: number,
    inDim: number,
    units: number,
  ): void {
    const k = this.kernels();
    k.denseRelu(4 * x, 4 * this.at(base, layer, 0), 4 * this.at(base, layer, 1), 4 * out, n, inDim, units);
  }

  /**
   * One training step of one model: forward in training mode, loss, and gradients added into the
   * block at `grad` (zeroed by the caller). Returns Σ coef·loss plus the L2 penalty.
   */
  trainStep(
    base: number,
    grad: number,
    rows: SimdRows,
    correctness: boolean,
    decay: number,
    seed: number,
  ): number {
    const a2 = this.forward(base, rows, { decay, seed });
    countTrainMacs(rows.n * this.trainMacsPerRow);
    const k = this.kernels();
    const f = k.f32;
    const { spec, buf, width, layout, h1, h2, scratch } = this;
    const { n } = rows;
    let total = this.loss(rows, correctness, true);
    const g = (layer: LayerName, index: number) => this.at(grad, layer, index);
    this.monotone?.backward(base, grad, n);
    if (this.trains('output')) {
      k.gradW(4 * buf.do, 4 * a2, 4 * g('output', 0), n, 1, h2, 0);
      let gb = 0;
      for (let r = 0; r < n; r++) gb += f[buf.do + r] as number;
      f[g('output', 1)] = (f[g('output', 1)] as number) + gb;
    }
    if (!trainsBelow(layout, 'output')) return total + this.l2(base, grad);
    k.dense(4 * buf.do, 4 * this.at(base, 'output', 0), 4 * buf.zeros, 4 * buf.d2, n, 1, h2);
    if (spec.dropout2 > 0)
      k.maskReluGrad(4 * buf.d2, 4 * buf.m2, 4 * buf.r2, n * h2, dropoutScale(spec.dropout2));
    else k.reluGrad(4 * buf.d2, 4 * buf.r2, n * h2);
    if (this.trains('dense_2')) {
      k.gradW(4 * buf.a1, 4 * buf.d2, 4 * g('dense_2', 0), n, h1, h2, 4 * g('dense_2', 1));
    }
    if (!trainsBelow(layout, 'dense_2')) return total + this.l2(base, grad);
    k.backIn(4 * buf.d2, 4 * this.at(base, 'dense_2', 0), 4 * buf.d1, n, h2, h1, h1);
    const trunkGrads = this.trains('trunk_bn') ? { gamma: g('trunk_bn', 0), beta: g('trunk_bn', 1) } : null;
    const trunk = { at: buf.d1, stride: h1, col: 0, d: h1, n };
    // Dropout 1's mask on the way in, dense 1's ReLU gate on the way out, in the BatchNorm's passes.
    const drop1 = spec.dropout1 > 0 ? { mask: { at: buf.m1, scale: dropoutScale(spec.dropout1) } } : {};
    const fused = { gate: buf.z1, ...drop1 };
    batchNormBackward(k, trunk, this.bn(base, 'trunk_bn'), this.trunkTrace(), scratch, trunkGrads, fused);
    if (this.trains('dense_1')) {
      k.gradW(4 * buf.x, 4 * buf.d1, 4 * g('dense_1', 0), n, width, h1, 4 * g('dense_1', 1));
    }
    if (trainsBelow(layout, 'dense_1')) {
      // Only the embeddings' columns: the history features are inputs, nothing below them trains.
      const embeddingColumns = width - FEATURE_COUNT;
      k.backIn(4 * buf.d1, 4 * this.at(base, 'dense_1', 0), 4 * buf.dx, n, h1, embeddingColumns, width);
      this.embeddingGrads(base, grad, rows);
    }
    total += this.l2(base, grad);
    return total;
  }

  private embeddingGrads(base: number, grad: number, rows: SimdRows): void {
    const k = this.kernels();
    const { buf, width, spec, scratch } = this;
    const { n } = rows;
    this.monotone?.addInputGradient(n);
    for (const e of this.embeddings) {
      if (spec.embeddingBatchNorm) {
        const grads = this.trains(e.bn)
          ? { gamma: this.at(grad, e.bn, 0), beta: this.at(grad, e.bn, 1) }
          : null;
        const block = { at: buf.dx, stride: width, col: e.col, d: e.dim, n };
        batchNormBackward(k, block, this.bn(base, e.bn), this.embeddingTrace(e), scratch, grads);
      }
      if (!this.trains(e.table)) continue;
      scatterEmbeddingGrad(k, e, this.at(grad, e.table, 0), rows, buf.dx, width);
    }
  }

  /** Keras L2 on a training user table: adds 2λw to its gradient, returns λΣw² (0 without one). */
  private l2(base: number, grad: number): number {
    const lambda = this.spec.userL2;
    if (lambda <= 0 || !this.trains('user_embedding')) return 0;
    const { size } = slotOf(this.layout, 'user_embedding', 0);
    const [w, g] = [this.at(base, 'user_embedding', 0), this.at(grad, 'user_embedding', 0)];
    return addL2(this.kernels().f32, w, g, size, lambda);
  }

  /** Σ coef·loss over the rows in `o`; with `withGrad`, dL/do (coef-weighted) into `do`. */
  private loss(rows: SimdRows, correctness: boolean, withGrad: boolean): number {
    const { buf } = this;
    return headLoss(this.kernels().f32, buf.o, withGrad ? buf.do : null, rows, correctness);
  }

  /** Raw outputs in inference mode (the logit of a correctness head), maxRows rows at a time, copied out. */
  inferOutputs(base: number, rows: SimdRows): Float32Array {
    const out = new Float32Array(rows.n);
    for (let start = rows.start; start < rows.start + rows.n; start += this.maxRows) {
      const n = Math.min(this.maxRows, rows.start + rows.n - start);
      this.forward(base, { ...rows, start, n }, null);
      out.set(this.kernels().f32.subarray(this.buf.o, this.buf.o + n), start - rows.start);
    }
    return out;
  }

  /** Σ coef·loss in inference mode (moving statistics, no dropout), maxRows rows at a time. */
  inferLoss(base: number, rows: SimdRows, correctness: boolean): number {
    let sum = 0;
    for (let start = rows.start; start < rows.start + rows.n; start += this.maxRows) {
      const { user, topic, difficulty, history, target, coef } = rows;
      const n = Math.min(this.maxRows, rows.start + rows.n - start);
      const chunk = {
        user,
        topic,
        difficulty,
        history,
        target,
        coef,
        start,
        n,
        ...(rows.at ? { at: rows.at } : {}),
      };
      this.forward(base, chunk, null);
      countInferMacs(n * this.inferMacsPerRow);
      sum += this.loss(chunk, correctness, false);
    }
    return sum;
  }
}
