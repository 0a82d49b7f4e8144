// Prediction in chunks gives every row the bits one pass over all rows gives it (a row's arithmetic does not
// depend on its neighbours), on each CPU backend the lab predicts with (here, since it activates backends).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { activateBackend } from './activate-backend';
import { createVocabulary } from '../features/encoders';
import { FEATURE_COUNT } from '../features/history-features';
import { createRng } from '../random/rng';
import { ARCHITECTURES } from '../model/architecture';
import { forward } from '../model/forward';
import {
  createTwoHeadModel,
  disposeTwoHeadModel,
  inputTensors,
  PREDICT_CHUNK,
  predictTwoHeads,
} from '../model/two-head-model';

describe('predictTwoHeads', () => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(['cpu', 'wasm'] as const)('predicts in chunks exactly as in one pass (%s)', async (backend) => {
    expect((await activateBackend(backend)).ok).toBe(true);
    const rng = createRng('chunks');
    const encoders = {
      user: createVocabulary(['a', 'b', 'c']),
      topic: createVocabulary(['t1', 't2']),
      difficulty: createVocabulary(['easy', 'medium', 'hard']),
    };
    const timeScale = { mean: 3, std: 1, minSeconds: 1, maxSeconds: 600 };
    const model = createTwoHeadModel(
      ARCHITECTURES.v2,
      'v2',
      encoders,
      timeScale,
      () => rng.int32(),
      'chunks',
    );
    const n = 2 * PREDICT_CHUNK + 37;
    const rows = {
      n,
      user: Int32Array.from({ length: n }, () => rng.int(4)),
      topic: Int32Array.from({ length: n }, () => rng.int(3)),
      difficulty: Int32Array.from({ length: n }, () => rng.int(4)),
      history: Float32Array.from({ length: n * FEATURE_COUNT }, () => rng.next()),
    };
    const before = tf.memory().numTensors;
    const chunked = await predictTwoHeads(model, rows);
    expect(tf.memory().numTensors).toBe(before);
    const whole = tf.tidy(() =>
      tf.sigmoid(forward(model.correctness, inputTensors(model.arch, rows), { training: false })),
    );
    expect(Array.from(chunked.pCorrect)).toEqual(Array.from(whole.dataSync()));
    whole.dispose();
    expect(chunked.timeSeconds).toHaveLength(n);
    disposeTwoHeadModel(model);
  });
});
