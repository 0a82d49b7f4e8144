// The kernels of the step that are not products: BatchNorm's sums and passes, ReLU and the masks, and the
// row kernels that stage, gather and scatter a step's rows. Each against a plain loop; the fused and
// blocked ones against their parts, bit for bit.
import { describe, expect, it } from 'vitest';
import { batchNormBackward } from './simd-batch-norm';
import { instantiateKernels } from './simd-kernels';
import { kernelTestData } from './simd-kernels.test-helper';

const { fill, rng } = kernelTestData('kernel passes');

describe('simd kernels: passes over rows', () => {
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
    k.colSums2(4 * (dy + col), 4 * (xhat + col), stride, rows, d, 4 * s1, 4 * s2, 0, 1);
    k.bnBack(4 * (dy + col), 4 * (xhat + col), stride, rows, d, 4 * scale, 4 * s1, 4 * s2, rows, 0);
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
      k.colSums2(
        4 * (dy + col + c),
        4 * (xhat + col + c),
        stride,
        rows,
        4,
        4 * (s14 + c),
        4 * (s24 + c),
        0,
        1,
      );
    }
    k.colMeanVar(4 * (x + col), stride, rows, d, 4 * mean, 4 * variance);
    k.colSums2(4 * (dy + col), 4 * (xhat + col), stride, rows, d, 4 * s1, 4 * s2, 0, 1);
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
    const scale = 1 / 0.7;
    fill(f, a, 16);
    fill(f, g, 16);
    // Dropout's mask: a byte a value, 0xFF kept (× scale), 0 dropped.
    const bytes = new Uint8Array(f.buffer, 4 * m, 16);
    bytes.set(Array.from({ length: 16 }, (_, i) => (i % 3 === 1 ? 0 : 0xff)));
    const m0 = Array.from(bytes, (b) => (b ? Math.fround(scale) : 0));
    const [a0, g0] = [f.slice(a, a + 16), f.slice(g, g + 16)];
    k.relu(4 * a, 16);
    k.mulMask(4 * g, 4 * m, 16, scale);
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
    k.mulMask(4 * g, 4 * m, 16, scale);
    k.reluGrad(4 * g, 4 * z, 16);
    k.maskReluGrad(4 * fused, 4 * m, 4 * z, 16, scale);
    expect(Array.from(f.subarray(fused, fused + 16))).toEqual(Array.from(f.subarray(g, g + 16)));
    expect(f.subarray(z, z + 16).some((v) => v <= 0)).toBe(true);
  });

  it.each([
    [5, 8, 0.3],
    [3, 64, 0.5],
  ])('bnApplyDropout gives the bits of bnApply then dropout (rows %i, d %i, rate %f)', (rows, d, rate) => {
    const k = instantiateKernels(8192);
    const f = k.f32;
    const [x, y, xhat, mask, y2, xhat2, mask2, mean, inv, gamma, beta] = [
      0, 512, 1024, 1536, 2048, 2560, 3072, 3584, 3712, 3840, 3968,
    ];
    for (const [at, count] of [
      [x, rows * d],
      [mean, d],
      [inv, d],
      [gamma, d],
      [beta, d],
    ] as const)
      fill(f, at, count);
    const seeds = [0x12345678, 0x9abcdef0, 7, 0xdeadbeef] as const;
    k.bnApply(4 * x, 4 * y, 4 * xhat, d, rows, d, 4 * mean, 4 * inv, 4 * gamma, 4 * beta);
    k.dropout(4 * y, 4 * y, 4 * mask, rows * d, rate, 1 / (1 - rate), ...seeds);
    k.bnApplyDropout(
      4 * x,
      4 * y2,
      4 * xhat2,
      rows * d,
      d,
      4 * mean,
      4 * inv,
      4 * gamma,
      4 * beta,
      4 * mask2,
      rate,
      1 / (1 - rate),
      ...seeds,
    );
    for (const [a, b] of [
      [y, y2],
      [xhat, xhat2],
    ] as const)
      expect(Array.from(f.subarray(b, b + rows * d))).toEqual(Array.from(f.subarray(a, a + rows * d)));
    // The masks: a byte a value, 0xFF kept and 0 dropped, the same from both.
    const bytes = (at: number) => Array.from(new Uint8Array(f.buffer, 4 * at, rows * d));
    expect(bytes(mask2)).toEqual(bytes(mask));
    expect(new Set(bytes(mask))).toEqual(new Set([0, 0xff]));
  });

  // d 20: the sixteen-column and four-column paths of colSums2. Trained (batch statistics) and frozen.
  it.each([
    ['trained', true],
    ['frozen', false],
  ])(
    "the trunk's BatchNorm backward with dropout's mask and the ReLU's gate fused: the bits of the four passes (%s)",
    (_, trained) => {
      const k = instantiateKernels(8192);
      const f = k.f32;
      const [rows, d] = [5, 20];
      const [dy, ref, xhat, m, z, gamma, beta, mean, variance, inv, gg, gb] = [
        0, 128, 256, 384, 512, 640, 672, 704, 736, 768, 800, 850,
      ];
      const [s1, s2, sMean, sInv, scale] = [900, 940, 980, 1020, 1060];
      for (const at of [dy, xhat, z, gamma, beta, mean])
        fill(f, at, at === dy || at === xhat || at === z ? rows * d : d);
      for (let c = 0; c < d; c++) [f[variance + c], f[inv + c]] = [0.5 + rng.next(), 0.5 + rng.next()];
      const maskBytes = new Uint8Array(f.buffer, 4 * m, rows * d);
      for (let i = 0; i < rows * d; i++) maskBytes[i] = rng.next() < 0.3 ? 0 : 0xff;
      f.copyWithin(ref, dy, dy + rows * d);
      const p = { gamma, beta, mean, variance };
      const trace = { xhat, inv };
      const scratch = { mean: sMean, inv: sInv, s1, s2, scale };
      const grads = (g: number) => (trained ? { gamma: g, beta: g + d } : null);
      f.fill(0, gg, gb + 2 * d);
      const block = (at: number) => ({ at, stride: d, col: 0, d, n: rows });
      k.mulMask(4 * ref, 4 * m, rows * d, 1 / 0.7);
      batchNormBackward(k, block(ref), p, trace, scratch, grads(gg));
      k.reluGrad(4 * ref, 4 * z, rows * d);
      batchNormBackward(k, block(dy), p, trace, scratch, grads(gb), {
        mask: { at: m, scale: 1 / 0.7 },
        gate: z,
      });
      expect(Array.from(f.subarray(dy, dy + rows * d))).toEqual(Array.from(f.subarray(ref, ref + rows * d)));
      expect(Array.from(f.subarray(gb, gb + 2 * d))).toEqual(Array.from(f.subarray(gg, gg + 2 * d)));
      expect(maskBytes.some((v) => v === 0)).toBe(true);
      expect(f.subarray(z, z + rows * d).some((v) => v <= 0)).toBe(true);
    },
  );

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
});
