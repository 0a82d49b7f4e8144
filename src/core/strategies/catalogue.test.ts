import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTaskContexts } from '../features/task-context';
import { CATALOGUE, PRESET_IDS, presetOf, presetRecipe } from './catalogue';
import { LAB_STEPS_PER_EPOCH, labDefaults } from './common-options';
import { checkRecipe } from './recipe-schema';
import { nearestPreset, trainChoice } from './strategy-spec';
import { loadSeedFixture } from '../testing/test-data.test-helper';
import type { TrainedStrategy } from './types';

/** Fewer, larger steps than the design note's defaults: the point here is that each strategy trains, not the epoch count. */
const FAST: Record<string, Record<string, unknown>> = {
  common: { epochs: 12, batchSize: 64, learningRate: 3e-3, patience: 0 },
  progressive: {
    batchSize: 64,
    pretrainEpochs: 8,
    pretrainLearningRate: 3e-3,
    pretrainPatience: 4,
    finetuneEpochs: 4,
    finetuneLearningRate: 3e-4,
    finetunePatience: 2,
  },
  'per-user': {
    epochs: 12,
    batchSize: 64,
    learningRate: 3e-3,
    patience: 0,
    finetuneEpochs: 3,
    finetuneLearningRate: 3e-4,
  },
};
const fastOptions = (id: string): Record<string, unknown> => FAST[id] ?? FAST.common ?? {};

const logLoss = (p: number, y: boolean) => -Math.log(Math.min(1 - 1e-7, Math.max(1e-7, y ? p : 1 - p)));

