/**
 * One model's training step and validation loss in the fused engine: forward (embeddings, their
 * BatchNorms, dense 64 + ReLU + BatchNorm + dropout, dense 32 + ReLU + dropout, output), the loss
 * of its head, and the backward pass into a gradient block laid out like the weights — the three
 * products per dense layer in wasm SIMD, the rest in typed-array loops. Same maths as
 * stacked-network.ts; only real rows are computed. Framework-free.
 */
import { FEATURE_COUNT } from '../features/history-features';
import type { ArchitectureSpec, LayerName } from '../model/architecture';
import { mulberry32 } from '../random/mulberry32';
import {
  batchNormBackward,
  batchNormForward,
  type Block,
  type BnSlots,
  type BnTrace,
} from './simd-batch-norm';
import type { SimdKernels } from './simd-kernels';
import { slotOf, trainsBelow, type ModelLayout } from './simd-layout';

/** Rows [start, start + n) of one model's inputs (vocabulary indices of its own tables). */
export interface SimdRows {
  start: number;
  n: number;
  user: Int32Array;
  topic: Int32Array;
  difficulty: Int32Array;
  /** FEATURE_COUNT per row. */
  history: Float32Array;
  target: Float32Array;
  coef: Float32Array;
}

/** Bump allocation of float offsets (each a multiple of 4) before the memory exists. */
export class Arena {
  total = 0;
  take(floats: number): number {
    const at = this.total;
    this.total += Math.ceil(floats / 4) * 4;
    return at;
  }
}

interface Embedding {
  key: 'user' | 'topic' | 'difficulty';
  table: LayerName;
  bn: LayerName;
  dim: number;
  col: number;
}

const H = (spec: ArchitectureSpec) => [spec.dense1Units, spec.dense2Units] as const;

export class SimdNetwork {
  private readonly width: number;
  private readonly embeddings: Embedding[];
  // Float offsets of the activation buffers (rows × columns each).
  private readonly buf: Record<
    | 'x'
    | 'xhat'
    | 'dx'
    | 'z1'
    | 'xhat1'
    | 'a1'
    | 'm1'
    | 'd1'
    | 'r2'
    | 'a2'
    | 'm2'
    | 'd2'
    | 'o'
    | 'do'
    | 'inv'
    | 'inv1',
    number
  >;

  constructor(
    private readonly spec: ArchitectureSpec,
    private readonly layout: ModelLayout,
    arena: Arena,
    /** Most rows one call takes. */
    readonly maxRows: number,
  ) {
    const dims: [Embedding['key'], number][] = [
      ['user', spec.userEmbeddingDim],
      ['topic', spec.topicEmbeddingDim],
      ['difficulty', spec.difficultyEmbeddingDim],
    ];
    let col = 0;
    this.embeddings = dims
      .filter(([, dim]) => dim > 0)
      .map(([key, dim]) => {
        const e = { key, table: `${key}_embedding` as LayerName, bn: `${key}_bn` as LayerName, dim, col };
        col += dim;
        return e;
      });
    this.width = col + FEATURE_COUNT;
    const [h1, h2] = H(spec);
    const r = maxRows;
    const w = this.width;
    this.buf = {
      x: arena.take(r * w),
      xhat: arena.take(r * w),
      dx: arena.take(r * w),
      z1: arena.take(r * h1),
      xhat1: arena.take(r * h1),
      a1: arena.take(r * h1),
      m1: arena.take(r * h1),
      d1: arena.take(r * h1),
      r2: arena.take(r * h2),
      a2: arena.take(r * h2),
      m2: arena.take(r * h2),
      d2: arena.take(r * h2),
      o: arena.take(r),
      do: arena.take(r),
      inv: arena.take(w),
      inv1: arena.take(h1),
    };
  }

  /** Float offset of a variable in the model block at `base`. */
  private at(base: number, layer: LayerName, index: number): number {
    return base + slotOf(this.layout, layer, index).at;
  }

  private bn(base: number, layer: LayerName): BnSlots {
    return {
      gamma: this.at(base, layer, 0),
      beta: this.at(base, layer, 1),
      mean: this.at(base, layer, 2),
      variance: this.at(base, layer, 3),
    };
  }

  /** A layer runs in training mode (batch statistics, dropout) when it trains. */
  private trains(layer: LayerName): boolean {
    return this.layout.trainableLayers.has(layer);
  }

