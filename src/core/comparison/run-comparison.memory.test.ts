/**
 * Memory over repeated runs: five train-all runs in a row — with 1 and with 3 seeds each — followed by
 * the lab worker's bookkeeping (keep the latest trained strategy per id, dispose the one it replaces),
 * must leave tf.memory() flat: only the first seed's models stay alive, whatever the repeats, and a leak
 * of even one tensor per run would grow a long lab session until the tab dies.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { activateBackend, type BackendName } from '../backend/activate-backend';
import { importTasksFromText } from '../data/import-tasks';
import { summarizeDataset } from '../data/summarize-dataset';
import { CATALOGUE } from '../strategies/catalogue';
import type { StrategyId, TrainedStrategy } from '../strategies/types';
import { runComparison } from './run-comparison';
import type { ComparisonRequest } from './comparison-request';

const FIXTURE = fileURLToPath(new URL('../../../fixtures/seed-shaped.csv', import.meta.url));
const RUNS = 5;

/** Every strategy, with one or two epochs per phase: every code path that allocates, at the least cost. */
const TINY: Record<string, Record<string, unknown>> = {
  progressive: {
    batchSize: 128,
    pretrainEpochs: 1,
    pretrainPatience: 1,
    finetuneEpochs: 1,
    finetunePatience: 1,
  },
  'per-user': { epochs: 1, batchSize: 128, finetuneEpochs: 1 },
};
const tinyOptions = (id: string): Record<string, unknown> => TINY[id] ?? { epochs: 2, batchSize: 128 };

async function requestOn(backend: BackendName): Promise<ComparisonRequest> {
  const activation = await activateBackend(backend);
  if (!activation.ok) throw new Error(activation.reason);
  const imported = importTasksFromText(await readFile(FIXTURE, 'utf8'), 'seed-shaped.csv');
  if (imported.kind !== 'ok') throw new Error(imported.message);
  return {
    dataset: imported.dataset,
    summary: await summarizeDataset(imported.dataset),
    strategies: CATALOGUE.map((s) => ({ id: s.id, options: tinyOptions(s.id) })),
    seed: 7,
    backend: tf.getBackend(),
    resamples: 20,
  };
}

// cpu is what the unit tests use elsewhere; wasm is what the lab's worker and the CLI train on, and it runs
// our own UnsortedSegmentSum kernel, so a leak in either backend's path would show.
describe.each(['cpu', 'wasm'] as const)('runComparison, five runs in a row (%s)', (backend) => {
  it('keeps tf.memory().numTensors flat when each run replaces the previous models, as the worker does', async () => {
    const request = await requestOn(backend);
    const tensorsBefore = tf.memory().numTensors;
    // The worker's `held.trained`: the latest model per strategy, the one it replaces disposed.
    const held = new Map<StrategyId, TrainedStrategy>();
    const afterRun: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const result = await runComparison({
        ...request,
        repeats: run % 2 === 0 ? 1 : 3,
        onStrategyDone: (entry, trained) => {
          if (!trained) return;
          held.get(entry.id)?.dispose();
          held.set(entry.id, trained);
        },
      });
      expect(result.report.strategies.map((s) => `${s.id}:${s.status}`)).toEqual(
        CATALOGUE.map((s) => `${s.id}:ok`),
      );
      afterRun.push(tf.memory().numTensors);
    }
    // Live models do hold tensors; the point is that the count does not grow run after run.
    expect(afterRun[0]).toBeGreaterThan(tensorsBefore);
    expect(afterRun).toEqual(Array.from({ length: RUNS }, () => afterRun[0]));

    for (const trained of held.values()) trained.dispose();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});
