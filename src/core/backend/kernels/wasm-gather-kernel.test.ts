import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { activateBackend } from '../activate-backend';
import { registerWasmGather } from './wasm-gather-kernel';

const table = Float32Array.from({ length: 7 * 3 }, (_, i) => i * 0.5 - 4);
const rowsOf = (ids: number[]) =>
  tf.tidy(() => Array.from(tf.gather(tf.tensor2d(table, [7, 3]), tf.tensor1d(ids, 'int32')).dataSync()));

describe('registerWasmGather', () => {
  afterAll(async () => {
    await activateBackend('cpu');
  });

  it('picks the same rows as the cpu backend, keeps other gathers working, and leaks nothing', async () => {
    const ids = [6, 0, 3, 3, 1];
    await activateBackend('cpu');
    const reference = rowsOf(ids);
    const other = tf.tidy(() =>
      Array.from(tf.gather(tf.tensor2d(table, [7, 3]), tf.tensor1d([2, 0], 'int32'), 1).dataSync()),
    );
    await activateBackend('wasm');
    registerWasmGather();
    const before = tf.memory().numTensors;
    expect(rowsOf(ids)).toEqual(reference);
    expect(
      tf.tidy(() =>
        Array.from(tf.gather(tf.tensor2d(table, [7, 3]), tf.tensor1d([2, 0], 'int32'), 1).dataSync()),
      ),
    ).toEqual(other);
    // Out of range gives a row of zeros (tfjs only checks indices on its CPU backends).
    expect(rowsOf([7]).every((v) => v === 0)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });
});
