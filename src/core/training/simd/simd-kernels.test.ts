import { describe, expect, it } from 'vitest';
import { assembleKernels, binaryModuleText } from '../../../../scripts/assemble-kernels';
import { createRng } from '../../random/rng';
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
    k.gradW(4 * x, 4 * d, 4 * g, rows, inDim, n);
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
          sum = Math.fround(sum + Math.fround((f[x + r * inDim + i] as number) * (f[d + r * n + j] as number)));
        expect(f[g + i * n + j]).toBe(sum);
      }
    // gradW of one input column alone: a column of x copied out, g's row put back to where it started.
    for (let i = 0; i < inDim; i++) {
      for (let r = 0; r < rows; r++) f[one + 64 + r] = f[x + r * inDim + i] as number;
      f.set(g0.subarray(i * n, (i + 1) * n), one);
      k.gradW(4 * (one + 64), 4 * d, 4 * one, rows, 1, n);
      expect(Array.from(f.subarray(g + i * n, g + (i + 1) * n))).toEqual(
        Array.from(f.subarray(one, one + n)),
      );
    }
  });

  // d 8 takes the four-column paths; d 20 the sixteen-column paths of the column sums as well.
  it.each([
    [6, 14, 4, 8],
    [7, 27, 3, 20],
  ])('BatchNorm passes match plain loops (rows %i, stride %i, columns %i + %i)', (rows, stride, col, d) => {
    const k = instantiateKernels(8192);
    const f = k.f32;
    const [x, y, xhat, mean, variance, inv, gamma, beta, s1, s2, scale] = [
      0, 256, 512, 768, 800, 832, 864, 896, 928, 960, 992,
    ];
    fill(f, x, rows * stride);
    fill(f, gamma, d);
    fill(f, beta, d);
    fill(f, scale, d);
    for (let c = 0; c < d; c++) f[inv + c] = 0.5 + rng.next();
    const cell = (base: number, r: number, c: number) => f[base + r * stride + col + c] as number;
    k.colMeanVar(4 * (x + col), stride, rows, d, 4 * mean, 4 * variance);
    for (let c = 0; c < d; c++) {
      const values = Array.from({ length: rows }, (_, r) => cell(x, r, c));
      const m = values.reduce((a, b) => a + b, 0) / rows;
      expect(f[mean + c]).toBeCloseTo(m, 5);
      expect(f[variance + c]).toBeCloseTo(values.reduce((a, v) => a + (v - m) ** 2, 0) / rows, 5);
    }
    k.bnApply(
      4 * (x + col),
      4 * (y + col),
      4 * (xhat + col),
      stride,
      rows,
      d,
      4 * mean,
      4 * inv,
      4 * gamma,
      4 * beta,
    );
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < d; c++) {
        const h = (cell(x, r, c) - (f[mean + c] as number)) * (f[inv + c] as number);
        expect(cell(xhat, r, c)).toBeCloseTo(h, 5);
        expect(cell(y, r, c)).toBeCloseTo(h * (f[gamma + c] as number) + (f[beta + c] as number), 5);
      }
    const dy = y; // the forward output stands in for an incoming gradient
    const before = f.slice(dy, dy + rows * stride);
    k.colSums2(4 * (dy + col), 4 * (xhat + col), stride, rows, d, 4 * s1, 4 * s2);
    k.bnBack(4 * (dy + col), 4 * (xhat + col), stride, rows, d, 4 * scale, 4 * s1, 4 * s2, rows);
    for (let c = 0; c < d; c++) {
      let sum1 = 0;
      let sum2 = 0;
      for (let r = 0; r < rows; r++) {
        sum1 += before[r * stride + col + c] as number;
        sum2 += (before[r * stride + col + c] as number) * cell(xhat, r, c);
      }
      expect(f[s1 + c]).toBeCloseTo(sum1, 5);
      expect(f[s2 + c]).toBeCloseTo(sum2, 5);
      for (let r = 0; r < rows; r++) {
        const g = before[r * stride + col + c] as number;
        expect(cell(dy, r, c)).toBeCloseTo(
          (f[scale + c] as number) * (rows * g - sum1 - cell(xhat, r, c) * sum2),
          4,
        );
      }
    }
    // Columns outside the block are left alone.
    expect(f[dy + col - 1]).toBe(before[col - 1]);
    // Sixteen columns at a time give each column the bits it gets in a block of four.
    const [mean4, var4, s14, s24] = [1100, 1200, 1300, 1400];
    for (let c = 0; c < d; c += 4) {
      k.colMeanVar(4 * (x + col + c), stride, rows, 4, 4 * (mean4 + c), 4 * (var4 + c));
      k.colSums2(4 * (dy + col + c), 4 * (xhat + col + c), stride, rows, 4, 4 * (s14 + c), 4 * (s24 + c));
    }
    k.colMeanVar(4 * (x + col), stride, rows, d, 4 * mean, 4 * variance);
    k.colSums2(4 * (dy + col), 4 * (xhat + col), stride, rows, d, 4 * s1, 4 * s2);
    for (const [wide, four] of [
      [mean, mean4],
      [variance, var4],
      [s1, s14],
      [s2, s24],
    ] as const)
      expect(Array.from(f.subarray(wide, wide + d))).toEqual(Array.from(f.subarray(four, four + d)));
  });

  it('ReLU and masks match plain loops; the fused ones give the bits of their parts', () => {
    const k = instantiateKernels(8192);
    const f = k.f32;
    const [a, g, m] = [1000, 1100, 1200];
    fill(f, a, 16);
    fill(f, g, 16);
    fill(f, m, 16);
    const [a0, g0, m0] = [f.slice(a, a + 16), f.slice(g, g + 16), f.slice(m, m + 16)];
    k.relu(4 * a, 16);
    k.mulMask(4 * g, 4 * m, 16);
    expect(Array.from(f.subarray(a, a + 16))).toEqual(Array.from(a0, (v) => Math.max(v, 0)));
    expect(Array.from(f.subarray(g, g + 16))).toEqual(
      Array.from(g0, (v, i) => Math.fround(v * (m0[i] as number))),
    );
    const g1 = f.slice(g, g + 16);
    k.reluGrad(4 * g, 4 * a, 16);
    expect(Array.from(f.subarray(g, g + 16))).toEqual(
      Array.from(g1, (v, i) => ((f[a + i] as number) > 0 ? v : 0)),
    );
    // denseRelu's ReLU is relu's on the edge cases too: −0 becomes +0, NaN stays NaN.
    const [xs, ws, bs, plain, fusedOut] = [1500, 1504, 1508, 1512, 1516];
    f[xs] = -1;
    f.fill(0, ws, ws + 4);
    f.set([-0, NaN, -2, 3], bs);
    k.dense(4 * xs, 4 * ws, 4 * bs, 4 * plain, 1, 1, 4);
    expect(Object.is(f[plain], -0)).toBe(true);
    k.relu(4 * plain, 4);
    k.denseRelu(4 * xs, 4 * ws, 4 * bs, 4 * fusedOut, 1, 1, 4);
    expect(Array.from(f.subarray(fusedOut, fusedOut + 4))).toEqual([0, NaN, 0, 3]);
    expect(Object.is(f[fusedOut], 0)).toBe(true);
    expect(Array.from(f.subarray(fusedOut, fusedOut + 4))).toEqual(Array.from(f.subarray(plain, plain + 4)));
    // maskReluGrad = mulMask then reluGrad, on the gradient before either (a holds negatives as well).
    const [fused, z] = [1300, 1400];
    fill(f, z, 16);
    f.set(g0, fused);
    f.set(g0, g);
    k.mulMask(4 * g, 4 * m, 16);
    k.reluGrad(4 * g, 4 * z, 16);
    k.maskReluGrad(4 * fused, 4 * m, 4 * z, 16);
    expect(Array.from(f.subarray(fused, fused + 16))).toEqual(Array.from(f.subarray(g, g + 16)));
    expect(f.subarray(z, z + 16).some((v) => v <= 0)).toBe(true);
  });

  // Widths 13 (three vectors and a float) and 8; rows apart by more than they hold; an index used twice.
  it.each([
    [13, 17],
    [8, 9],
  ])('copyRows, gatherRows and scatterAddRows match plain loops (cols %i, stride %i)', (cols, stride) => {
    const k = instantiateKernels(4096);
    const f = k.f32;
    const ints = new Int32Array(f.buffer);
    const rows = 4;
    const [dst, src, table, idx, grad] = [0, 512, 1024, 2048, 3072];
    fill(f, src, rows * stride);
    fill(f, table, 5 * cols);
    fill(f, dst, rows * stride);
    ints.set([3, 0, 3, 4], idx);
    const before = f.slice(dst, dst + rows * stride);
    k.copyRows(4 * dst, 4 * src, rows, cols, stride, stride);
    const copied = Array.from(before, (v, i) => (i % stride < cols ? (f[src + i] as number) : v));
    expect(Array.from(f.slice(dst, dst + rows * stride))).toEqual(copied);

    k.gatherRows(4 * dst, 4 * table, 4 * idx, rows, cols, stride);
    const gathered = Array.from(copied, (v, i) => {
      const [r, c] = [Math.floor(i / stride), i % stride];
      return c < cols ? (f[table + (ints[idx + r] as number) * cols + c] as number) : v;
    });
    expect(Array.from(f.slice(dst, dst + rows * stride))).toEqual(gathered);

    f.fill(0, grad, grad + 5 * cols);
    k.scatterAddRows(4 * grad, 4 * idx, 4 * src, rows, cols, stride);
    const summed = new Float32Array(5 * cols);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const at = (ints[idx + r] as number) * cols + c;
        summed[at] = (summed[at] as number) + (f[src + r * stride + c] as number);
      }
    expect(Array.from(f.slice(grad, grad + 5 * cols))).toEqual(Array.from(summed));
  });

  // 7 columns take the 4-wide path and the one-by-one tail; the other columns of each row stay as they were.
  it.each([
    [3, 7, 11],
    [2, 8, 8],
  ])('addCols adds the first columns of each row (rows %i, cols %i, stride %i)', (rows, cols, stride) => {
    const k = instantiateKernels(1024);
    const f = k.f32;
    const [dst, src] = [0, 256];
    fill(f, dst, rows * stride);
    fill(f, src, rows * stride);
    const want = Array.from(f.slice(dst, dst + rows * stride), (v, i) =>
      i % stride < cols ? Math.fround(v + (f[src + i] as number)) : v,
    );
    k.addCols(4 * dst, 4 * src, rows, cols, stride);
    expect(Array.from(f.slice(dst, dst + rows * stride))).toEqual(want);
  });

  it('dropout keeps each value with probability 1 − rate, scaled by 1/(1 − rate), reproducibly per seed', () => {
    const k = instantiateKernels(4 * 40_000 + 64);
    const f = k.f32;
    const count = 12_000;
    const [src, dst, mask] = [0, count, 2 * count];
    fill(f, src, count);
    const run = (seeds: [number, number, number, number]) => {
      k.dropout(4 * src, 4 * dst, 4 * mask, count, 0.3, 1 / 0.7, ...seeds);
      return f.slice(mask, mask + count);
    };
    const first = run([0, 1, 2, 3]);
    const kept = first.filter((v) => v !== 0);
    expect(new Set(kept)).toEqual(new Set([Math.fround(1 / 0.7)]));
    // 12,000 draws: the kept share is within 4 standard errors (0.0042 each) of 0.7.
    expect(Math.abs(kept.length / count - 0.7)).toBeLessThan(0.017);
    for (let i = 0; i < count; i += 997)
      expect(f[dst + i]).toBe(Math.fround((f[src + i] as number) * (first[i] as number)));
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
