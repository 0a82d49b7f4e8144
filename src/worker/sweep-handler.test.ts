// Sweeps through the page's client against the real lab worker run in-process: the events and the
// document, the same numbers as core's runSweep with the same settings (helper lanes or not), a cancel
// within a second that leaves the strategies' models and predictions as they were, and a refusal in one line.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { activateBackend } from '../core/backend/activate-backend';
import { importTasksFromBytes } from '../core/data/import-tasks';
import { summarizeDataset } from '../core/data/summarize-dataset';
import { DEFAULT_THRESHOLDS } from '../core/evaluation/verdicts';
import { runSweep } from '../core/sweep/run-sweep';
import { realLabWorker } from './real-lab-worker.test-helper';
import type { SweepDocument } from '../core/sweep/sweep-document';
import type { SweepEvent, SweepRunRequest } from './protocol';
import { planOf } from './sweep-handler';

vi.mock('./wasm-paths', () => ({ WASM_PATHS: undefined }));

const BYTES = readFileSync(new URL('../../fixtures/seed-shaped.csv', import.meta.url));
const SAMPLE = new Blob([BYTES]);

const sweepRequest = (over: Partial<SweepRunRequest> = {}): SweepRunRequest => ({
  base: { kind: 'preset', id: 'balanced-sampling', options: { epochs: 2 } },
  axes: [{ name: 'capPerUser', values: [25, 150] }],
  seed: 7,
  repeats: 2,
  backend: 'wasm',
  workers: 'auto',
  thresholds: { ...DEFAULT_THRESHOLDS },
  ...over,
});

/** The document's numbers: everything but when it was made. */
const numbers = (d: SweepDocument) => ({
  ...d,
  generatedAt: undefined,
  points: d.points.map((p) => ({ ...p, trainMs: undefined })),
});

/** core's runSweep in this thread, as the CLI runs it: wasm, no lanes. */
async function sweepInNode(request: SweepRunRequest): Promise<SweepDocument> {
  const imported = importTasksFromBytes(new Uint8Array(BYTES), 'seed-shaped.csv');
  if (imported.kind !== 'ok') throw new Error('sample refused');
  const activation = await activateBackend('wasm');
  if (!activation.ok) throw new Error(activation.reason);
  return runSweep({
    plan: planOf(request),
    dataset: imported.dataset,
    summary: await summarizeDataset(imported.dataset),
    seed: request.seed,
    repeats: request.repeats,
    thresholds: request.thresholds,
    backend: 'wasm',
  });
}

describe('a sweep in the lab worker', () => {
  const lab = realLabWorker(1);

  it('streams progress per epoch and per point’s seed, then the document; the strategies’ results stay', async () => {
    await lab.client.importFile('seed-shaped.csv', SAMPLE);
    const trained = lab.client.train(
      {
        strategies: [{ id: 'weighted-loss', options: { epochs: 2 } }],
        seed: 5,
        backend: 'wasm',
        workers: 1,
        thresholds: { ...DEFAULT_THRESHOLDS },
      },
      () => {},
    );
    expect((await trained.done).kind).toBe('trained');
    const csvBefore = await lab.client.predictionsCsv(false);

    const events: SweepEvent[] = [];
    const run = lab.client.sweep(sweepRequest(), (e) => events.push(e));
    const reply = await run.done;
    if (reply.kind !== 'swept') throw new Error(JSON.stringify(reply));
    const kinds = events.map((e) => e.kind);
    expect(kinds.slice(0, 2)).toEqual(['backend', 'workers']);
    expect(kinds).toContain('progress');
    expect(events.some((e) => e.kind === 'progress' && 'userId' in e.event)).toBe(false);
    const done = events.flatMap((e) => (e.kind === 'point-done' ? [e] : []));
    expect(done.map((e) => [e.pointId, e.point, e.points, e.seedsDone, e.complete])).toEqual([
      ['point-1', 1, 2, 1, false],
      ['point-2', 2, 2, 1, false],
      ['point-1', 1, 2, 2, true],
      ['point-2', 2, 2, 2, true],
    ]);
    const document = reply.document;
    expect(document.points.map((p) => [p.id, p.status, p.values])).toEqual([
      ['point-1', 'ok', { capPerUser: 25 }],
      ['point-2', 'ok', { capPerUser: 150 }],
    ]);
    expect(document.reference).toBe('point-2');
    expect(document.seeds).toEqual([7, 8]);
    expect(document.best?.headline).toMatch(/\S/);

    // The trained strategy is still held: its predictions and its model answer as before.
    expect(await lab.client.predictionsCsv(false)).toEqual(csvBefore);
    const asked = await lab.client.whatIf({
      replaced: 0,
      recent: [],
      next: { topic: 'Calculus', difficulty: 'easy' },
    });
    expect(asked.kind === 'what-if' && asked.predictions.map((p) => p.strategyId)).toEqual(['weighted-loss']);

    // The same numbers as core's runSweep with the same plan, seeds and settings.
    expect(numbers(document)).toEqual(numbers(await sweepInNode(sweepRequest())));
  });

  it('cancels within a second: the reply says cancelled, and the next sweep runs', async () => {
    await lab.client.importFile('seed-shaped.csv', SAMPLE);
    let cancelledAt = 0;
    const run = lab.client.sweep(
      sweepRequest({ base: { kind: 'preset', id: 'balanced-sampling', options: { epochs: 400 } } }),
      (e) => {
        if (!cancelledAt && e.kind === 'progress' && e.event.epoch >= 2) {
          cancelledAt = performance.now();
          lab.client.cancel(run.runId);
        }
      },
    );
    expect(await run.done).toEqual({ kind: 'sweep-cancelled' });
    expect(performance.now() - cancelledAt).toBeLessThan(1000);
    const next = await lab.client.sweep(sweepRequest({ repeats: 1 }), () => {}).done;
    expect(next.kind).toBe('swept');
  });

  it('refuses in one line what cannot be swept, and a sweep before any dataset', async () => {
    expect(await lab.client.sweep(sweepRequest(), () => {}).done).toEqual({
      kind: 'sweep-failed',
      message: 'Load a dataset before sweeping.',
    });
    await lab.client.importFile('seed-shaped.csv', SAMPLE);
    const reply = await lab.client.sweep(
      sweepRequest({ axes: [{ name: 'minTasks', values: [5, 10] }] }),
      () => {},
    ).done;
    expect(reply).toEqual({
      kind: 'sweep-failed',
      message: expect.stringMatching(
        /^minTasks changes nothing in "3\. Balanced sampling": it needs per-user/,
      ),
    });
  });
});

describe('a sweep with a training helper (two cores)', () => {
  const lab = realLabWorker(2);

  it('shares the points with the helper lane and gets the same numbers as without lanes', async () => {
    await lab.client.importFile('seed-shaped.csv', SAMPLE);
    const events: SweepEvent[] = [];
    const reply = await lab.client.sweep(sweepRequest(), (e) => events.push(e)).done;
    if (reply.kind !== 'swept') throw new Error(JSON.stringify(reply));
    expect(events.find((e) => e.kind === 'workers')).toMatchObject({ count: 2 });
    expect(numbers(reply.document)).toEqual(numbers(await sweepInNode(sweepRequest())));
  });
});
