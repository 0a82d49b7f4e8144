import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTaskContexts } from '../features/task-context';
import { presetRecipe } from './catalogue';
import { COMMON_DEFAULTS, plainRecipe } from './common-options';
import { fineTuneGroups, planInfluence, planRecipe, recipeInfluence, usersToFineTune } from './recipe-plan';
import { resolveChoice, specInfluence, trainChoice } from './strategy-spec';
import { loadSeedFixture, syntheticTasks } from '../testing/test-data.test-helper';

const shares = (rows: { share: number }[]) => rows.map((r) => +(r.share * 100).toFixed(1));

describe('strategy plans on the whole seed-shaped fixture (the seed counts all 917 tasks)', () => {
  it("reproduce the design note's influence tables with correct arithmetic", async () => {
    const { tasks } = await loadSeedFixture();
    const all = { tasks, trainIndices: tasks.map((_, i) => i) };
    expect(shares(recipeInfluence(plainRecipe('v1', COMMON_DEFAULTS), all))).toEqual([92.3, 6.4, 1.0, 0.3]);
    const balanced = recipeInfluence({ ...plainRecipe('v2', COMMON_DEFAULTS), capPerUser: 150 }, all);
    expect(balanced.map((r) => r.samples)).toEqual([150, 59, 9, 3]);
    expect(shares(balanced)).toEqual([67.9, 26.7, 4.1, 1.4]);
    const weighted = recipeInfluence(presetRecipe('weighted-loss'), all);
    expect(weighted.map((r) => +r.weight.toFixed(3))).toEqual([0.271, 3.886, 25.472, 76.417]);
    expect(shares(weighted)).toEqual([25, 25, 25, 25]);
    const prog = recipeInfluence(presetRecipe('progressive'), all);
    expect(shares(prog.filter((r) => r.phase === 'pretrain'))).toEqual([58.5, 34.5, 5.3, 1.8]);
    expect(shares(prog.filter((r) => r.phase === 'fine-tune'))).toEqual([92.3, 6.4, 1.0, 0.3]);
  });

  it('each preset previews the same influence without training', async () => {
    const { tasks } = await loadSeedFixture();
    const all = { tasks, trainIndices: tasks.map((_, i) => i) };
    const preview = (id: string, options: Record<string, unknown>) =>
      specInfluence(resolveChoice({ id, options }), all);
    expect(shares(preview('balanced-sampling', { maxPerUser: 100 }))).toEqual([58.5, 34.5, 5.3, 1.8]);
    expect(shares(preview('weighted-loss', {}))).toEqual([25, 25, 25, 25]);
    const perUser = preview('per-user', {});
    expect(shares(perUser.filter((r) => r.phase === 'base'))).toEqual([25, 25, 25, 25]);
    // Users with at least minTasks (20) get their own fine-tune on their own rows only.
    expect(perUser.filter((r) => r.phase.startsWith('fine-tune')).map((r) => [r.userId, r.samples])).toEqual([
      ['bulk@example.com', 846],
      ['you2@example.com', 59],
    ]);
  });
});

describe('reproducibility (cpu backend)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('the same seed gives identical predictions; another seed does not', async () => {
    const tasks = syntheticTasks(160, 21);
    const data = { tasks, trainIndices: tasks.map((_, i) => i).slice(0, 130) };
    const contexts = buildTaskContexts(tasks).slice(130);
    const run = async (seed: number) => {
      const trained = await trainChoice(
        { id: 'weighted-loss', options: { epochs: 3, batchSize: 16 } },
        data,
        {
          seed,
        },
      );
      const out = await trained.predict(contexts);
      trained.dispose();
      return [...out.pCorrect, ...out.timeSeconds];
    };
    const a = await run(7);
    expect(await run(7)).toEqual(a);
    expect(await run(8)).not.toEqual(a);
  });
});