describe('the catalogue', () => {
  it("lists the design note's six strategies in its order, each documented option by option", () => {
    expect(CATALOGUE).toHaveLength(6);
    expect(PRESET_IDS).toEqual(CATALOGUE.map((s) => s.id));
    expect(CATALOGUE[0]?.label).toBe('1. Full retrain (no changes)');
    CATALOGUE.forEach((s, i) => {
      expect(s.label.startsWith(`${i + 1}. `)).toBe(true);
      expect(s.summary.length).toBeGreaterThan(20);
      expect(s.color).toMatch(/^#[0-9A-F]{6}$/);
      expect(Object.keys(s.optionDocs).sort()).toEqual(Object.keys(s.defaultOptions).sort());
      expect(presetOf(s.id)).toBe(s);
    });
    expect(new Set(CATALOGUE.map((s) => s.color)).size).toBe(CATALOGUE.length);
    // Cost ranks order the lanes: a permutation of 1…n, progressive the longest on big files, balanced sampling
    // shorter than the strategies that train on every row.
    expect(CATALOGUE.map((s) => s.costRank).sort((a, b) => a - b)).toEqual(CATALOGUE.map((_, i) => i + 1));
    expect(presetOf('progressive')?.costRank).toBe(1);
    const rank = (id: string) => presetOf(id)?.costRank ?? 0;
    expect(rank('balanced-sampling')).toBeGreaterThan(Math.max(rank('weighted-loss'), rank('full-retrain')));
  });

  it('gives every preset a valid recipe: the design note’s ingredients', () => {
    for (const s of CATALOGUE) expect(checkRecipe(presetRecipe(s.id)), s.id).toMatchObject({ ok: true });
    expect(presetRecipe('full-retrain')).toMatchObject({
      architecture: 'v1',
      capPerUser: 'none',
      weightExponent: 0,
    });
    expect(presetRecipe('architecture-fixes')).toMatchObject({ architecture: 'v2', weightExponent: 0 });
    expect(presetRecipe('balanced-sampling')).toMatchObject({ architecture: 'v2', capPerUser: 150 });
    expect(presetRecipe('weighted-loss')).toMatchObject({ architecture: 'v2', weightExponent: 1 });
    expect(presetRecipe('progressive')).toMatchObject({
      schedule: { kind: 'pretrain-then-finetune', pretrainCapPerUser: 100, epochs: 20, learningRate: 1e-4 },
      training: { epochs: 30, learningRate: 1e-3, patience: 10 },
    });
    expect(presetRecipe('per-user')).toMatchObject({
      architecture: 'base',
      weightExponent: 1,
      perUser: { kind: 'fine-tune', minTasks: 20, freezeLayers: 4, epochs: 10, learningRate: 1e-4 },
    });
    expect(presetRecipe('per-user', { baseWeighting: 'none' }).weightExponent).toBe(0);
    expect(() => presetRecipe('per-user', { baseWeighting: 'inverse' })).toThrow(
      "baseWeighting must be 'inverse-frequency' or 'none', not 'inverse'",
    );
  });

  it('finds the preset nearest to a recipe (an own recipe is scheduled like it)', () => {
    for (const s of CATALOGUE) expect(nearestPreset(presetRecipe(s.id)).id).toBe(s.id);
    expect(nearestPreset({ ...presetRecipe('weighted-loss'), capPerUser: 100 }).id).toBe('weighted-loss');
    const ownPerUser = { ...presetRecipe('per-user'), architecture: 'v2' as const, capPerUser: 80 };
    expect(nearestPreset(ownPerUser).id).toBe('per-user');
  });

  it("keeps the design note's settings as seedOptions, and defaults to them under the lab's batch rule", () => {
    for (const s of CATALOGUE) {
      expect(s.seedOptions).toMatchObject({ batchSize: 32, stepsPerEpoch: 0 });
      expect(s.defaultOptions).toEqual(labDefaults(s.seedOptions));
      expect(s.defaultOptions).toMatchObject({ batchSize: 32, stepsPerEpoch: LAB_STEPS_PER_EPOCH });
    }
    expect(presetOf('full-retrain')?.seedOptions).toMatchObject({
      epochs: 50,
      batchSize: 32,
      learningRate: 1e-3,
    });
    expect(presetOf('balanced-sampling')?.seedOptions).toMatchObject({ maxPerUser: 150 });
    expect(presetOf('progressive')?.seedOptions).toMatchObject({
      pretrainMaxPerUser: 100,
      pretrainEpochs: 30,
      pretrainLearningRate: 1e-3,
      pretrainPatience: 10,
      finetuneEpochs: 20,
      finetuneLearningRate: 1e-4,
      finetunePatience: 5,
    });
    expect(presetOf('per-user')?.seedOptions).toMatchObject({
      minTasks: 20,
      finetuneEpochs: 10,
      finetuneLearningRate: 1e-4,
      baseWeighting: 'inverse-frequency',
    });
  });
});

describe('every strategy on the seed-shaped fixture (cpu)', async () => {
  const { tasks, data, testIndices } = await loadSeedFixture();
  const contexts = buildTaskContexts(tasks);
  const held = testIndices.map((i) => contexts[i] as (typeof contexts)[number]);
  const trainRate = data.trainIndices.filter((i) => tasks[i]?.isCorrect).length / data.trainIndices.length;
  const heldLoss = (p: ArrayLike<number>) =>
    testIndices.reduce((s, i, j) => s + logLoss(p[j] as number, tasks[i]?.isCorrect as boolean), 0) /
    testIndices.length;
  const baseRateLoss = heldLoss(testIndices.map(() => trainRate));
  const results: Record<string, number> = {};

  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  afterAll(() => {
    console.log(`held-out log loss (constant ${trainRate.toFixed(3)}: ${baseRateLoss.toFixed(4)})`, results);
  });

  for (const strategy of CATALOGUE) {
    // What this asserts: a held-out log loss below ln 2, i.e. better than predicting 0.5 everywhere. It does
    // NOT claim to beat the training base rate (baseRateLoss, printed above): with these few epochs several
    // strategies do not, and on the sample even fully trained ones often do not — the report's paired
    // comparison against the constant rate says whether they do (docs/repeats.md).
    it(`${strategy.id} trains, predicts held-out tasks with log loss below a constant 0.5's (ln 2), and frees every tensor`, async () => {
      const before = tf.memory().numTensors;
      const progress: string[] = [];
      const trained: TrainedStrategy = await trainChoice(
        { id: strategy.id, options: fastOptions(strategy.id) },
        data,
        { seed: 42, onProgress: (e) => progress.push(`${e.phase}/${e.head}`) },
      );
      const { pCorrect, timeSeconds } = await trained.predict(held);
      trained.dispose();
      expect(tf.memory().numTensors).toBe(before);

      expect(trained.id).toBe(strategy.id);
      expect(trained.trainMs).toBeGreaterThan(0);
      expect(trained.options).toMatchObject({ validationMode: 'per-user-tail', validationShare: 0.2 });
      expect(progress).toContain(`${trained.phases[0]?.phase}/correctness`);
      expect(progress.some((p) => p.endsWith('/time'))).toBe(true);
      expect(trained.trainingInfluence.length).toBeGreaterThanOrEqual(4);
      expect(pCorrect).toHaveLength(held.length);
      for (const p of pCorrect) expect(p >= 0 && p <= 1).toBe(true);
      for (const s of timeSeconds) expect(Number.isFinite(s) && s >= 0).toBe(true);
      const loss = heldLoss(pCorrect);
      results[strategy.id] = +loss.toFixed(4);
      expect(loss).toBeLessThan(Math.log(2));
    });
  }
});
