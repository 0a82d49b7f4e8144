import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { importTasksFromText } from '../data/import-tasks';
import { summarizeDataset } from '../data/summarize-dataset';
import type { Dataset } from '../data/task';
import { presetRecipe } from '../strategies/catalogue';
import type { StrategyChoice } from '../strategies/strategy-spec';
import { trainRecipe } from '../strategies/train-recipe';
import type { StrategyId, TrainedStrategy } from '../strategies/types';
import { reportSchema, validateReport } from '../report/report-schema';
import type { ReportStrategy } from '../report/report-types';
import { composeReport, type ReportFrame } from '../report/compose-report';
import { compareStrategies } from '../report/compare-strategies';
import { runComparison } from './run-comparison';
import type { ComparisonRequest } from './comparison-request';
import { scoredRows } from '../evaluation/counted-run';
import type { HeldOutPrediction } from '../evaluation/evaluate-strategy';
import { withIntervals } from '../report/repeated-entry';
import { temporalSplit } from '../split/temporal-split';
import { withoutClock } from '../report/without-clock.test-helper';

const FIXTURE = fileURLToPath(new URL('../../../fixtures/seed-shaped.csv', import.meta.url));
/** Two quick strategies, few epochs: the point is the orchestration, not the fit. */
const FAST = { epochs: 2, batchSize: 64 };
vi.mock('../strategies/train-recipe', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../strategies/train-recipe')>();
  return { ...actual, trainRecipe: vi.fn(actual.trainRecipe) };
});

const STRATEGIES: StrategyChoice[] = [
  { id: 'weighted-loss', options: FAST }, // asked out of order on purpose: the registry order wins
  { id: 'full-retrain', options: FAST },
];

let dataset: Dataset;
let request: ComparisonRequest;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const imported = importTasksFromText(await readFile(FIXTURE, 'utf8'), 'seed-shaped.csv');
  if (imported.kind !== 'ok') throw new Error(imported.message);
  dataset = imported.dataset;
  request = {
    dataset,
    summary: await summarizeDataset(dataset),
    strategies: STRATEGIES,
    seed: 42,
    backend: tf.getBackend(),
    resamples: 200,
  };
});
afterEach(() => vi.restoreAllMocks());

const disposeAll = (trained: Map<StrategyId, TrainedStrategy>) => trained.forEach((t) => t.dispose());

