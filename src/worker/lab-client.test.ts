// The page's handle on the lab worker, against the real lab worker run in-process (import, train, cancel,
// a crash and the restart that follows) and against a scripted worker for replies a real one cannot be
// made to send at will (late replies of a crashed worker, replies out of order).
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../core/evaluation/verdicts';
import { createLabClient, type LabClient } from './lab-client';
import { ScriptedWorker } from './in-process-worker.test-helper';
import { realLabWorker } from './real-lab-worker.test-helper';
import type { RunId, TrainEvent, TrainRequest, WorkerRequest } from './protocol';

// The browser's table of served wasm files; in Node the wasm backend finds its binaries beside the package.
vi.mock('./wasm-paths', () => ({ WASM_PATHS: undefined }));

const SAMPLE = new Blob([readFileSync(new URL('../../fixtures/seed-shaped.csv', import.meta.url))]);

const trainRequest = (strategies: TrainRequest['strategies']): TrainRequest => ({
  strategies,
  seed: 5,
  backend: 'wasm',
  workers: 1,
  thresholds: { ...DEFAULT_THRESHOLDS },
});
const QUICK = { epochs: 2 };
/** Long enough to be caught mid-strategy (the fused engine does an epoch of the sample in milliseconds). */
const LONG = { epochs: 400 };

describe('the lab client with the real lab worker', () => {
  const lab = realLabWorker(1);
  const spawned = () => lab.env.workers;

  it('imports, previews and trains one: its events in order, all before the reply', async () => {
    const imported = await lab.client.importFile('seed-shaped.csv', SAMPLE);
    expect(imported.kind).toBe('imported');
    if (imported.kind === 'imported') expect(imported.summary.rows).toBe(917);
    expect(Object.keys(await lab.client.preview([{ id: 'full-retrain', options: {} }]))).toEqual([
      'full-retrain',
    ]);

    const events: TrainEvent['kind'][] = [];
    let replied = false;
    const run = lab.client.train(trainRequest([{ id: 'full-retrain', options: QUICK }]), (event) => {
      expect(replied, `event "${event.kind}" after the run's reply`).toBe(false);
      events.push(event.kind);
    });
    const done = await run.done;
    replied = true;
    expect(done.kind).toBe('trained');
    if (done.kind === 'trained') expect(done.outcomes.map((s) => s.id)).toEqual(['full-retrain']);
    const firstOf = (kind: TrainEvent['kind']) => events.indexOf(kind);
    expect(events.slice(0, 2)).toEqual(['backend', 'workers']);
    // Training starts while the frame (the reference rows) is scored, so progress may come first; every
    // strategy's entry comes after it.
    expect(firstOf('frame')).toBeGreaterThan(1);
    expect(firstOf('strategy-done')).toBeGreaterThan(firstOf('frame'));
    // The comparisons over every strategy held come last, after the strategy's entry.
    expect(events.slice(-2)).toEqual(['strategy-done', 'comparisons']);
  });

  it('answers "Try a learner": a user’s last answers, and each trained strategy’s prediction as they change', async () => {
    await lab.client.importFile('seed-shaped.csv', SAMPLE);
    const before = await lab.client.whatIf({
      replaced: 0,
      recent: [],
      next: { topic: 'Calculus', difficulty: 'easy' },
    });
    expect(before).toEqual({ kind: 'what-if', predictions: [] });
    const run = lab.client.train(trainRequest([{ id: 'weighted-loss', options: QUICK }]), () => {});
    expect((await run.done).kind).toBe('trained');

    const recent = await lab.client.learnerRecent('you2@example.com', 5);
    expect(recent.totalTasks).toBe(59);
    expect(recent.answers).toHaveLength(5);
    const ask = (correct: boolean) =>
      lab.client.whatIf({
        userId: 'you2@example.com',
        replaced: 5,
        recent: recent.answers.map((a) => ({ ...a, correct })),
        next: { topic: 'Calculus', difficulty: 'easy' },
      });
    const right = await ask(true);
    const wrong = await ask(false);
    if (right.kind !== 'what-if' || wrong.kind !== 'what-if') throw new Error('no answer');
    expect(right.predictions.map((p) => p.strategyId)).toEqual(['weighted-loss']);
    const p = (r: typeof right) => (r.predictions[0] as { pCorrect: number }).pCorrect;
    expect(p(right)).toBeGreaterThan(0);
    expect(p(right)).not.toBe(p(wrong));
    expect(
      await lab.client.whatIf({
        userId: 'nobody',
        replaced: 0,
        recent: [],
        next: { topic: 'Calculus', difficulty: 'easy' },
      }),
    ).toEqual({
      kind: 'what-if-failed',
      message: 'no user "nobody" in the data',
    });
  });

  it('cancels a run mid-strategy: the reply says cancelled and keeps the strategy already finished', async () => {
    await lab.client.importFile('seed-shaped.csv', SAMPLE);
    const strategies = [
      { id: 'full-retrain', options: QUICK },
      { id: 'balanced-sampling', options: LONG },
    ];
    let cancelled = false;
    const run = lab.client.train(trainRequest(strategies), (event) => {
      if (!cancelled && event.kind === 'progress' && event.event.strategyId === 'balanced-sampling') {
        cancelled = true;
        lab.client.cancel(run.runId);
      }
    });
    expect(await run.done).toMatchObject({ kind: 'cancelled', finished: ['full-retrain'] });
    expect(cancelled).toBe(true);
  });

  it('restarts a crashed worker: the run in flight fails with the reason, and the dataset is there again', async () => {
    const restarts: string[] = [];
    lab.client.onRestart((message) => restarts.push(message));
    await lab.client.importFile('seed-shaped.csv', SAMPLE);
    const run = lab.client.train(trainRequest([{ id: 'weighted-loss', options: LONG }]), (event) => {
      if (event.kind === 'progress' && spawned().length === 1) spawned()[0]?.crash('out of memory');
    });
    const message = 'The lab worker stopped unexpectedly (out of memory); it was restarted.';
    expect(await run.done).toEqual({ kind: 'train-failed', message });
    expect(restarts).toEqual([message]);
    expect(spawned()).toHaveLength(2);
    expect(spawned()[0]?.isTerminated).toBe(true);

    // The new worker was given the last good file before anything else: no import needed to go on.
    const influence = await lab.client.preview([{ id: 'weighted-loss', options: {} }]);
    expect(influence['weighted-loss']?.length).toBeGreaterThan(0);
    const again = await lab.client.train(trainRequest([{ id: 'full-retrain', options: QUICK }]), () => {})
      .done;
    expect(again.kind).toBe('trained');
  });
});

