import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { registerSegmentSumKernels } from './segment-sum-kernels';

describe.each(['wasm', 'cpu'])('UnsortedSegmentSum on %s', (backend) => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('sums rows into segments, dropping out-of-range ids, and differentiates an embedding lookup', async () => {
    registerSegmentSumKernels();
    expect(await tf.setBackend(backend)).toBe(true);
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
    const table = tf.variable(tf.zeros([3, 2]));
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
    tf.dispose([x, ids, table, idx, grads]);
  });
});
