import { describe, expect, it } from 'vitest';
import { assembleKernels, binaryModuleText } from '../../../../scripts/assemble-kernels';
import { SIMD_KERNELS_BASE64 } from './simd-kernels-binary';
import { instantiateKernels, simdKernelsAvailable } from './simd-kernels';
import { kernelTestData } from './simd-kernels.test-helper';

const { fill, close, rng } = kernelTestData('kernels');

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
    k.gradW(4 * x, 4 * d, 4 * g, rows, inDim, n, 0);
    k.backIn(4 * d, 4 * w, 4 * dx, rows, n, inDim, inDim);
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

  // Blocking (two rows, two inputs or four outputs at a time) must not change a single bit: each output
  // is the sum it would be alone, so a batch's results never depend on its size or an output's neighbours.
  it.each([
    [7, 13, 36],
    [6, 53, 64],
    [3, 5, 32],
    [70, 13, 36],
  ])('give every output the bits it gets alone (rows %i, in %i, n %i)', (rows, inDim, n) => {
    const k = instantiateKernels(1 << 16);
    const f = k.f32;
    const [x, w, b, out, d, g, dx, one] = [0, 2048, 6144, 6400, 9000, 12000, 16000, 20000];
    fill(f, x, rows * inDim);
    fill(f, w, inDim * n);
    fill(f, b, n);
    fill(f, d, rows * n);
    fill(f, g, inDim * n);
    const g0 = f.slice(g, g + inDim * n);
    k.dense(4 * x, 4 * w, 4 * b, 4 * out, rows, inDim, n);
    // denseRelu is relu(dense) bit for bit (the fill gives negative sums as well as positive ones).
    k.denseRelu(4 * x, 4 * w, 4 * b, 4 * dx, rows, inDim, n);
    const sums = Array.from(f.subarray(out, out + rows * n));
    expect(sums.some((v) => v < 0)).toBe(true);
    expect(Array.from(f.subarray(dx, dx + rows * n))).toEqual(sums.map((v) => Math.max(v, 0)));
    k.gradW(4 * x, 4 * d, 4 * g, rows, inDim, n, 0);
    const stride = inDim + 3; // dx rows wider than the outputs computed
    k.backIn(4 * d, 4 * w, 4 * dx, rows, n, inDim, stride);
    for (let r = 0; r < rows; r++) {
      k.dense(4 * (x + r * inDim), 4 * w, 4 * b, 4 * one, 1, inDim, n);
      expect(Array.from(f.subarray(out + r * n, out + (r + 1) * n))).toEqual(
        Array.from(f.subarray(one, one + n)),
      );
      for (let i = 0; i < inDim; i++) {
        k.backIn(4 * (d + r * n), 4 * (w + i * n), 4 * one, 1, n, 1, 1);
        expect(f[dx + r * stride + i]).toBe(f[one]);
      }
    }
    // gradW adds the rows in order, blocks of rows or not: the sums of a plain loop in float32.
    for (let i = 0; i < inDim; i++)
      for (let j = 0; j < n; j++) {
        let sum = g0[i * n + j] as number;
        for (let r = 0; r < rows; r++)
          sum = Math.fround(
            sum + Math.fround((f[x + r * inDim + i] as number) * (f[d + r * n + j] as number)),
          );
        expect(f[g + i * n + j]).toBe(sum);
      }
    // gradW of one input column alone: a column of x copied out, g's row put back to where it started.
    for (let i = 0; i < inDim; i++) {
      for (let r = 0; r < rows; r++) f[one + 64 + r] = f[x + r * inDim + i] as number;
      f.set(g0.subarray(i * n, (i + 1) * n), one);
      k.gradW(4 * (one + 64), 4 * d, 4 * one, rows, 1, n, 0);
      expect(Array.from(f.subarray(g + i * n, g + (i + 1) * n))).toEqual(
        Array.from(f.subarray(one, one + n)),
      );
    }
    // A bias beside the weights: gradW of a column of ones, bit for bit, the weights' sums unchanged.
    const [ones, bias, alone] = [24000, 28000, 30000];
    f.fill(1, ones, ones + rows);
    fill(f, bias, n);
    f.copyWithin(alone, bias, bias + n);
    f.set(g0, g);
    k.gradW(4 * x, 4 * d, 4 * g, rows, inDim, n, 4 * bias);
    k.gradW(4 * ones, 4 * d, 4 * alone, rows, 1, n, 0);
    expect(Array.from(f.subarray(bias, bias + n))).toEqual(Array.from(f.subarray(alone, alone + n)));
    const withBias = f.slice(g, g + inDim * n);
    f.set(g0, g);
    k.gradW(4 * x, 4 * d, 4 * g, rows, inDim, n, 0);
    expect(Array.from(withBias)).toEqual(Array.from(f.subarray(g, g + inDim * n)));
  });

  it('dropout keeps each value with probability 1 − rate, scaled by 1/(1 − rate), reproducibly per seed', () => {
    const k = instantiateKernels(4 * 40_000 + 64);
    const f = k.f32;
    const count = 12_000;
    const [src, dst, mask] = [0, count, 2 * count];
    fill(f, src, count);
    // The mask: a byte a value at byte offset 4 · mask, 0xFF kept and 0 dropped.
    const run = (seeds: [number, number, number, number]) => {
      k.dropout(4 * src, 4 * dst, 4 * mask, count, 0.3, 1 / 0.7, ...seeds);
      return new Uint8Array(f.buffer, 4 * mask, count).slice();
    };
    const first = run([0, 1, 2, 3]);
    expect(new Set(first)).toEqual(new Set([0, 0xff]));
    const kept = first.filter((v) => v !== 0);
    // 12,000 draws: the kept share is within 4 standard errors (0.0042 each) of 0.7.
    expect(Math.abs(kept.length / count - 0.7)).toBeLessThan(0.017);
    for (let i = 0; i < count; i += 997)
      expect(f[dst + i]).toBe(Math.fround((f[src + i] as number) * (first[i] ? Math.fround(1 / 0.7) : 0)));
    expect(run([0, 1, 2, 3])).toEqual(first);
    expect(run([5, 6, 7, 8])).not.toEqual(first);
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
