// Strategies run in another lane (here in-process, through the same laneRunner the helper worker uses)
// must give the very report one thread alone gives; a lane that breaks hands its strategy back.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importTasksFromText } from '../data/import-tasks';
import { summarizeDataset } from '../data/summarize-dataset';
import { CATALOGUE, presetRecipe } from '../strategies/catalogue';
import type { StrategyChoice } from '../strategies/strategy-spec';
import type { TrainedStrategy } from '../strategies/types';
import { laneRunner } from './lane-runner';
import { runComparison } from './run-comparison';
import type { ComparisonRequest } from './comparison-request';
import { LaneLostError, type StrategyLane } from './strategy-lanes';
import { withoutClock } from '../report/without-clock.test-helper';

const FIXTURE = fileURLToPath(new URL('../../../fixtures/seed-shaped.csv', import.meta.url));
const FAST = { epochs: 2, batchSize: 64 };
// Four of the six (the long and the short ones) and an own recipe: a lane must run both kinds alike.
const PRESETS = CATALOGUE.filter((p) => p.id !== 'architecture-fixes' && p.id !== 'progressive');
const OWN: StrategyChoice = {
  id: 'soft-cap',
  label: 'Soft weights, cap 200',
  recipe: { ...presetRecipe('weighted-loss', FAST), weightExponent: 0.5, capPerUser: 200 },
};
const IDS = [...PRESETS.map((p) => p.id), OWN.id];

let request: ComparisonRequest;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const imported = importTasksFromText(await readFile(FIXTURE, 'utf8'), 'seed-shaped.csv');
  if (imported.kind !== 'ok') throw new Error(imported.message);
  request = {
    dataset: imported.dataset,
    summary: await summarizeDataset(imported.dataset),
    strategies: [OWN, ...PRESETS.map((p) => ({ id: p.id, options: FAST }))],
    seed: 11,
    backend: 'cpu',
    resamples: 100,
  };
});

/** A lane over laneRunner that keeps its models (as the helper does) and can be made to break. */
function inProcessLane(breakOnJob?: number) {
  const run = laneRunner(request.dataset.tasks);
  const models: TrainedStrategy[] = [];
  let jobs = 0;
  const lane: StrategyLane = {
    name: 'in-process',
    async run(job, hooks) {
      jobs++;
      if (jobs === breakOnJob) throw new LaneLostError('the helper stopped');
      const result = await run(job, hooks);
      if (result.model) {
        // As the helper does: only the run's first seed is kept.
        if (job.keep) models.push(result.model);
        else result.model.dispose();
      }
      return { entry: result.entry, heldOut: result.heldOut };
    },
  };
  return { lane, models, jobs: () => jobs };
}

describe('runComparison with a second lane', () => {
  it('gives the same report as one lane, in catalogue order, and leaves lane models with the lane', async () => {
    const tensorsBefore = tf.memory().numTensors;
    const alone = await runComparison(request);
    const { lane, models } = inProcessLane();
    const byLane: string[] = [];
    const order: string[] = [];
    const progressIds = new Set<string>();
    const both = await runComparison({
      ...request,
      lanes: [lane],
      onProgress: (e) => progressIds.add(e.strategyId),
      onFrame: () => order.push('frame'),
      onStrategyDone: (entry, trained, from) => {
        order.push(entry.id);
        if (from) byLane.push(entry.id);
        // A lane keeps its model: none comes with its entry.
        if (from) expect(trained).toBeUndefined();
      },
    });
    expect(withoutClock(both.report)).toEqual(withoutClock(alone.report));
    // The lane starts before the frame is scored, yet the frame is out before any entry.
    expect(order[0]).toBe('frame');
    expect(order).toHaveLength(1 + IDS.length);
    expect(both.report.strategies.map((s) => s.id)).toEqual(IDS);
    expect(byLane.length).toBeGreaterThan(0);
    expect(new Set([...both.trained.keys(), ...byLane])).toEqual(new Set(IDS));
    expect([...both.trained.keys()].some((id) => byLane.includes(id))).toBe(false);
    expect(models).toHaveLength(byLane.length);
    expect(progressIds).toEqual(new Set(IDS));
    for (const m of [...alone.trained.values(), ...both.trained.values(), ...models]) m.dispose();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('a frame that cannot be built stops the lanes: the run rejects, hands no entry over, leaks nothing', async () => {
    const tensorsBefore = tf.memory().numTensors;
    const { lane, models } = inProcessLane();
    const done: string[] = [];
    const broken = { ...request.summary, users: undefined as unknown as typeof request.summary.users };
    await expect(
      runComparison({ ...request, summary: broken, lanes: [lane], onStrategyDone: (e) => done.push(e.id) }),
    ).rejects.toThrow(TypeError);
    expect(done).toEqual([]);
    for (const m of models) m.dispose();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('a lane that breaks hands its strategy back to this thread; the report is complete', async () => {
    const { lane, models, jobs } = inProcessLane(1);
    const result = await runComparison({ ...request, lanes: [lane] });
    expect(jobs()).toBe(1);
    expect(models).toHaveLength(0);
    expect([...result.trained.keys()].sort()).toEqual([...IDS].sort());
    expect(result.report.strategies.every((s) => s.status === 'ok')).toBe(true);
    result.trained.forEach((t) => t.dispose());
  });
});
