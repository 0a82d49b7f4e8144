import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWasmSegmentSum } from './wasm-segment-sum';

describe('UnsortedSegmentSum on wasm', () => {
  beforeAll(async () => {
    registerWasmSegmentSum();
    expect(await tf.setBackend('wasm')).toBe(true);
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('sums rows into segments like the cpu kernel, dropping out-of-range ids', () => {
    const x = tf.tensor2d([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ]);
    const ids = tf.tensor1d([2, 0, 2, 9], 'int32');
    expect(tf.unsortedSegmentSum(x, ids, 3).arraySync()).toEqual([
      [3, 4],
      [0, 0],
      [6, 8],
    ]);
    tf.dispose([x, ids]);
  });

  it('lets an embedding lookup be differentiated (the gather gradient)', () => {
    const table = tf.variable(
      tf.tensor2d([
        [0, 0],
        [0, 0],
        [0, 0],
      ]),
    );
    const idx = tf.tensor1d([0, 2, 2], 'int32');
    const grads = tf.grad((t: tf.Tensor) =>
      tf
        .gather(t, idx)
        .mul(
          tf.tensor2d([
            [1, 2],
            [3, 4],
            [5, 6],
          ]),
        )
        .sum(),
    )(table);
    expect(grads.arraySync()).toEqual([
      [1, 2],
      [0, 0],
      [8, 10],
    ]);
    tf.dispose([table, idx, grads]);
  });
});
