/**
 * The fused engine's embeddings: which tables a model has and where their columns sit in the input row,
 * the lookup that copies each row's vectors in (and its history features after them), the gradient that
 * adds each row's back into its table, and the Keras L2 penalty of a training user table.
 */
import { FEATURE_COUNT } from '../../features/history-features';
import type { ArchitectureSpec, LayerName } from '../../model/architecture';
import type { SimdRows } from './simd-buffers';
import type { SimdKernels } from './simd-kernels';

export interface Embedding {
  key: 'user' | 'topic' | 'difficulty';
  table: LayerName;
  bn: LayerName;
  dim: number;
  /** First column of its vectors in the input row. */
  col: number;
}

/** The model's embeddings in input-row order (a zero-width one is absent). */
export function embeddingsOf(spec: ArchitectureSpec): Embedding[] {
  const dims: [Embedding['key'], number][] = [
    ['user', spec.userEmbeddingDim],
    ['topic', spec.topicEmbeddingDim],
    ['difficulty', spec.difficultyEmbeddingDim],
  ];
  let col = 0;
  return dims
    .filter(([, dim]) => dim > 0)
    .map(([key, dim]) => {
      const e = { key, table: `${key}_embedding` as LayerName, bn: `${key}_bn` as LayerName, dim, col };
      col += dim;
      return e;
    });
}

/** Input-row columns the embeddings take (the history features follow). */
export function embeddingColumns(embeddings: readonly Embedding[]): number {
  return embeddings.reduce((sum, e) => sum + e.dim, 0);
}

/**
 * Copy each row's vector from the table at `table` into its columns of the rows at `x`: with a kernel when
 * the rows are staged in the wasm memory (a training step's), else in JS.
 */
export function gatherEmbedding(
  k: SimdKernels,
  e: Embedding,
  table: number,
  rows: SimdRows,
  x: number,
  width: number,
): void {
  const { start, n, at } = rows;
  if (at) return k.gatherRows(4 * (x + e.col), 4 * table, 4 * (at[e.key] + start), n, e.dim, width);
  const { f32: f } = k;
  const idx = rows[e.key];
  const { dim } = e;
  for (let r = 0; r < n; r++) {
    const from = table + (idx[start + r] as number) * dim;
    const to = x + r * width + e.col;
    for (let c = 0; c < dim; c++) f[to + c] = f[from + c] as number;
  }
}

/** Add each row's gradient (its columns of the rows at `dx`) into its vector of the gradient table. */
export function scatterEmbeddingGrad(
  k: SimdKernels,
  e: Embedding,
  table: number,
  rows: SimdRows,
  dx: number,
  width: number,
): void {
  const { start, n, at } = rows;
  if (at) return k.scatterAddRows(4 * table, 4 * (at[e.key] + start), 4 * (dx + e.col), n, e.dim, width);
  const { f32: f } = k;
  const idx = rows[e.key];
  for (let r = 0; r < n; r++) {
    const to = table + (idx[start + r] as number) * e.dim;
    const from = dx + r * width + e.col;
    for (let c = 0; c < e.dim; c++) f[to + c] = (f[to + c] as number) + (f[from + c] as number);
  }
}

/** The rows' history features into the last FEATURE_COUNT columns of the rows at `x`. */
export function copyHistory(k: SimdKernels, rows: SimdRows, x: number, width: number): void {
  const { start, n, at, history } = rows;
  const to0 = x + width - FEATURE_COUNT;
  if (at)
    return k.copyRows(
      4 * to0,
      4 * (at.history + start * FEATURE_COUNT),
      n,
      FEATURE_COUNT,
      width,
      FEATURE_COUNT,
    );
  const { f32: f } = k;
  for (let r = 0; r < n; r++) {
    // A plain loop: a subarray view per row cost more than the 13 copies.
    const from = (start + r) * FEATURE_COUNT;
    const to = to0 + r * width;
    for (let c = 0; c < FEATURE_COUNT; c++) f[to + c] = history[from + c] as number;
  }
}

/** Keras L2 on `size` weights at `w`: adds 2λw to the gradient at `g`, returns λΣw². */
export function addL2(f: Float32Array, w: number, g: number, size: number, lambda: number): number {
  let sum = 0;
  for (let i = 0; i < size; i++) {
    const v = f[w + i] as number;
    sum += v * v;
    f[g + i] = (f[g + i] as number) + 2 * lambda * v;
  }
  return lambda * sum;
}
