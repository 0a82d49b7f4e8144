import { describe, expect, it } from 'vitest';
import { loadSeedFixture } from '../../testing/test-data.test-helper';
import { inverseFrequencyWeights, mostRecentPerUser, trainingInfluence } from './sampling';

const USERS = ['bulk@example.com', 'you2@example.com', 'nigag@example.com', 'asss77@example.com'];

/** Influence of the whole fixture (as the design note's tables count it: all 917 tasks). */
async function fixtureRows() {
  const { tasks } = await loadSeedFixture();
  return { tasks, all: tasks.map((_, i) => i) };
}

const byUser = <T>(rows: { userId: string }[], pick: (r: never) => T): T[] =>
  USERS.map((u) => pick(rows.find((r) => r.userId === u) as never));

describe("the design note's training-influence tables", () => {
  it('before balancing: 846 / 59 / 9 / 3', async () => {
    const { tasks, all } = await fixtureRows();
    const rows = trainingInfluence(tasks, all, undefined, 'train');
    expect(byUser(rows, (r: { samples: number }) => r.samples)).toEqual([846, 59, 9, 3]);
    expect(byUser(rows, (r: { share: number }) => +(r.share * 100).toFixed(1))).toEqual([
      92.3, 6.4, 1.0, 0.3,
    ]);
  });

  it('caps 150 → 150/59/9/3 = 67.9/26.7/4.1/1.4 % (the design note prints 66.4/26.1/4.0/1.3, summing to 97.8 %)', async () => {
    const { tasks, all } = await fixtureRows();
    const kept = mostRecentPerUser(tasks, all, 150);
    const rows = trainingInfluence(tasks, kept, undefined, 'train');
    expect(byUser(rows, (r: { samples: number }) => r.samples)).toEqual([150, 59, 9, 3]);
    expect(byUser(rows, (r: { share: number }) => +(r.share * 100).toFixed(1))).toEqual([
      67.9, 26.7, 4.1, 1.4,
    ]);
    // The most recent 150 of bulk: none of bulk's kept tasks is older than a dropped one.
    const bulk = all.filter((i) => tasks[i]?.userId === 'bulk@example.com');
    expect(kept.filter((i) => tasks[i]?.userId === 'bulk@example.com')).toEqual(bulk.slice(-150));
  });

  it('caps 100 → 100/59/9/3 = 58.5/34.5/5.3/1.8 %', async () => {
    const { tasks, all } = await fixtureRows();
    const rows = trainingInfluence(tasks, mostRecentPerUser(tasks, all, 100), undefined, 'pretrain');
    expect(byUser(rows, (r: { share: number }) => +(r.share * 100).toFixed(1))).toEqual([
      58.5, 34.5, 5.3, 1.8,
    ]);
    expect(rows.every((r) => r.phase === 'pretrain')).toBe(true);
  });

  it('inverse-frequency weights 917/(4·n) = 0.271 / 3.886 / 25.47 / 76.42 (the design note prints 3.884), 25 % each', async () => {
    const { tasks, all } = await fixtureRows();
    const weights = inverseFrequencyWeights(tasks, all);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(917, 9);
    const rows = trainingInfluence(tasks, all, weights, 'train');
    expect(byUser(rows, (r: { weight: number }) => r.weight.toFixed(3))).toEqual([
      '0.271',
      '3.886',
      '25.472',
      '76.417',
    ]);
    expect(byUser(rows, (r: { weight: number }) => +r.weight.toFixed(2))).toEqual([0.27, 3.89, 25.47, 76.42]);
    for (const r of rows) expect(r.share).toBeCloseTo(0.25, 12);
    // Effective influence samples × weight = 229.25 per user.
    for (const r of rows) expect(r.samples * r.weight).toBeCloseTo(917 / 4, 9);
  });
});
