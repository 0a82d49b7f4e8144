// The fused prediction (simd-predict.ts) gives what tfjs ops give for every architecture the lab trains —
// embeddings with and without BatchNorm, no user table, the monotone side path — on weights and moving
// statistics far from their initial values, over more rows than one forward pass takes.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateBackend } from '../backend/activate-backend';
import { createVocabulary } from '../features/encoders';
import { FEATURE_COUNT } from '../features/history-features';
import { ARCHITECTURES, withMonotoneResponse, type ArchitectureSpec } from '../model/architecture';
import { createTwoHeadModel, disposeTwoHeadModel, predictTwoHeads } from '../model/two-head-model';
import { createRng } from '../random/rng';
import { currentEngine, pinEngine } from './engine-choice';
import { predictModel } from './predict-model';

const encoders = {
  user: createVocabulary(['a', 'b', 'c', 'd']),
  topic: createVocabulary(['t1', 't2', 't3']),
  difficulty: createVocabulary(['easy', 'medium', 'hard']),
};
const timeScale = { mean: 3, std: 0.8, minSeconds: 1, maxSeconds: 900 };

const CASES: [string, ArchitectureSpec][] = [
  ['v1', ARCHITECTURES.v1],
  ['v2', ARCHITECTURES.v2],
  ['base', ARCHITECTURES.base],
  ['v2, monotone', withMonotoneResponse(ARCHITECTURES.v2, true)],
  ['v1, monotone counts', withMonotoneResponse(ARCHITECTURES.v1, true, true)],
];

describe('predictModel', () => {
  beforeAll(async () => {
    expect((await activateBackend('wasm')).ok).toBe(true);
  });
  afterAll(async () => {
    pinEngine(null);
    await tf.setBackend('cpu');
  });

  it('uses the fused kernels on wasm and cpu, tfjs ops when pinned', async () => {
    expect(currentEngine()).toBe('simd');
    pinEngine('tfjs');
    expect(currentEngine()).toBe('tfjs');
    pinEngine(null);
  });

  it.each(CASES)('predicts as tfjs ops do (%s)', async (_name, arch) => {
    const rng = createRng(`predict ${_name}`);
    const model = createTwoHeadModel(arch, 'v2', encoders, timeScale, () => rng.int32(), 'predict');
    // Every weight moved, BatchNorm variances kept positive, so no path is left at its initial values.
    for (const head of [model.correctness, model.time])
      for (const [layer, vars] of Object.entries(head.vars))
        vars?.forEach((v, i) => {
          const variance = layer.endsWith('_bn') && i === 3;
          const values = Float32Array.from({ length: v.size }, () =>
            variance ? 0.2 + rng.next() : (rng.next() * 2 - 1) * 0.6,
          );
          v.assign(tf.tensor(values, v.shape));
        });
    const n = 2_500;
    const rows = {
      n,
      user: Int32Array.from({ length: n }, () => rng.int(5)),
      topic: Int32Array.from({ length: n }, () => rng.int(4)),
      difficulty: Int32Array.from({ length: n }, () => rng.int(4)),
      history: Float32Array.from({ length: n * FEATURE_COUNT }, () => rng.next() * 3 - 1),
    };
    const fused = await predictModel(model, rows);
    const ops = await predictTwoHeads(model, rows);
    expect(fused.pCorrect).toHaveLength(n);
    let spread = 0;
    for (let i = 0; i < n; i++) {
      expect(Math.abs((fused.pCorrect[i] as number) - (ops.pCorrect[i] as number))).toBeLessThan(1e-6);
      const t = ops.timeSeconds[i] as number;
      expect(Math.abs((fused.timeSeconds[i] as number) - t)).toBeLessThan(1e-5 * t);
      spread = Math.max(spread, Math.abs((ops.pCorrect[i] as number) - (ops.pCorrect[0] as number)));
    }
    // The rows do differ: equal predictions everywhere would prove nothing.
    expect(spread).toBeGreaterThan(0.05);
    const none = await predictModel(model, { ...rows, n: 0 });
    expect(none.pCorrect).toHaveLength(0);
    disposeTwoHeadModel(model);
  });
});
