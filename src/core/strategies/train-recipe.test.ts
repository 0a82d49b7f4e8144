import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTaskContexts } from '../features/task-context';
import { ARCHITECTURES } from '../model/architecture';
import { loadSeedFixture } from '../testing/test-data.test-helper';
import { presetRecipe } from './catalogue';
import { DESIGN_NOTE_PER_USER, FREEZABLE_LAYERS, USER_EMBEDDING, type Recipe } from './recipe';
import { trainChoice } from './strategy-spec';
import { architectureOf, frozenLayers } from './train-recipe';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the recipe’s network', () => {
  it('knows the architectures’ user embeddings and freezable layers without loading tfjs', () => {
    expect(USER_EMBEDDING.v1).toEqual({
      dim: ARCHITECTURES.v1.userEmbeddingDim,
      l2: ARCHITECTURES.v1.userL2,
    });
    expect(USER_EMBEDDING.v2).toEqual({
      dim: ARCHITECTURES.v2.userEmbeddingDim,
      l2: ARCHITECTURES.v2.userL2,
    });
    expect(frozenLayers(100).size).toBe(FREEZABLE_LAYERS);
    expect([...frozenLayers(4)]).toEqual(['topic_embedding', 'difficulty_embedding', 'dense_1', 'trunk_bn']);
  });

  it('takes the recipe’s embedding width and L2, and its monotone response', () => {
    const recipe = presetRecipe('architecture-fixes');
    expect(architectureOf(recipe)).toEqual(ARCHITECTURES.v2);
    expect(
      architectureOf({ ...recipe, training: { ...recipe.training, userEmbeddingDim: 8, userL2: 0 } }),
    ).toEqual({ ...ARCHITECTURES.v2, userEmbeddingDim: 8, userL2: 0 });
    expect(architectureOf({ ...recipe, monotoneResponse: 'on' })).toEqual({
      ...ARCHITECTURES.v2,
      monotoneResponse: true,
    });
    expect(architectureOf({ ...recipe, monotoneResponse: 'on-with-counts' })).toEqual({
      ...ARCHITECTURES.v2,
      monotoneResponse: true,
      monotoneCounts: true,
    });
  });
});

describe('one trainer for every recipe (cpu)', async () => {
  const { tasks, data, testIndices } = await loadSeedFixture();
  const contexts = buildTaskContexts(tasks);
  const held = testIndices.map((i) => contexts[i] as (typeof contexts)[number]);

  it('a preset’s recipe trained as an own recipe predicts exactly as the preset', async () => {
    const options = { epochs: 3, batchSize: 64, maxPerUser: 120 };
    const preset = await trainChoice({ id: 'balanced-sampling', options }, data, { seed: 9 });
    const own = await trainChoice(
      { id: 'my-copy', label: 'My copy', recipe: presetRecipe('balanced-sampling', options) },
      data,
      { seed: 9 },
    );
    const [a, b] = [await preset.predict(held), await own.predict(held)];
    expect(Array.from(b.pCorrect)).toEqual(Array.from(a.pCorrect));
    expect(Array.from(b.timeSeconds)).toEqual(Array.from(a.timeSeconds));
    expect(own.trainingInfluence).toEqual(preset.trainingInfluence);
    expect(preset.recipe).toBeUndefined();
    expect(own.recipe).toEqual(presetRecipe('balanced-sampling', options));
    expect(own.options).toMatchObject({
      architecture: 'v2',
      capPerUser: 120,
      validationMode: 'per-user-tail',
    });
    preset.dispose();
    own.dispose();
  });

  it('a recipe no preset names — cap, softer weights, pretraining, per-user fine-tunes, a narrow embedding — trains and frees every tensor', async () => {
    const recipe: Recipe = {
      architecture: 'v2',
      capPerUser: 200,
      weightExponent: 0.5,
      schedule: {
        kind: 'pretrain-then-finetune',
        pretrainCapPerUser: 50,
        epochs: 2,
        learningRate: 3e-4,
        patience: 1,
      },
      perUser: { ...DESIGN_NOTE_PER_USER, minTasks: 30, epochs: 1 },
      monotoneResponse: 'off',
      training: {
        epochs: 2,
        batchSize: 64,
        learningRate: 3e-3,
        stepsPerEpoch: 0,
        patience: 0,
        restoreBestWeights: true,
        userEmbeddingDim: 4,
        userL2: 0.001,
      },
    };
    const before = tf.memory().numTensors;
    const trained = await trainChoice({ id: 'mix', label: 'Mix', recipe }, data, { seed: 5 });
    expect([...new Set(trained.phases.map((p) => p.phase))]).toEqual(['pretrain', 'fine-tune', 'user']);
    // Users with ≥ 30 of the capped rows, each with both heads.
    expect(
      trained.phases
        .filter((p) => p.phase === 'user')
        .map((p) => p.userId)
        .sort(),
    ).toEqual(['bulk@example.com', 'bulk@example.com', 'you2@example.com', 'you2@example.com']);
    const fineTune = trained.trainingInfluence.filter((r) => r.phase === 'fine-tune');
    expect(fineTune.map((r) => r.samples)).toEqual([200, 48, 8, 2]);
    const shared = trained.models().find((m) => m.name === 'correctness');
    expect(shared?.metadata).toMatchObject({
      route: 'base',
      architectureSpec: { userEmbeddingDim: 4, userL2: 0.001 },
    });
    const p = await trained.predict(held);
    for (const v of p.pCorrect) expect(v >= 0 && v <= 1).toBe(true);
    trained.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
