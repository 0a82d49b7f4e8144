import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { summarizeDataset, type DatasetSummary } from '../data/summarize-dataset';
import type { Dataset } from '../data/task';
import { runComparison } from '../comparison/run-comparison';
import { trainRecipe } from '../strategies/train-recipe';
import { datasetOf, loadSeedFixture } from '../testing/test-data.test-helper';
import { planSweep, presetBase } from './plan-sweep';
import { runSweep } from './run-sweep';
import type { SweepPointOk } from './sweep-document';
import { sweepSchema } from './sweep-schema';

/** Few epochs: the point is the pipeline, not the fit. */
const FAST = { epochs: 2, batchSize: 64 };

vi.mock('../strategies/train-recipe', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../strategies/train-recipe')>();
  return { ...actual, trainRecipe: vi.fn(actual.trainRecipe) };
});
afterEach(() => vi.restoreAllMocks());

let dataset: Dataset;
let summary: DatasetSummary;
beforeAll(async () => {
  await tf.setBackend('cpu');
  dataset = datasetOf((await loadSeedFixture()).tasks, 'seed-shaped.csv');
  summary = await summarizeDataset(dataset);
});

describe('runSweep', () => {
  it("reproduces the preset's own numbers at its own value, and summarises every point with intervals and pass rates", async () => {
    const plan = planSweep(presetBase('full-retrain', FAST), [
      { name: 'learningRate', values: [0.003, 0.001] },
    ]);
    expect(plan.reference).toBe('point-2'); // the lab default rate, 1e-3
    const common = { dataset, summary, seed: 7, repeats: 2, backend: tf.getBackend(), resamples: 200 };
    const doc = await runSweep({ ...common, plan });
    const compared = await runComparison({ ...common, strategies: [{ id: 'full-retrain', options: FAST }] });
    compared.trained.forEach((t) => t.dispose());
    const preset = compared.report.strategies[0];
    if (preset?.status !== 'ok') throw new Error('full retrain failed');

    expect(sweepSchema.safeParse(doc).error).toBeUndefined();
    expect(doc.points.map((p) => p.status)).toEqual(['ok', 'ok']);
    const [other, own] = doc.points as SweepPointOk[];
    // Same seeds, same recipe: the same held-out metrics as the preset trained in a comparison.
    expect(own?.metrics.userLogLoss.mean).toBe(preset.summary.userLogLoss.mean);
    expect(own?.metrics.auc.mean).toBe(preset.summary.auc.mean);
    expect(own?.passRate).toEqual(preset.summary.passRate);
    expect(own?.vsReference).toBeNull();
    expect(other?.vsReference?.difference).toBeCloseTo(
      (other?.metrics.userLogLoss.mean as number) - (own?.metrics.userLogLoss.mean as number),
      12,
    );
    for (const p of [other, own]) {
      expect(p?.seeds).toEqual([7, 8]);
      const m = p!.metrics;
      expect(m.userLogLoss.lo! <= m.userLogLoss.mean! && m.userLogLoss.mean! <= m.userLogLoss.hi!).toBe(true);
      expect(m.responseGap.sd).not.toBeNull();
    }
    expect(doc.best?.point).toMatch(/^point-[12]$/);
    expect(doc.best?.headline).toBeTruthy();
    expect(doc.dataset).toMatchObject({ rows: 917, users: 4, fileName: 'seed-shaped.csv' });
    expect(doc.heldOut.users).toBe(4);
    expect(doc.seeds).toEqual([7, 8]);
    // A summary only: no user id anywhere in the document.
    for (const u of summary.users) expect(JSON.stringify(doc)).not.toContain(`"${u.userId}"`);
  }, 120_000);

  it('makes a point that fails a failed point with its reason, and goes on with the rest', async () => {
    const actual = vi.mocked(trainRecipe).getMockImplementation()!;
    vi.mocked(trainRecipe).mockImplementation((run, ...rest) =>
      run.id === 'point-1' ? Promise.reject(new Error('out of memory')) : actual(run, ...rest),
    );
    const plan = planSweep(presetBase('full-retrain', FAST), [{ name: 'epochs', values: [1, 2] }]);
    const doc = await runSweep({ dataset, summary, seed: 1, backend: tf.getBackend(), plan, resamples: 200 });
    expect(doc.points.map((p) => p.status)).toEqual(['failed', 'ok']);
    expect(doc.points[0]).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('out of memory'),
    });
    expect(doc.best?.point).toBe('point-2');
    // The reference (the first point: the lab's 50 epochs is not swept) failed: nothing to compare with.
    expect((doc.points[1] as SweepPointOk).vsReference).toBeNull();
  }, 120_000);
});