describe('the lab client with a scripted worker', () => {
  let workers: ScriptedWorker[];
  let client: LabClient;
  const latest = () => workers.at(-1) as ScriptedWorker;
  const sent = (w: ScriptedWorker) => w.received as WorkerRequest[];

  beforeEach(() => {
    workers = [];
    client = createLabClient(() => {
      workers.push(new ScriptedWorker());
      return latest() as unknown as Worker;
    });
  });
  afterEach(() => client.dispose());

  const progress = (strategyId: string, epoch: number): TrainEvent => ({
    kind: 'progress',
    event: {
      strategyId,
      phase: 'train',
      head: 'correctness',
      epoch,
      epochs: 9,
      loss: 0.5,
      valLoss: null,
      seed: 42,
      seedIndex: 0,
      repeats: 1,
    },
  });

  it('drops replies nobody waits for: a crashed run’s late events and reply, and ids it never sent', async () => {
    const first = latest();
    const seen: TrainEvent[] = [];
    const run = client.train(trainRequest([{ id: 'full-retrain', options: {} }]), (e) => seen.push(e));
    expect(sent(first)[0]).toMatchObject({ kind: 'train', id: run.runId });
    await first.reply({ id: run.runId, kind: 'event', event: progress('full-retrain', 1) });
    expect(seen).toHaveLength(1);

    first.crash('boom');
    expect((await run.done).kind).toBe('train-failed');
    // Messages the dead worker had already sent still arrive: they belong to nothing now.
    await first.reply({ id: run.runId, kind: 'event', event: progress('full-retrain', 2) });
    await first.reply({ id: run.runId, kind: 'trained', frame: {}, outcomes: [] });

    const second = latest();
    expect(second).not.toBe(first);
    const seen2: TrainEvent[] = [];
    const run2 = client.train(trainRequest([{ id: 'progressive', options: {} }]), (e) => seen2.push(e));
    expect(run2.runId).not.toBe(run.runId);
    await second.reply({ id: run.runId, kind: 'event', event: progress('full-retrain', 3) });
    await second.reply({ id: 999, kind: 'event', event: progress('x', 1) });
    expect(seen).toHaveLength(1);
    expect(seen2).toHaveLength(0);
    await second.reply({ id: run2.runId, kind: 'event', event: progress('progressive', 1) });
    await second.reply({ id: run2.runId, kind: 'cancelled', finished: [] });
    expect(seen2).toEqual([progress('progressive', 1)]);
    expect(await run2.done).toMatchObject({ kind: 'cancelled', finished: [] });
  });

  it('matches replies to requests whatever order they come in', async () => {
    const w = latest();
    const preview = client.preview([]);
    const saved = client.savedModels();
    const [previewReq, savedReq] = sent(w);
    await w.reply({ id: savedReq?.id, kind: 'saved-models', models: [] });
    await w.reply({ id: previewReq?.id, kind: 'preview', influence: {} });
    expect(await saved).toEqual([]);
    expect(await preview).toEqual({});
  });

  it('cancel names the run it stops, under an id of its own', () => {
    const run = client.train(trainRequest([]), () => {});
    client.cancel(run.runId);
    const [train, cancel] = sent(latest());
    expect(cancel).toEqual({ kind: 'cancel', runId: run.runId, id: expect.any(Number) });
    expect(cancel?.id).not.toBe(train?.id);
    // @ts-expect-error a bare number is not a run id: only train() hands one out
    client.cancel(1);
    // @ts-expect-error nor is the id of another request
    client.cancel(cancel?.id as WorkerRequest['id']);
    const ok: RunId = run.runId;
    expect(ok).toBe(train?.id);
  });

  it('answers a request in flight at a crash, and re-imports only the last file that was imported', async () => {
    const first = latest();
    const good = client.importFile('good.csv', new Blob(['a']));
    await first.reply({ id: sent(first)[0]?.id, kind: 'imported', summary: {}, report: {}, importMs: 1 });
    await good;
    const bad = client.importFile('bad.csv', new Blob(['b']));
    await first.reply({ id: sent(first)[1]?.id, kind: 'refused', message: 'bad.csv: no header' });
    expect(await bad).toMatchObject({ kind: 'refused', message: 'bad.csv: no header' });

    const hanging = client.importFile('never.csv', new Blob(['c']));
    const saved = client.savedModels();
    first.crash('');
    expect(await hanging).toEqual({
      kind: 'refused',
      message: 'never.csv could not be imported: The lab worker stopped unexpectedly; it was restarted.',
    });
    await expect(saved).rejects.toThrow('The lab worker stopped unexpectedly; it was restarted.');
    expect(first.terminated).toBe(true);
    expect(sent(latest())).toEqual([expect.objectContaining({ kind: 'import', fileName: 'good.csv' })]);
  });
});

