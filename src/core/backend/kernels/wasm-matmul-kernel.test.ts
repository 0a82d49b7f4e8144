import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { activateBackend } from '../activate-backend';
import { createRng } from '../../random/rng';
import { registerWasmMatMul } from './wasm-matmul-kernel';

const rng = createRng(3);
const values = (n: number) => Float32Array.from({ length: n }, () => rng.normal());
const CASES: { a: number[]; b: number[]; ta: boolean; tb: boolean }[] = [
  { a: [3, 5, 4], b: [3, 4, 6], ta: false, tb: false },
  { a: [3, 5, 6], b: [3, 4, 6], ta: false, tb: true },
  { a: [3, 5, 4], b: [3, 5, 6], ta: true, tb: false },
  { a: [2, 5, 4], b: [2, 6, 5], ta: true, tb: true },
  { a: [1, 9, 4], b: [1, 9, 6], ta: true, tb: false },
  { a: [1, 9, 4], b: [1, 4, 6], ta: false, tb: false },
  { a: [4, 3], b: [3, 2], ta: false, tb: false },
  { a: [1, 5, 4], b: [3, 4, 6], ta: false, tb: false },
];
const inputs = CASES.map((c) => ({
  ...c,
  av: values(c.a.reduce((x, y) => x * y)),
  bv: values(c.b.reduce((x, y) => x * y)),
}));

async function products(): Promise<{ shape: number[]; data: Float32Array }[]> {
  return Promise.all(
    inputs.map(async (c) => {
      const out = tf.tidy(() => tf.matMul(tf.tensor(c.av, c.a), tf.tensor(c.bv, c.b), c.ta, c.tb));
      const data = (await out.data()) as Float32Array;
      out.dispose();
      return { shape: out.shape, data };
    }),
  );
}

describe('registerWasmMatMul', () => {
  afterAll(async () => {
    await activateBackend('cpu');
  });

  it('gives the products of the cpu backend for batches, transposes and broadcasting, leaking nothing', async () => {
    await activateBackend('cpu');
    const reference = await products();
    await activateBackend('wasm');
    registerWasmMatMul();
    const before = tf.memory().numTensors;
    const bytesBefore = (tf.memory() as { numBytes: number }).numBytes;
    const wrapped = await products();
    expect(tf.memory().numTensors).toBe(before);
    expect((tf.memory() as { numBytes: number }).numBytes).toBe(bytesBefore);
    wrapped.forEach((w, i) => {
      const ref = reference[i] as { shape: number[]; data: Float32Array };
      expect(w.shape).toEqual(ref.shape);
      w.data.forEach((v, j) => expect(v).toBeCloseTo(ref.data[j] as number, 4));
    });
  });
});
