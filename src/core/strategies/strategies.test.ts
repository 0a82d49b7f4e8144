import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTaskContexts } from '../features/task-context';
import { STRATEGIES, getStrategy } from './registry';
import { LAB_STEPS_PER_EPOCH, labDefaults } from './common-options';
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

describe('the registry', () => {
  it("lists the design note's six strategies in order, each documented option by option", () => {
    expect(STRATEGIES.map((s) => s.id)).toEqual([
      'full-retrain',
      'architecture-fixes',
      'balanced-sampling',
      'weighted-loss',
      'progressive',
      'per-user',
    ]);
    expect(STRATEGIES[0]?.label).toBe('1. Full retrain (no changes)');
    STRATEGIES.forEach((s, i) => {
      expect(s.label.startsWith(`${i + 1}. `)).toBe(true);
      expect(s.summary.length).toBeGreaterThan(20);
      expect(Object.keys(s.optionDocs).sort()).toEqual(Object.keys(s.defaultOptions).sort());
    });
  });

  it("keeps the design note's settings as seedOptions, and defaults to them under the lab's batch rule", () => {
    for (const s of STRATEGIES) {
      expect(s.seedOptions).toMatchObject({ batchSize: 32, stepsPerEpoch: 0 });
      expect(s.defaultOptions).toEqual(labDefaults(s.seedOptions));
      expect(s.defaultOptions).toMatchObject({ batchSize: 32, stepsPerEpoch: LAB_STEPS_PER_EPOCH });
    }
    expect(getStrategy('full-retrain')?.seedOptions).toMatchObject({
      epochs: 50,
      batchSize: 32,
      learningRate: 1e-3,
    });
    expect(getStrategy('balanced-sampling')?.seedOptions).toMatchObject({ maxPerUser: 150 });
    expect(getStrategy('progressive')?.seedOptions).toMatchObject({
      pretrainMaxPerUser: 100,
      pretrainEpochs: 30,
      pretrainLearningRate: 1e-3,
      pretrainPatience: 10,
      finetuneEpochs: 20,
      finetuneLearningRate: 1e-4,
      finetunePatience: 5,
    });
    expect(getStrategy('per-user')?.seedOptions).toMatchObject({
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

  for (const strategy of STRATEGIES) {
    // What this asserts: a held-out log loss below ln 2, i.e. better than predicting 0.5 everywhere. It does
    // NOT claim to beat the training base rate (baseRateLoss, printed above): with these few epochs several
    // strategies do not, and on the sample even fully trained ones often do not — the report's paired
    // comparison against the constant rate says whether they do (docs/repeats.md).
    it(`${strategy.id} trains, predicts held-out tasks with log loss below a constant 0.5's (ln 2), and frees every tensor`, async () => {
      const before = tf.memory().numTensors;
      const progress: string[] = [];
      const trained: TrainedStrategy = await strategy.train(data, fastOptions(strategy.id), {
        seed: 42,
        onProgress: (e) => progress.push(`${e.phase}/${e.head}`),
      });
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
