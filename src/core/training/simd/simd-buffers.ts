/**
 * The fused step's working memory, laid out before the wasm memory exists: a bump allocator of
 * float offsets, and the activation, mask and gradient buffers one model's step needs for up to
 * `maxRows` rows (reused by every model and by validation chunks). Framework-free.
 */
import type { BnScratch } from './simd-batch-norm';
import type { HostBatch } from '../loop/stacked-batch';

/** Float (and int32) offsets in the wasm memory of a host batch's arrays, when the batch lives there. */
export interface StagedAt {
  user: number;
  topic: number;
  difficulty: number;
  history: number;
}

/**
 * Rows [start, start + n) of one model's inputs in a host batch (vocabulary indices of its own tables);
 * `at` where the batch is the engine's own, in its wasm memory: the step then copies and gathers with kernels.
 */
export type SimdRows = Pick<HostBatch, 'user' | 'topic' | 'difficulty' | 'history' | 'target' | 'coef'> & {
  start: number;
  n: number;
  at?: StagedAt;
};

/** Bump allocation of float offsets (each a multiple of 4, so every buffer starts on a SIMD lane). */
export class Arena {
  total = 0;
  take(floats: number): number {
    const at = this.total;
    this.total += Math.ceil(floats / 4) * 4;
    return at;
  }
}

/**
 * Float offsets: x, x̂ and dx [rows, width] (the concatenated input); z1 (dense 1 after ReLU), x̂1,
 * a1 (after BatchNorm and dropout), m1 (its dropout mask, a byte a value) and d1 [rows, h1]; r2 (dense 2
 * after ReLU), a2, m2 (bytes) and d2 [rows, h2]; o and do [rows]; inv [width] and inv1 [h1] (BatchNorm's
 * 1/√(σ²+ε));
 * zeros [max(h2, hm)] (a bias of zeros, for products with no bias); for the monotone side
 * path (hm units, 0 = none): hm (its units after ReLU) and dhm [rows, hm], om [rows] (its output) and
 * dxm [rows, width] (its share of the input gradient).
 */
export type StepBuffers = Record<
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
  | 'inv1'
  | 'zeros'
  | 'hm'
  | 'dhm'
  | 'om'
  | 'dxm',
  number
>;

export function allocateBuffers(
  arena: Arena,
  maxRows: number,
  width: number,
  h1: number,
  h2: number,
  hm = 0,
): { buf: StepBuffers; scratch: BnScratch } {
  const take = (floats: number) => arena.take(floats);
  const r = maxRows;
  const buf: StepBuffers = {
    x: take(r * width),
    xhat: take(r * width),
    dx: take(r * width),
    z1: take(r * h1),
    xhat1: take(r * h1),
    a1: take(r * h1),
    m1: take((r * h1) / 4),
    d1: take(r * h1),
    r2: take(r * h2),
    a2: take(r * h2),
    m2: take((r * h2) / 4),
    d2: take(r * h2),
    o: take(r),
    do: take(r),
    inv: take(width),
    inv1: take(h1),
    zeros: take(Math.max(h2, hm)),
    hm: take(r * hm),
    dhm: take(r * hm),
    om: take(hm > 0 ? r : 0),
    dxm: take(hm > 0 ? r * width : 0),
  };
  const widest = Math.max(width, h1);
  const scratch = {
    mean: take(widest),
    inv: take(widest),
    s1: take(widest),
    s2: take(widest),
    scale: take(widest),
  };
  return { buf, scratch };
}
