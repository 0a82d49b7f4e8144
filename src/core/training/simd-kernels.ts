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
  /** g[i, :] += Σ_r a[r, i] · d[r, :]   (a [rows, in], d [rows, n], g [in, n], n % 4 = 0). */
  gradW(a: number, d: number, g: number, rows: number, inDim: number, n: number): void;
  /** dx[r, i] = Σ_j d[r, j] · w[i, j]   (d [rows, n], w [in, n], dx [rows, in], n % 4 = 0). */
  backIn(d: number, w: number, dx: number, rows: number, n: number, inDim: number): void;
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
