/**
 * BatchNorm over a block of columns of a row-major float buffer, forward and backward, for the
 * fused training step: batch statistics (biased variance) in training, moving statistics in
 * inference or when frozen; moving averages decayed as tfjs-layers does. Framework-free.
 */
import { BN_EPSILON } from '../model/architecture';

/** Float offsets of a BatchNorm layer's variables (d floats each). */
export interface BnSlots {
  gamma: number;
  beta: number;
  mean: number;
  variance: number;
}

/** Columns [col, col + d) of n rows, `stride` floats apart, at float offset `at`. */
export interface Block {
  at: number;
  stride: number;
  col: number;
  d: number;
  n: number;
}

/** What a training-mode forward keeps for its backward: x̂ (laid out like the input) and 1/√(σ²+ε) per column. */
export interface BnTrace {
  xhat: number;
  inv: number;
}

// Per-column sums in float64; a worker runs one step at a time, so one scratch serves every call.
let sumA = new Float64Array(64);
let sumB = new Float64Array(64);
function scratch(d: number): void {
  if (sumA.length < d) [sumA, sumB] = [new Float64Array(d), new Float64Array(d)];
  sumA.fill(0, 0, d);
  sumB.fill(0, 0, d);
}

/**
 * y = γ·(x − μ)/√(σ² + ε) + β from `x` into `y` (same block shape; may be the same memory). With
 * `train`, μ and σ² are the batch's, x̂ and 1/√(σ²+ε) go to the trace and the moving averages
 * move by `decay`; without, the moving statistics are used.
 */
export function batchNormForward(
  f: Float32Array,
  x: Block,
  y: number,
  p: BnSlots,
  train: { trace: BnTrace; decay: number } | null,
): void {
  const { at, stride, col, d, n } = x;
  if (!train) {
    for (let c = 0; c < d; c++) {
      const inv = 1 / Math.sqrt((f[p.variance + c] as number) + BN_EPSILON);
      const mean = f[p.mean + c] as number;
      const g = (f[p.gamma + c] as number) * inv;
      const b = f[p.beta + c] as number;
      for (let r = 0, o = col + c; r < n; r++, o += stride) f[y + o] = ((f[at + o] as number) - mean) * g + b;
    }
    return;
  }
  scratch(d);
  for (let r = 0, row = col; r < n; r++, row += stride)
    for (let c = 0; c < d; c++) sumA[c] = (sumA[c] as number) + (f[at + row + c] as number);
  for (let c = 0; c < d; c++) sumA[c] = (sumA[c] as number) / n;
  for (let r = 0, row = col; r < n; r++, row += stride)
    for (let c = 0; c < d; c++) {
      const dev = (f[at + row + c] as number) - (sumA[c] as number);
      sumB[c] = (sumB[c] as number) + dev * dev;
    }
  const { trace, decay } = train;
  for (let c = 0; c < d; c++) {
    const mean = sumA[c] as number;
    const variance = (sumB[c] as number) / n;
    const inv = 1 / Math.sqrt(variance + BN_EPSILON);
    f[trace.inv + c] = inv;
    sumB[c] = inv;
    f[p.mean + c] = (f[p.mean + c] as number) - ((f[p.mean + c] as number) - mean) * decay;
    f[p.variance + c] = (f[p.variance + c] as number) - ((f[p.variance + c] as number) - variance) * decay;
  }
  for (let r = 0, row = col; r < n; r++, row += stride)
    for (let c = 0; c < d; c++) {
      const xhat = ((f[at + row + c] as number) - (sumA[c] as number)) * (sumB[c] as number);
      f[trace.xhat + row + c] = xhat;
      f[y + row + c] = xhat * (f[p.gamma + c] as number) + (f[p.beta + c] as number);
    }
}

/**
 * Backward through batchNormForward, in place: the block `dy` becomes dL/dx. With a trace
 * (training mode) the batch statistics' own gradient is included and γ, β gradients are added at
 * `grads`; without, the layer ran on moving statistics (frozen) and only scales.
 */
export function batchNormBackward(
  f: Float32Array,
  dy: Block,
  p: BnSlots,
  trace: BnTrace | null,
  grads: { gamma: number; beta: number } | null,
): void {
  const { at, stride, col, d, n } = dy;
  if (!trace) {
    for (let c = 0; c < d; c++) {
      const g = (f[p.gamma + c] as number) / Math.sqrt((f[p.variance + c] as number) + BN_EPSILON);
      for (let r = 0, o = at + col + c; r < n; r++, o += stride) f[o] = (f[o] as number) * g;
    }
    return;
  }
  scratch(d);
  for (let r = 0, row = col; r < n; r++, row += stride)
    for (let c = 0; c < d; c++) {
      const g = f[at + row + c] as number;
      sumA[c] = (sumA[c] as number) + g;
      sumB[c] = (sumB[c] as number) + g * (f[trace.xhat + row + c] as number);
    }
  if (grads)
    for (let c = 0; c < d; c++) {
      f[grads.gamma + c] = (f[grads.gamma + c] as number) + (sumB[c] as number);
      f[grads.beta + c] = (f[grads.beta + c] as number) + (sumA[c] as number);
    }
  for (let r = 0, row = col; r < n; r++, row += stride)
    for (let c = 0; c < d; c++) {
      const scale = ((f[p.gamma + c] as number) * (f[trace.inv + c] as number)) / n;
      const g = f[at + row + c] as number;
      f[at + row + c] =
        scale * (n * g - (sumA[c] as number) - (f[trace.xhat + row + c] as number) * (sumB[c] as number));
    }
}
