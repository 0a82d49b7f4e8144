import { describe, expect, it } from 'vitest';
import { assembleKernels, binaryModuleText } from '../../../scripts/assemble-kernels';
import { createRng } from '../random/rng';
import { SIMD_KERNELS_BASE64 } from './simd-kernels-binary';
import { instantiateKernels, simdKernelsAvailable } from './simd-kernels';

const rng = createRng('kernels');
const fill = (f: Float32Array, at: number, n: number) => {
  for (let i = 0; i < n; i++) f[at + i] = rng.next() * 2 - 1;
};
const close = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i] as number, 5);
};

describe('simd kernels', () => {
  it('are what simd-kernels.wat assembles to (run `npm run kernels` after editing it)', async () => {
    const text = binaryModuleText(await assembleKernels());
    expect(text).toContain(SIMD_KERNELS_BASE64);
  });

  it('load here (Node has wasm SIMD)', () => {
    expect(simdKernelsAvailable()).toBe(true);
  });

  // Widths 20 and 36 take both the 16-wide and the 4-wide paths; `inDim` 7 is not a multiple of 4.
  it.each([
    [5, 7, 20],
    [3, 13, 36],
    [1, 4, 4],
  ])('dense, gradW and backIn match plain loops (rows %i, in %i, n %i)', (rows, inDim, n) => {
    const k = instantiateKernels(4096);
    const f = k.f32;
    const [x, w, b, out, d, g, dx] = [0, 256, 1024, 1280, 1536, 2048, 3072];
    fill(f, x, rows * inDim);
    fill(f, w, inDim * n);
    fill(f, b, n);
    fill(f, d, rows * n);
    fill(f, g, inDim * n);
    const g0 = f.slice(g, g + inDim * n);
    k.dense(4 * x, 4 * w, 4 * b, 4 * out, rows, inDim, n);
    k.gradW(4 * x, 4 * d, 4 * g, rows, inDim, n);
    k.backIn(4 * d, 4 * w, 4 * dx, rows, n, inDim);
    const at = (base: number, i: number) => f[base + i] as number;
    const wantOut: number[] = [];
    const wantDx: number[] = [];
    for (let r = 0; r < rows; r++)
      for (let j = 0; j < n; j++) {
        let s = at(b, j);
        for (let i = 0; i < inDim; i++) s += at(x, r * inDim + i) * at(w, i * n + j);
        wantOut.push(s);
      }
    const wantG = Array.from(g0, (v, ij) => {
      const [i, j] = [Math.floor(ij / n), ij % n];
      let s = v;
      for (let r = 0; r < rows; r++) s += at(x, r * inDim + i) * at(d, r * n + j);
      return s;
    });
    for (let r = 0; r < rows; r++)
      for (let i = 0; i < inDim; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += at(d, r * n + j) * at(w, i * n + j);
        wantDx.push(s);
      }
    close(f.subarray(out, out + rows * n), wantOut);
    close(f.subarray(g, g + inDim * n), wantG);
    close(f.subarray(dx, dx + rows * inDim), wantDx);
  });

  it('adam matches the formula of tfjs AdamOptimizer', () => {
    const k = instantiateKernels(1024);
    const f = k.f32;
    const [p, g, m, v] = [0, 64, 128, 192];
    fill(f, p, 8);
    fill(f, g, 8);
    fill(f, m, 8);
    for (let i = 0; i < 8; i++) f[v + i] = rng.next();
    const before = f.slice(0, 256);
    const [c1, c2, lr, bc2, eps] = [0.1, 0.001, 0.01, 0.002, 1e-7];
    k.adam(4 * p, 4 * g, 4 * m, 4 * v, 8, c1, c2, lr, bc2, eps);
    for (let i = 0; i < 8; i++) {
      const gi = before[g + i] as number;
      const mi = (before[m + i] as number) + c1 * (gi - (before[m + i] as number));
      const vi = (before[v + i] as number) + c2 * (gi * gi - (before[v + i] as number));
      expect(f[m + i]).toBeCloseTo(mi, 6);
      expect(f[v + i]).toBeCloseTo(vi, 6);
      expect(f[p + i]).toBeCloseTo((before[p + i] as number) - (lr * mi) / (Math.sqrt(vi / bc2) + eps), 5);
    }
  });
});
