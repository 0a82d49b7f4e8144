/**
 * BatchNorm over a block of columns of a row-major float buffer, forward and backward, for the
 * fused training step: batch statistics (biased variance) in training, moving statistics in
 * inference or when frozen; moving averages decayed as tfjs-layers does. The passes over rows run
 * in the SIMD kernels; the per-column arithmetic (d floats) in JS. Offsets count floats.
 */
import { BN_EPSILON } from '../../model/architecture';
import { dropoutScale, type FusedDropout } from './simd-dropout';
import type { SimdKernels } from './simd-kernels';

/** Float offsets of a BatchNorm layer's variables (d floats each). */
export interface BnSlots {
  gamma: number;
  beta: number;
  mean: number;
  variance: number;
}

/** Columns [col, col + d) of n rows, `stride` floats apart, in the buffer at `at`. */
export interface Block {
  at: number;
  stride: number;
  col: number;
  d: number;
  n: number;
}

/** Per layer: x̂ (laid out like the input block) and 1/√(σ²+ε) per column, kept from forward for backward. */
export interface BnTrace {
  xhat: number;
  inv: number;
}

/** Per-call column vectors (each as long as the widest block). */
export interface BnScratch {
  mean: number;
  inv: number;
  s1: number;
  s2: number;
  scale: number;
}

/**
 * y = γ·(x − μ)/√(σ² + ε) + β from block `x` into the buffer at `y` (same layout; may be x's). With
 * `train`, μ and σ² are the batch's and the moving averages move by `decay`; without, the moving
 * statistics are used. x̂ goes to `trace.xhat` either way; 1/√(σ²+ε) to `trace.inv` when training.
 * `drop`: inverted dropout on y in the same pass (a block of whole rows), bit for bit as after it.
 */
export function batchNormForward(
  k: SimdKernels,
  x: Block,
  y: number,
  p: BnSlots,
  trace: BnTrace,
  scratch: BnScratch,
  decay: number | null,
  drop?: FusedDropout,
): void {
  const f = k.f32;
  const { at, stride, col, d, n } = x;
  let mean = p.mean;
  let inv = scratch.inv;
  if (decay === null) {
    for (let c = 0; c < d; c++) f[inv + c] = 1 / Math.sqrt((f[p.variance + c] as number) + BN_EPSILON);
  } else {
    mean = scratch.mean;
    inv = trace.inv;
    k.colMeanVar(4 * (at + col), stride, n, d, 4 * mean, 4 * inv);
    for (let c = 0; c < d; c++) {
      const batchMean = f[mean + c] as number;
      const variance = f[inv + c] as number;
      f[p.mean + c] = (f[p.mean + c] as number) - ((f[p.mean + c] as number) - batchMean) * decay;
      f[p.variance + c] = (f[p.variance + c] as number) - ((f[p.variance + c] as number) - variance) * decay;
      f[inv + c] = 1 / Math.sqrt(variance + BN_EPSILON);
    }
  }
  if (drop) {
    if (col !== 0 || d !== stride) throw new RangeError('dropout is fused only into a block of whole rows');
    const { mask, rate, seeds } = drop;
    return k.bnApplyDropout(
      4 * at,
      4 * y,
      4 * trace.xhat,
      n * d,
      d,
      4 * mean,
      4 * inv,
      4 * p.gamma,
      4 * p.beta,
      4 * mask,
      rate,
      dropoutScale(rate),
      ...seeds,
    );
  }
  k.bnApply(
    4 * (at + col),
    4 * (y + col),
    4 * (trace.xhat + col),
    stride,
    n,
    d,
    4 * mean,
    4 * inv,
    4 * p.gamma,
    4 * p.beta,
  );
}

/**
 * Around the trunk's BatchNorm, the passes its backward can do as it reads and writes the rows: the
 * dropout that came after it (dy ← dy·(0 or scale) first, by its mask bytes at float offset `at`; a block
 * of whole rows) and the ReLU before it (dL/dx gated by its input > 0 last; a buffer laid out like dy).
 */
export interface BnFused {
  mask?: { at: number; scale: number };
  gate?: number;
}

/**
 * Backward through batchNormForward, in place: the block `dy` becomes dL/dx. With `grads` (the
 * layer trained, batch statistics) the statistics' own gradient is included and γ, β gradients are
 * added at `grads`; without, the layer ran on moving statistics (frozen) and only scales. `fused`:
 * mulMask's pass before and reluGrad's after, bit for bit as those kernels give them.
 */
export function batchNormBackward(
  k: SimdKernels,
  dy: Block,
  p: BnSlots,
  trace: BnTrace,
  scratch: BnScratch,
  grads: { gamma: number; beta: number } | null,
  fused: BnFused = {},
): void {
  const f = k.f32;
  const { at, stride, col, d, n } = dy;
  const { s1, s2, scale } = scratch;
  const gate = fused.gate === undefined ? 0 : 4 * (fused.gate + col);
  if (fused.mask !== undefined && (col !== 0 || d !== stride))
    throw new RangeError('a dropout mask is fused only into a block of whole rows');
  if (!grads) {
    if (fused.mask) k.mulMask(4 * at, 4 * fused.mask.at, n * d, fused.mask.scale);
    for (let c = 0; c < d; c++)
      f[scale + c] = (f[p.gamma + c] as number) / Math.sqrt((f[p.variance + c] as number) + BN_EPSILON);
    f.fill(0, s1, s1 + d);
    f.fill(0, s2, s2 + d);
    k.bnBack(4 * (at + col), 4 * (trace.xhat + col), stride, n, d, 4 * scale, 4 * s1, 4 * s2, 1, gate);
    return;
  }
  const { mask } = fused;
  const [m, dropScale] = mask ? [4 * mask.at, mask.scale] : [0, 1];
  k.colSums2(4 * (at + col), 4 * (trace.xhat + col), stride, n, d, 4 * s1, 4 * s2, m, dropScale);
  for (let c = 0; c < d; c++) {
    f[grads.gamma + c] = (f[grads.gamma + c] as number) + (f[s2 + c] as number);
    f[grads.beta + c] = (f[grads.beta + c] as number) + (f[s1 + c] as number);
    f[scale + c] = ((f[p.gamma + c] as number) * (f[trace.inv + c] as number)) / n;
  }
  k.bnBack(4 * (at + col), 4 * (trace.xhat + col), stride, n, d, 4 * scale, 4 * s1, 4 * s2, n, gate);
}