  /**
   * Forward pass over rows.n ≤ maxRows rows into o. `train` = training mode: BatchNorms that train use
   * batch statistics (moving averages decayed by `decay`), dropout masks drawn from `seed`.
   */
  private forward(
    k: SimdKernels,
    base: number,
    rows: SimdRows,
    train: { decay: number; seed: number } | null,
  ): void {
    const f = k.f32;
    const { spec, buf, width } = this;
    const [h1, h2] = H(spec);
    const { n, start } = rows;
    for (const e of this.embeddings) {
      const table = this.at(base, e.table, 0);
      const idx = rows[e.key];
      for (let r = 0; r < n; r++) {
        const from = table + (idx[start + r] as number) * e.dim;
        f.copyWithin(buf.x + r * width + e.col, from, from + e.dim);
      }
      if (spec.embeddingBatchNorm) {
        const block: Block = { at: buf.x, stride: width, col: e.col, d: e.dim, n };
        const mode =
          train && this.trains(e.bn)
            ? { trace: { xhat: buf.xhat, inv: buf.inv + e.col }, decay: train.decay }
            : null;
        batchNormForward(f, block, buf.x, this.bn(base, e.bn), mode);
      }
    }
    const hist = width - FEATURE_COUNT;
    for (let r = 0; r < n; r++)
      f.set(
        rows.history.subarray((start + r) * FEATURE_COUNT, (start + r + 1) * FEATURE_COUNT),
        buf.x + r * width + hist,
      );
    k.dense(
      4 * buf.x,
      4 * this.at(base, 'dense_1', 0),
      4 * this.at(base, 'dense_1', 1),
      4 * buf.z1,
      n,
      width,
      h1,
    );
    relu(f, buf.z1, n * h1);
    const trunkTrain =
      train && this.trains('trunk_bn') ? { trace: this.trunkTrace(), decay: train.decay } : null;
    batchNormForward(
      f,
      { at: buf.z1, stride: h1, col: 0, d: h1, n },
      buf.a1,
      this.bn(base, 'trunk_bn'),
      trunkTrain,
    );
    const rand = train ? mulberry32(train.seed) : null;
    if (rand && spec.dropout1 > 0) dropout(f, buf.a1, buf.m1, n * h1, spec.dropout1, rand);
    k.dense(
      4 * buf.a1,
      4 * this.at(base, 'dense_2', 0),
      4 * this.at(base, 'dense_2', 1),
      4 * buf.r2,
      n,
      h1,
      h2,
    );
    relu(f, buf.r2, n * h2);
    f.copyWithin(buf.a2, buf.r2, buf.r2 + n * h2);
    if (rand && spec.dropout2 > 0) dropout(f, buf.a2, buf.m2, n * h2, spec.dropout2, rand);
    const w3 = this.at(base, 'output', 0);
    const b3 = f[this.at(base, 'output', 1)] as number;
    for (let r = 0; r < n; r++) {
      let o = b3;
      for (let j = 0, a = buf.a2 + r * h2; j < h2; j++) o += (f[a + j] as number) * (f[w3 + j] as number);
      f[buf.o + r] = o;
    }
  }

  private trunkTrace(): BnTrace {
    return { xhat: this.buf.xhat1, inv: this.buf.inv1 };
  }

  /**
   * One training step of one model: forward in training mode, loss, and gradients added into the
   * block at `grad` (zeroed by the caller). Returns Σ coef·loss plus the L2 penalty.
   */
  trainStep(
    k: SimdKernels,
    base: number,
    grad: number,
    rows: SimdRows,
    correctness: boolean,
    decay: number,
    seed: number,
  ): number {
    this.forward(k, base, rows, { decay, seed });
    const f = k.f32;
    const { spec, buf, width, layout } = this;
    const [h1, h2] = H(spec);
    const { n } = rows;
    let total = this.loss(f, rows, correctness, true);
    const g = (layer: LayerName, index: number) => this.at(grad, layer, index);
    if (this.trains('output')) {
      const gw = g('output', 0);
      let gb = 0;
      for (let r = 0; r < n; r++) {
        const d = f[buf.do + r] as number;
        gb += d;
        for (let j = 0, a = buf.a2 + r * h2; j < h2; j++)
          f[gw + j] = (f[gw + j] as number) + d * (f[a + j] as number);
      }
      f[g('output', 1)] = (f[g('output', 1)] as number) + gb;
    }
    if (trainsBelow(layout, 'output')) {
      const w3 = this.at(base, 'output', 0);
      const drop2 = spec.dropout2 > 0;
      for (let r = 0; r < n; r++) {
        const d = f[buf.do + r] as number;
        for (let j = 0, o = r * h2; j < h2; j++) {
          const live = (f[buf.r2 + o + j] as number) > 0;
          f[buf.d2 + o + j] = live
            ? d * (f[w3 + j] as number) * (drop2 ? (f[buf.m2 + o + j] as number) : 1)
            : 0;
        }
      }
      if (this.trains('dense_2')) {
        k.gradW(4 * buf.a1, 4 * buf.d2, 4 * g('dense_2', 0), n, h1, h2);
        columnSums(f, buf.d2, n, h2, g('dense_2', 1));
      }
      if (trainsBelow(layout, 'dense_2')) {
        k.backIn(4 * buf.d2, 4 * this.at(base, 'dense_2', 0), 4 * buf.d1, n, h2, h1);
        if (spec.dropout1 > 0)
          for (let i = 0; i < n * h1; i++)
            f[buf.d1 + i] = (f[buf.d1 + i] as number) * (f[buf.m1 + i] as number);
        const trunkTrains = this.trains('trunk_bn');
        batchNormBackward(
          f,
          { at: buf.d1, stride: h1, col: 0, d: h1, n },
          this.bn(base, 'trunk_bn'),
          trunkTrains ? this.trunkTrace() : null,
          trunkTrains ? { gamma: g('trunk_bn', 0), beta: g('trunk_bn', 1) } : null,
        );
        for (let i = 0; i < n * h1; i++) if (!((f[buf.z1 + i] as number) > 0)) f[buf.d1 + i] = 0;
        if (this.trains('dense_1')) {
          k.gradW(4 * buf.x, 4 * buf.d1, 4 * g('dense_1', 0), n, width, h1);
          columnSums(f, buf.d1, n, h1, g('dense_1', 1));
        }
        if (trainsBelow(layout, 'dense_1')) {
          k.backIn(4 * buf.d1, 4 * this.at(base, 'dense_1', 0), 4 * buf.dx, n, h1, width);
          this.embeddingGrads(f, base, grad, rows);
        }
      }
    }
    if (spec.userL2 > 0 && this.trains('user_embedding')) total += this.l2(f, base, grad);
    return total;
  }

