import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { contextFromHistory, historiesByUser } from '../features/task-context';
import { fineTuneGroups, frozenLayers, perUser, usersToFineTune } from './per-user';
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

  it('groups fine-tunes by row count within a power of two, at most `max` users per group', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => i);
    const users = new Map([
      ['a', rows(20)],
      ['b', rows(900)],
      ['c', rows(31)],
      ['d', rows(16)],
      ['e', rows(25)],
      ['f', rows(1000)],
    ]);
    const ids = (max?: number) => fineTuneGroups(users, max).map((g) => g.map(([u]) => u));
    expect(ids()).toEqual([
      ['a', 'c', 'd', 'e'],
      ['b', 'f'],
    ]);
    expect(ids(3)).toEqual([['a', 'c', 'd'], ['e'], ['b', 'f']]);
  });

  it('fine-tunes users with ≥ minTasks training tasks; frozen layers (BatchNorm statistics too) stay bit-identical to the base', async () => {
    const { tasks, data } = await loadSeedFixture();
    expect([...usersToFineTune(tasks, data.trainIndices, 20).keys()].sort()).toEqual([
      'bulk@example.com',
      'you2@example.com',
    ]);
    const trained = await perUser.train(
      data,
      { epochs: 3, batchSize: 128, finetuneEpochs: 2, finetuneLearningRate: 1e-2 },
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