describe('cancellation', () => {
  it('an aborted strategy rejects with the reason and frees every tensor', async () => {
    await tf.setBackend('cpu');
    const tasks = syntheticTasks(200, 5);
    const data = { tasks, trainIndices: tasks.map((_, i) => i) };
    for (const id of ['progressive', 'per-user']) {
      const before = tf.memory().numTensors;
      const controller = new AbortController();
      const run = trainChoice(
        { id, options: { epochs: 2, pretrainEpochs: 2, finetuneEpochs: 2, batchSize: 32, minTasks: 10 } },
        data,
        {
          seed: 1,
          signal: controller.signal,
          // Abort in the second phase (the fine-tune of progressive, a user model of per-user).
          onProgress: (e) => {
            if (e.phase === 'fine-tune' || e.phase === 'user') controller.abort(new Error(`stop ${id}`));
          },
        },
      );
      await expect(run).rejects.toThrow(`stop ${id}`);
      expect(tf.memory().numTensors).toBe(before);
    }
  });
});

describe('recipe plans', () => {
  it('caps rows per user, weighs them by the exponent, and names the phases', async () => {
    const { tasks } = await loadSeedFixture();
    const all = { tasks, trainIndices: tasks.map((_, i) => i) };
    const recipe = { ...plainRecipe('v2', COMMON_DEFAULTS), capPerUser: 100, weightExponent: 0.5 };
    const plan = planRecipe(recipe, all);
    expect(plan.version).toBe('v2');
    expect(plan.shared.map((p) => p.phase)).toEqual(['train']);
    const influence = planInfluence(tasks, plan);
    expect(influence.map((r) => r.samples)).toEqual([100, 59, 9, 3]);
    // weight ∝ count^−½, normalised to the row count: 171 rows over √100, √59, √9, √3.
    const raw = [100, 59, 9, 3].map((n) => n ** -0.5);
    const scale = 171 / [100, 59, 9, 3].reduce((s, n, i) => s + n * (raw[i] as number), 0);
    influence.forEach((r, i) => expect(r.weight).toBeCloseTo((raw[i] as number) * scale, 12));
    const total = influence.reduce((s, r) => s + r.samples * r.weight, 0);
    expect(total).toBeCloseTo(171, 9);
    // Softer than inverse frequency: bulk keeps more than a quarter, asss77 less.
    expect(influence[0]?.share).toBeGreaterThan(0.25);
    expect(influence[3]?.share).toBeLessThan(0.25);
  });

  it('pretrains on the capped subset of the capped rows, then fine-tunes those rows; per-user fine-tunes take the recipe rows', async () => {
    const { tasks } = await loadSeedFixture();
    const all = { tasks, trainIndices: tasks.map((_, i) => i) };
    const plan = planRecipe(
      {
        ...presetRecipe('progressive'),
        capPerUser: 300,
        perUser: {
          kind: 'fine-tune',
          minTasks: 9,
          freezeLayers: 2,
          epochs: 3,
          learningRate: 1e-3,
          patience: 0,
        },
      },
      all,
    );
    expect(plan.shared.map((p) => [p.phase, p.indices.length])).toEqual([
      ['pretrain', 100 + 59 + 9 + 3],
      ['fine-tune', 300 + 59 + 9 + 3],
    ]);
    expect(plan.shared[1]?.options).toMatchObject({ epochs: 20, learningRate: 1e-4, patience: 5 });
    const tuned = [...(plan.fineTunes?.users.entries() ?? [])].map(([u, rows]) => [u, rows.length]);
    expect(tuned.sort()).toEqual([
      ['bulk@example.com', 300],
      ['nigag@example.com', 9],
      ['you2@example.com', 59],
    ]);
    expect(plan.fineTunes?.options).toMatchObject({ epochs: 3, learningRate: 1e-3, patience: 0 });
    expect(plan.fineTunes?.freezeLayers).toBe(2);
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

  it('fine-tunes users with at least minTasks rows', async () => {
    const { tasks, data } = await loadSeedFixture();
    expect([...usersToFineTune(tasks, data.trainIndices, 20).keys()].sort()).toEqual([
      'bulk@example.com',
      'you2@example.com',
    ]);
  });
});