describe('runComparison on the seed-shaped fixture (cpu)', () => {
  it('trains in registry order, reports each strategy as it finishes, and validates; same seed → same report', async () => {
    const tensorsBefore = tf.memory().numTensors;
    const done: ReportStrategy[] = [];
    const first = await runComparison({ ...request, onStrategyDone: (entry) => done.push(entry) });
    expect(done.map((e) => e.id)).toEqual(['full-retrain', 'weighted-loss']);
    expect(first.report.strategies.map((s) => s.id)).toEqual(['full-retrain', 'weighted-loss']);
    expect(JSON.parse(JSON.stringify(done))).toEqual(JSON.parse(JSON.stringify(first.report.strategies)));
    expect([...first.trained.keys()]).toEqual(['full-retrain', 'weighted-loss']);

    const parsed = reportSchema.safeParse(JSON.parse(JSON.stringify(first.report)));
    expect(parsed.success, parsed.error?.message).toBe(true);
    const r = first.report;
    expect(r.split).toMatchObject({ kind: 'temporal-per-user', trainRows: 735, testRows: 182 });
    expect(r.split.perUser.find((u) => u.userId === 'asss77@example.com')).toMatchObject({ testRows: 1 });
    expect(r.dataset.users[0]).toMatchObject({ userId: 'bulk@example.com', tasks: 846 });
    const s = r.strategies[0];
    if (s?.status !== 'ok') throw new Error('full-retrain should have trained');
    expect(s.options).toMatchObject({ epochs: 2, batchSize: 64 });
    expect(s.responseProbes).toHaveLength(4);
    expect(s.responseProbes[0]?.afterCorrect).toHaveLength(6);
    expect(s.groundTruth?.overall.n).toBe(182); // the fixture carries true_p
    expect(s.phases.length).toBeGreaterThan(0);

    const second = await runComparison(request);
    expect(withoutClock(second.report)).toEqual(withoutClock(first.report));
    disposeAll(first.trained);
    disposeAll(second.trained);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('an abort after the first strategy keeps the first entry and rejects', async () => {
    const tensorsBefore = tf.memory().numTensors;
    const controller = new AbortController();
    const done: [ReportStrategy, TrainedStrategy | undefined][] = [];
    const frames: ReportFrame[] = [];
    const run = runComparison({
      ...request,
      signal: controller.signal,
      onFrame: (frame) => frames.push(frame),
      onStrategyDone: (entry, trained) => {
        done.push([entry, trained]);
        controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(done.map(([e]) => e.id)).toEqual(['full-retrain']);
    // The frame came before training, so what finished still makes a complete, valid report.
    expect(frames).toHaveLength(1);
    const partial = composeReport(
      frames[0] as ReportFrame,
      { 'full-retrain': done[0]?.[0] as ReportStrategy },
      [],
    );
    expect(validateReport(partial).ok).toBe(true);
    // The finished strategy was handed over and still predicts; disposing it frees everything.
    const kept = done[0]?.[1] as TrainedStrategy;
    expect((await kept.predict([])).pCorrect).toHaveLength(0);
    kept.dispose();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('an abort during training stops inside the strategy and frees its tensors', async () => {
    const tensorsBefore = tf.memory().numTensors;
    const controller = new AbortController();
    const done = vi.fn();
    const epochs: number[] = [];
    const run = runComparison({
      ...request,
      signal: controller.signal,
      onStrategyDone: done,
      onProgress: (e) => {
        epochs.push(e.epoch);
        controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    // Both heads train in one loop, so each reports epoch 1; the abort is seen before epoch 2.
    expect(new Set(epochs)).toEqual(new Set([1]));
    expect(done).not.toHaveBeenCalled();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('reports a strategy that throws as failed and carries on with the others', async () => {
    vi.mocked(trainRecipe).mockRejectedValueOnce(new Error('out of memory'));
    const done: string[] = [];
    const { report, trained } = await runComparison({
      ...request,
      onStrategyDone: (e) => done.push(`${e.id}:${e.status}`),
    });
    expect(done).toEqual(['full-retrain:failed', 'weighted-loss:ok']);
    expect(report.strategies[0]).toMatchObject({ status: 'failed', error: 'out of memory' });
    expect(report.strategies[0]?.options).toMatchObject({ epochs: 2 });
    expect([...trained.keys()]).toEqual(['weighted-loss']);
    expect(reportSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
    disposeAll(trained);
  });

  it('a device fault mid-training fails that strategy with the reason; the next one starts after beforeStrategy recovers', async () => {
    let device = new AbortController();
    const events: string[] = [];
    const { report, trained } = await runComparison({
      ...request,
      onProgress: (e) => {
        // The fault strikes during the first strategy's first epoch.
        if (e.strategyId === 'full-retrain') device.abort(new Error('the WebGL context was lost'));
      },
      deviceFault: () => device.signal,
      beforeStrategy: async (id) => {
        events.push(`before ${id}${device.signal.aborted ? ' (recovering)' : ''}`);
        if (device.signal.aborted) device = new AbortController();
      },
    });
    expect(events).toEqual(['before full-retrain', 'before weighted-loss (recovering)']);
    expect(report.strategies.map((s) => `${s.id}:${s.status}`)).toEqual([
      'full-retrain:failed',
      'weighted-loss:ok',
    ]);
    expect(report.strategies[0]).toMatchObject({ error: 'the WebGL context was lost' });
    disposeAll(trained);
  });

  it('a device operation that never returns is abandoned when the device fails', async () => {
    vi.mocked(trainRecipe).mockReturnValueOnce(new Promise(() => undefined));
    const device = new AbortController();
    setTimeout(() => device.abort(new Error('the WebGL context was lost')), 50);
    const { report, trained } = await runComparison({
      ...request,
      strategies: [{ id: 'full-retrain', options: FAST }],
      deviceFault: () => device.signal,
    });
    expect(report.strategies[0]).toMatchObject({ status: 'failed', error: 'the WebGL context was lost' });
    disposeAll(trained);
  });

  it("repeats: trains every strategy once per seed, keeps only the first seed's models, and reports runs, summaries, comparisons and a recommendation", async () => {
    const tensorsBefore = tf.memory().numTensors;
    const calls: string[] = [];
    const partial: ReportStrategy[] = [];
    const partialHeldOut: HeldOutPrediction[] = [];
    const handed: TrainedStrategy[] = [];
    const seedsSeen = new Set<string>();
    const result = await runComparison({
      ...request,
      repeats: 3,
      onProgress: (e) => seedsSeen.add(`${e.strategyId}:${e.seed}:${e.seedIndex + 1} of ${e.repeats}`),
      onStrategyDone: (entry, trained, _lane, progress) => {
        calls.push(`${entry.id}:${progress.seedIndex}:${progress.seedsDone}:${progress.complete}`);
        // Intervals come once all of a strategy's seeds are in: not recomputed at every seed.
        if (entry.status === 'ok') expect(entry.summary.resamples > 0).toBe(progress.complete);
        if (entry.status === 'ok' && !progress.complete) {
          expect(entry.summary.logLoss.lo).toBeNull();
          partial.push(entry);
          partialHeldOut.push(progress.heldOut as HeldOutPrediction);
        }
        if (trained) handed.push(trained);
        expect(progress.heldOut?.pCorrect).toHaveLength(182);
      },
    });
    // Seed-major: every strategy of the first seed, then the next.
    expect(calls).toEqual([
      'full-retrain:0:1:false',
      'weighted-loss:0:1:false',
      'full-retrain:1:2:false',
      'weighted-loss:1:2:false',
      'full-retrain:2:3:true',
      'weighted-loss:2:3:true',
    ]);
    expect(seedsSeen).toContain('full-retrain:43:2 of 3');
    // Only the first seed's model of each strategy is handed over (and kept): the others were disposed.
    expect(handed).toHaveLength(2);
    expect([...result.trained.values()]).toEqual(handed);
    const r = result.report;
    expect(r.schemaVersion).toBe(2);
    expect(r.seeds).toEqual([42, 43, 44]);
    const s = r.strategies[0];
    if (s?.status !== 'ok') throw new Error('full-retrain should have trained');
    expect(s.seeds).toEqual([42, 43, 44]);
    expect(s.runs.map((run) => run.seed)).toEqual([42, 43, 44]);
    expect(s.runs[0]?.test).toEqual(s.test);
    expect(s.summary.seeds).toBe(3);
    expect(s.summary.logLoss.mean).toBeCloseTo(
      s.runs.reduce((a, run) => a + (run.test.logLoss as number), 0) / 3,
      12,
    );
    expect(s.summary.userLogLoss.lo).toBeLessThanOrEqual(s.summary.userLogLoss.hi as number);
    expect(r.comparisons.some((c) => c.strategy === 'weighted-loss' && c.against === 'full-retrain')).toBe(
      true,
    );
    expect(r.comparisons.some((c) => c.against === 'constant-rate')).toBe(true);
    expect(r.recommendation.headline.length).toBeGreaterThan(0);
    expect(r.mixedRuns).toBeNull();
    // The sample is the lab's own simulation: the truth row is there.
    expect(r.truth?.simulation.name).toBe('seed-shaped');
    // A run cancelled after one seed: the worker gives the entry its intervals over the seed it has.
    const one = partial[0] as ReportStrategy;
    const rows = scoredRows(dataset.tasks, temporalSplit(dataset.tasks).testIndices);
    const filled = withIntervals(one, rows, [partialHeldOut[0] as HeldOutPrediction], 200);
    if (filled.status !== 'ok') throw new Error('expected an ok entry');
    expect(filled.summary.resamples).toBe(200);
    expect(filled.summary.logLoss.lo).toBeLessThanOrEqual(filled.summary.logLoss.hi as number);
    expect(result.predictions.get('weighted-loss')?.seeds).toEqual([42, 43, 44]);
    // The comparisons reused each summary's draws: the same as scoring every strategy's seeds again.
    expect(result.predictions.get('weighted-loss')?.replicates?.seeds).toEqual([42, 43, 44]);
    const rescored = compareStrategies(
      rows,
      [...result.predictions].map(([id, p]) => ({ id, seeds: p.seeds, heldOut: p.heldOut })),
      r.baseline,
      { seed: 42, resamples: 200 },
    );
    expect(r.comparisons).toEqual(rescored);
    const parsed = reportSchema.safeParse(JSON.parse(JSON.stringify(r)));
    expect(parsed.success, parsed.error?.message).toBe(true);
    disposeAll(result.trained);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('refuses an unknown strategy, an invalid own recipe or an id asked twice before training anything', async () => {
    vi.mocked(trainRecipe).mockClear();
    const bad = [{ id: 'magic' as StrategyId }];
    await expect(runComparison({ ...request, strategies: bad })).rejects.toThrow('unknown strategy "magic"');
    const recipe = { ...presetRecipe('weighted-loss'), weightExponent: 2 };
    await expect(
      runComparison({ ...request, strategies: [{ id: 'mine', label: 'Mine', recipe }] }),
    ).rejects.toThrow('recipe "mine": weightExponent must be from 0 to 1');
    await expect(
      runComparison({ ...request, strategies: [...STRATEGIES, { id: 'full-retrain' }] }),
    ).rejects.toThrow('strategy "full-retrain" is asked for twice');
    expect(trainRecipe).not.toHaveBeenCalled();
  });

  it('trains an own recipe like the six: after them in the report, with its recipe, valid against the schema', async () => {
    const recipe = { ...presetRecipe('weighted-loss', FAST), weightExponent: 0.5, capPerUser: 300 };
    const { report, trained } = await runComparison({
      ...request,
      strategies: [{ id: 'half-weights', label: 'Half weights', recipe }, ...STRATEGIES],
    });
    expect(report.strategies.map((s) => s.id)).toEqual(['full-retrain', 'weighted-loss', 'half-weights']);
    const own = report.strategies[2];
    expect(own).toMatchObject({ status: 'ok', label: 'Half weights', recipe });
    expect(own?.options).toMatchObject({
      weightExponent: 0.5,
      capPerUser: 300,
      validationMode: 'per-user-tail',
    });
    expect(report.strategies[0]).not.toHaveProperty('recipe');
    expect(validateReport(JSON.parse(JSON.stringify(report)))).toMatchObject({ ok: true });
    disposeAll(trained);
  });
});
