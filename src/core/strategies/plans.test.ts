import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTaskContexts } from '../features/task-context';
import { planBalancedSampling } from './balanced-sampling';
import { COMMON_DEFAULTS } from './common-options';
import { planFullRetrain } from './full-retrain';
import { planProgressive, progressive } from './progressive';
import { getStrategy } from './registry';
import { planInfluence } from './single-model';
import { loadSeedFixture, syntheticTasks } from '../testing/test-data.test-helper';
import { planWeightedLoss, weightedLoss } from './weighted-loss';

const shares = (rows: { share: number }[]) => rows.map((r) => +(r.share * 100).toFixed(1));

describe('strategy plans on the whole seed-shaped fixture (the design note counts all 917 tasks)', () => {
  it("reproduce the design note's influence tables with correct arithmetic", async () => {
    const { tasks } = await loadSeedFixture();
    const all = { tasks, trainIndices: tasks.map((_, i) => i) };
    expect(shares(planInfluence(tasks, planFullRetrain(all, COMMON_DEFAULTS)))).toEqual([
      92.3, 6.4, 1.0, 0.3,
    ]);
    const balanced = planInfluence(tasks, planBalancedSampling(all, { ...COMMON_DEFAULTS, maxPerUser: 150 }));
    expect(balanced.map((r) => r.samples)).toEqual([150, 59, 9, 3]);
    expect(shares(balanced)).toEqual([67.9, 26.7, 4.1, 1.4]);
    const weighted = planInfluence(tasks, planWeightedLoss(all, weightedLoss.defaultOptions));
    expect(weighted.map((r) => +r.weight.toFixed(3))).toEqual([0.271, 3.886, 25.472, 76.417]);
    expect(shares(weighted)).toEqual([25, 25, 25, 25]);
    const prog = planInfluence(tasks, planProgressive(all, progressive.defaultOptions));
    expect(shares(prog.filter((r) => r.phase === 'pretrain'))).toEqual([58.5, 34.5, 5.3, 1.8]);
    expect(shares(prog.filter((r) => r.phase === 'fine-tune'))).toEqual([92.3, 6.4, 1.0, 0.3]);
  });

  it('each registry strategy previews the same influence without training', async () => {
    const { tasks } = await loadSeedFixture();
    const all = { tasks, trainIndices: tasks.map((_, i) => i) };
    expect(shares(getStrategy('balanced-sampling')!.influence(all, { maxPerUser: 100 }))).toEqual([
      58.5, 34.5, 5.3, 1.8,
    ]);
    expect(shares(getStrategy('weighted-loss')!.influence(all, {}))).toEqual([25, 25, 25, 25]);
    const perUser = getStrategy('per-user')!.influence(all, {});
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
    const strategy = getStrategy('weighted-loss');
    if (!strategy) throw new Error('missing strategy');
    const run = async (seed: number) => {
      const trained = await strategy.train(data, { epochs: 3, batchSize: 16 }, { seed });
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
      const strategy = getStrategy(id);
      if (!strategy) throw new Error(id);
      const before = tf.memory().numTensors;
      const controller = new AbortController();
      const run = strategy.train(
        data,
        { epochs: 2, pretrainEpochs: 2, finetuneEpochs: 2, batchSize: 32, minTasks: 10 },
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
