import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { contextFromHistory, historiesByUser } from '../features/task-context';
import { trainChoice } from './strategy-spec';
import { frozenLayers } from './train-recipe';
import { loadSeedFixture } from '../testing/test-data.test-helper';

const weightsOf = (model: tf.LayersModel, layer: string) =>
  model
    .getLayer(layer)
    .getWeights()
    .map((t) => Array.from(t.dataSync()));

describe('per-user models', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('freezes the first layers counted from the input', () => {
    expect([...frozenLayers(4)]).toEqual(['topic_embedding', 'difficulty_embedding', 'dense_1', 'trunk_bn']);
    expect([...frozenLayers(0)]).toEqual([]);
  });

  it('fine-tunes users with ≥ minTasks training tasks; frozen layers (BatchNorm statistics too) stay bit-identical to the base', async () => {
    const { tasks, data } = await loadSeedFixture();
    const trained = await trainChoice(
      {
        id: 'per-user',
        options: { epochs: 3, batchSize: 128, finetuneEpochs: 2, finetuneLearningRate: 1e-2 },
      },
      data,
      { seed: 3 },
    );
    try {
      const models = trained.models();
      expect(models.map((m) => m.name)).toEqual([
        'correctness',
        'time',
        'correctness@bulk@example.com',
        'time@bulk@example.com',
        'correctness@you2@example.com',
        'time@you2@example.com',
      ]);
      for (const m of models.filter((x) => x.userId)) {
        const base = models.find((x) => x.name === m.head)?.model as tf.LayersModel;
        for (const layer of frozenLayers(4))
          expect(weightsOf(m.model, layer)).toEqual(weightsOf(base, layer));
        // The unfrozen layers did learn something of their own.
        expect(weightsOf(m.model, 'dense_2')).not.toEqual(weightsOf(base, 'dense_2'));
      }
      expect(trained.trainingInfluence.map((r) => r.phase)).toEqual([
        'base',
        'base',
        'base',
        'base',
        'fine-tune:bulk@example.com',
        'fine-tune:you2@example.com',
      ]);

      // Routing: a user without an own model, and an unseen one, get the base; bulk gets its own.
      const h = historiesByUser(tasks).get('nigag@example.com');
      if (!h) throw new Error('fixture changed');
      const ctx = (userId: string) => contextFromHistory(userId, h, 'Calculus', 'easy', Date.UTC(2026, 0, 1));
      const p = (await trained.predict([ctx('nigag@example.com'), ctx('stranger'), ctx('bulk@example.com')]))
        .pCorrect;
      expect(p[0]).toBe(p[1]);
      expect(p[2]).not.toBe(p[0]);
    } finally {
      trained.dispose();
    }
  });
});