  private embeddingGrads(f: Float32Array, base: number, grad: number, rows: SimdRows): void {
    const { buf, width, spec } = this;
    const { n, start } = rows;
    for (const e of this.embeddings) {
      if (spec.embeddingBatchNorm) {
        const trains = this.trains(e.bn);
        batchNormBackward(
          f,
          { at: buf.dx, stride: width, col: e.col, d: e.dim, n },
          this.bn(base, e.bn),
          trains ? { xhat: buf.xhat, inv: buf.inv + e.col } : null,
          trains ? { gamma: this.at(grad, e.bn, 0), beta: this.at(grad, e.bn, 1) } : null,
        );
      }
      if (!this.trains(e.table)) continue;
      const table = this.at(grad, e.table, 0);
      const idx = rows[e.key];
      for (let r = 0; r < n; r++) {
        const to = table + (idx[start + r] as number) * e.dim;
        const from = buf.dx + r * width + e.col;
        for (let c = 0; c < e.dim; c++) f[to + c] = (f[to + c] as number) + (f[from + c] as number);
      }
    }
  }

  /** Keras L2 on the user table: adds 2λw to its gradient, returns λΣw². */
  private l2(f: Float32Array, base: number, grad: number): number {
    const { size } = slotOf(this.layout, 'user_embedding', 0);
    const w = this.at(base, 'user_embedding', 0);
    const g = this.at(grad, 'user_embedding', 0);
    const lambda = this.spec.userL2;
    let sum = 0;
    for (let i = 0; i < size; i++) {
      const v = f[w + i] as number;
      sum += v * v;
      f[g + i] = (f[g + i] as number) + 2 * lambda * v;
    }
    return lambda * sum;
  }

  /** Σ coef·loss over rows; with `withGrad`, dL/do (coef-weighted) into the `do` buffer. */
  private loss(f: Float32Array, rows: SimdRows, correctness: boolean, withGrad: boolean): number {
    const { buf } = this;
    let sum = 0;
    for (let r = 0; r < rows.n; r++) {
      const o = f[buf.o + r] as number;
      const t = rows.target[rows.start + r] as number;
      const c = rows.coef[rows.start + r] as number;
      let loss: number;
      let d: number;
      if (correctness) {
        // Binary cross-entropy from the logit, in its overflow-free form.
        loss = Math.max(o, 0) - o * t + Math.log1p(Math.exp(-Math.abs(o)));
        d = 1 / (1 + Math.exp(-o)) - t;
      } else {
        d = o - t;
        loss = d * d;
        d *= 2;
      }
      sum += c * loss;
      if (withGrad) f[buf.do + r] = c * d;
    }
    return sum;
  }

  /** Σ coef·loss in inference mode (moving statistics, no dropout), maxRows rows at a time. */
  inferLoss(k: SimdKernels, base: number, rows: SimdRows, correctness: boolean): number {
    let sum = 0;
    for (let start = rows.start; start < rows.start + rows.n; start += this.maxRows) {
      const chunk = { ...rows, start, n: Math.min(this.maxRows, rows.start + rows.n - start) };
      this.forward(k, base, chunk, null);
      sum += this.loss(k.f32, chunk, correctness, false);
    }
    return sum;
  }
}

function relu(f: Float32Array, at: number, count: number): void {
  for (let i = at; i < at + count; i++) if (!((f[i] as number) > 0)) f[i] = 0;
}

/** Inverted dropout in place: each value kept with probability 1 − rate and scaled by 1/(1 − rate); the scale kept in `mask`. */
function dropout(
  f: Float32Array,
  at: number,
  mask: number,
  count: number,
  rate: number,
  rand: () => number,
): void {
  const scale = 1 / (1 - rate);
  for (let i = 0; i < count; i++) {
    const m = rand() < rate ? 0 : scale;
    f[mask + i] = m;
    f[at + i] = (f[at + i] as number) * m;
  }
}

/** out[j] += Σ_r d[r, j]. */
function columnSums(f: Float32Array, d: number, n: number, cols: number, out: number): void {
  for (let r = 0; r < n; r++)
    for (let j = 0, o = d + r * cols; j < cols; j++)
      f[out + j] = (f[out + j] as number) + (f[o + j] as number);
}