describe('the lab client with the real lab worker and a training helper (two cores)', () => {
  const lab = realLabWorker(2);

  it('trains the strategy of a helper that crashed in the lab worker instead, says so, and finishes the run', async () => {
    await lab.client.importFile('seed-shaped.csv', SAMPLE);
    const notices: string[] = [];
    let workers = 0;
    const strategies = [
      { id: 'full-retrain', options: { epochs: 30 } },
      { id: 'architecture-fixes', options: { epochs: 30 } },
    ];
    const done = await lab.client.train({ ...trainRequest(strategies), workers: 'auto' }, (event) => {
      if (event.kind === 'workers') workers = event.count;
      if (event.kind === 'notice') notices.push(event.message);
      // The lab worker is the first worker started, its helper the second.
      if (event.kind === 'progress' && notices.length === 0) lab.env.workers[1]?.crash('out of memory');
    }).done;
    expect(workers).toBe(2);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      /^Training helper 1 could not finish .+ \(it stopped unexpectedly: out of memory\); it was trained again in the lab worker\.$/,
    );
    expect(done.kind).toBe('trained');
    if (done.kind === 'trained')
      expect(done.outcomes.map((s) => [s.id, s.status])).toEqual([
        ['full-retrain', 'ok'],
        ['architecture-fixes', 'ok'],
      ]);
  });
});
