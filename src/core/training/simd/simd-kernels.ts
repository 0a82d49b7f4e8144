/**
 * Loads the wasm SIMD kernels (simd-kernels.wat, assembled into simd-kernels-binary.ts) into a
 * memory of the size a training phase asks for. Compiled once per thread; an instance per phase,
 * so a phase's memory is freed with it. Framework-free.
 */
import { SIMD_KERNELS_BASE64 } from './simd-kernels-binary';

export interface SimdKernels {
  /** The whole memory as floats; pointers below are byte offsets = 4 × float index. */
  f32: Float32Array;
  /** out[r, :] = bias + x[r, :] · w   (x [rows, in], w [in, n], n % 4 = 0). */
  dense(x: number, w: number, bias: number, out: number, rows: number, inDim: number, n: number): void;
  /** dense, then max(·, 0) on every output as it is stored (relu's result, bit for bit). */
  denseRelu(x: number, w: number, bias: number, out: number, rows: number, inDim: number, n: number): void;
  /**
   * g[i, :] += Σ_r a[r, i] · d[r, :]   (a [rows, in], d [rows, n], g [in, n], n % 4 = 0); with bias ≠ 0,
   * bias[:] += Σ_r d[r, :] as well (gradW of a column of ones, bit for bit).
   */
  gradW(a: number, d: number, g: number, rows: number, inDim: number, n: number, bias: number): void;
  /**
   * dx[r, i] = Σ_j d[r, j] · w[i, j] for i < inDim   (d [rows, n], w [≥ inDim, n], dx rows `dxStride`
   * floats apart, n % 4 = 0): the first inDim inputs' gradient only.
   */
  backIn(d: number, w: number, dx: number, rows: number, n: number, inDim: number, dxStride: number): void;
  /** Per column of x [rows, stride] (d columns): mean and biased variance. */
  colMeanVar(x: number, stride: number, rows: number, d: number, mean: number, variance: number): void;
  /** x̂ = (x − mean)·inv into xhat; y = x̂·gamma + beta (per-column vectors; y may be x). */
  bnApply(
    x: number,
    y: number,
    xhat: number,
    stride: number,
    rows: number,
    d: number,
    mean: number,
    inv: number,
    gamma: number,
    beta: number,
  ): void;
  /**
   * bnApply on `count` floats of whole rows (stride = d), then dropout on y in place with the streams
   * s0..s3 (its mask bytes at `mask`), bit for bit as the two calls; y is written once.
   */
  bnApplyDropout(
    x: number,
    y: number,
    xhat: number,
    count: number,
    d: number,
    mean: number,
    inv: number,
    gamma: number,
    beta: number,
    mask: number,
    rate: number,
    scale: number,
    s0: number,
    s1: number,
    s2: number,
    s3: number,
  ): void;
  /**
   * Per column: s1 = Σ dy, s2 = Σ dy·x̂; with a mask m ≠ 0 (dropout's bytes for a block of whole rows),
   * dy ← dy·(0 or scale) first, in place (mulMask's bits).
   */
  colSums2(
    dy: number,
    xhat: number,
    stride: number,
    rows: number,
    d: number,
    s1: number,
    s2: number,
    m: number,
    scale: number,
  ): void;
  /**
   * In place: dy ← scale·(n·dy − s1 − x̂·s2), per column; with a gate ≠ 0 (the ReLU's input, laid out like
   * dy), then reluGrad's dy where gate > 0, else 0.
   */
  bnBack(
    dy: number,
    xhat: number,
    stride: number,
    rows: number,
    d: number,
    scale: number,
    s1: number,
    s2: number,
    n: number,
    gate: number,
  ): void;
  /** x = max(x, 0) on `count` floats. */
  relu(x: number, count: number): void;
  /**
   * Each value dropped with probability rate, else scaled: dst = src·(0 or scale); mask gets one byte per value
   * (0xFF kept, 0 dropped) at byte offset `mask`; s0..s3 start the four lanes' random streams.
   */
  dropout(
    src: number,
    dst: number,
    mask: number,
    count: number,
    rate: number,
    scale: number,
    s0: number,
    s1: number,
    s2: number,
    s3: number,
  ): void;
  /** d = d·(0 or scale), by dropout's mask bytes at m. */
  mulMask(d: number, m: number, count: number, scale: number): void;
  /** d = d·(0 or scale) where a > 0, else 0 (mulMask then reluGrad, bit for bit). */
  maskReluGrad(d: number, m: number, a: number, count: number, scale: number): void;
  /**
   * One model's step rows from packed rows (packed-rows.ts; `cols` history floats a row): row j of the staged
   * arrays is packed row pick[j] (int32) for j < n, coefficient weight ÷ div (0 when div is 0), real 1;
   * rows n … b − 1 padding (0). Returns the sum of its touch pass (to be ignored).
   */
  stageRows(
    packed: number,
    pick: number,
    n: number,
    b: number,
    cols: number,
    hist: number,
    user: number,
    topic: number,
    difficulty: number,
    target: number,
    coef: number,
    real: number,
    div: number,
  ): number;
  /** dst[r, 0..cols) = src[r, 0..cols), rows dstStride and srcStride floats apart. */
  copyRows(dst: number, src: number, rows: number, cols: number, dstStride: number, srcStride: number): void;
  /** dst[r, 0..dim) = table[idx[r], 0..dim) (idx int32 per row; dst rows dstStride floats apart). */
  gatherRows(dst: number, table: number, idx: number, rows: number, dim: number, dstStride: number): void;
  /** table[idx[r], 0..dim) += src[r, 0..dim), rows in order (src rows srcStride floats apart). */
  scatterAddRows(table: number, idx: number, src: number, rows: number, dim: number, srcStride: number): void;
  /** dst[r, c] += src[r, c] for c < cols, rows `stride` floats apart in both. */
  addCols(dst: number, src: number, rows: number, cols: number, stride: number): void;
  /** d = d where a > 0, else 0. */
  reluGrad(d: number, a: number, count: number): void;
  /** Adam on `count` (% 4 = 0) floats: m += c1(g − m); v += c2(g² − v); p −= lr·m / (√(v / bc2) + eps). */
  adam(
    p: number,
    g: number,
    m: number,
    v: number,
    count: number,
    c1: number,
    c2: number,
    lr: number,
    bc2: number,
    eps: number,
  ): void;
}

let compiled: WebAssembly.Module | null | undefined;

function bytes(): Uint8Array<ArrayBuffer> {
  const text = atob(SIMD_KERNELS_BASE64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** The compiled module, or null where this engine has no wasm SIMD (then training uses tfjs ops). */
function kernelModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      const code = bytes();
      compiled =
        typeof WebAssembly === 'object' && WebAssembly.validate(code) ? new WebAssembly.Module(code) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

export function simdKernelsAvailable(): boolean {
  return kernelModule() !== null;
}

const PAGE = 65_536;

/** Kernels over a fresh memory of at least `floats` floats. */
export function instantiateKernels(floats: number): SimdKernels {
  const module = kernelModule();
  if (!module) throw new Error('this JavaScript engine does not run WebAssembly SIMD');
  const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil((floats * 4) / PAGE)) });
  const { exports } = new WebAssembly.Instance(module, { env: { memory } });
  return { f32: new Float32Array(memory.buffer), ...(exports as unknown as Omit<SimdKernels, 'f32'>) };
}
