// A training helper as the lab worker uses it: the real train-helper worker run in-process behind a
// HelperLane — training a job exactly as this thread would, keeping its model for export, crashing
// mid-strategy (the strategy comes back as a LaneLostError) and being cancelled.
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { laneRunner } from '../core/comparison/lane-runner';
import { LaneLostError, type LaneJob } from '../core/comparison/strategy-lanes';
import { importTasksFromBytes } from '../core/data/import-tasks';
import { summarizeDataset, type DatasetSummary } from '../core/data/summarize-dataset';
import type { Task } from '../core/data/task';
import { DEFAULT_THRESHOLDS } from '../core/evaluation/verdicts';
import { DEFAULT_VALIDATION } from '../core/strategies/types';
import { activateBackend } from '../core/backend/activate-backend';
import { spawnHelperLane, type HelperLane } from './helper-lane';
import { learnerContext } from '../core/features/learner-scenario';
import type { HelperReply } from './helper-protocol';
import { InProcessWorker, installInProcessWorkers } from './in-process-worker.test-helper';

// The browser's table of served wasm files; in Node the wasm backend finds its binaries beside the package.
vi.mock('./wasm-paths', () => ({ WASM_PATHS: undefined }));

const HELPER = new URL('./train-helper.worker.ts', import.meta.url);
const BYTES = readFileSync(new URL('../../fixtures/seed-shaped.csv', import.meta.url));
const FILE = new Blob([BYTES]);

const job = (id: string, epochs: number, keep = true): LaneJob => ({
  strategy: { id, options: { epochs } },
  seed: 3,
  keep,
  backend: 'wasm',
  thresholds: { ...DEFAULT_THRESHOLDS },
  validation: DEFAULT_VALIDATION,
  resamples: 50,
});
const download = (strategyId: string) => ({ strategyId, target: 'download' as const, maskIds: false });

let tasks: readonly Task[];
let summary: DatasetSummary;

beforeAll(async () => {
  const imported = importTasksFromBytes(new Uint8Array(BYTES), 'seed-shaped.csv');
  if (imported.kind === 'refused') throw new Error(imported.message);
  tasks = imported.dataset.tasks;
  summary = await summarizeDataset(imported.dataset);
});

describe('a helper lane over the real helper worker', () => {
  let env: ReturnType<typeof installInProcessWorkers>;
  let lane: HelperLane;
  let worker: InProcessWorker;

  beforeEach(() => {
    env = installInProcessWorkers(1);
    lane = spawnHelperLane('Training helper 1', { fileName: 'seed-shaped.csv', file: FILE, summary }, () => {
      worker = new InProcessWorker(HELPER);
      return worker as unknown as Worker;
    });
  });
  afterEach(() => {
    lane.dispose();
    env.restore();
  });

  it("gives the entry this thread's runner gives, keeps the model for export, and forgets it on drop", async () => {
    const epochs: number[] = [];
    const { entry, heldOut } = await lane.run(job('full-retrain', 2), {
      onProgress: (e) => epochs.push(e.epoch),
    });
    expect(epochs.length).toBeGreaterThan(0);
    // The seed's held-out predictions come back with the entry (the report's comparisons need them).
    expect(heldOut?.pCorrect.length).toBe(182);

    await activateBackend('wasm');
    const here = await laneRunner(tasks)(job('full-retrain', 2), {});
    here.model?.dispose();
    expect({ ...entry, trainMs: 0 }).toEqual({ ...here.entry, trainMs: 0 });

    const exported = await lane.exportModel(download('full-retrain'));
    expect(exported).toMatchObject({
      kind: 'model-exported',
      fileName: expect.stringContaining('full-retrain'),
    });
    if (exported.kind === 'model-exported') expect(exported.bytes?.length).toBeGreaterThan(1000);

    // "Try a learner": the helper predicts with the model it keeps, as the same model does here.
    const learner = learnerContext(tasks, {
      userId: 'you2@example.com',
      replaced: 0,
      recent: [],
      next: { topic: 'Calculus', difficulty: 'easy' },
    });
    const there = await lane.predict('full-retrain', [learner]);
    const again = await laneRunner(tasks)(job('full-retrain', 2), {});
    const local = await again.model?.predict([learner]);
    again.model?.dispose();
    expect(there.pCorrect[0]).toBeCloseTo(local?.pCorrect[0] ?? NaN, 6);
    expect(there.timeSeconds[0]).toBeCloseTo(local?.timeSeconds[0] ?? NaN, 3);

    lane.drop('full-retrain');
    expect((await lane.exportModel(download('full-retrain'))).kind).toBe('failed');
    await expect(lane.predict('full-retrain', [learner])).rejects.toThrow(/train it again/);
    expect(lane.alive()).toBe(true);

    // A later seed of a repeated run: evaluated and handed back, its model not kept.
    const later = await lane.run(job('full-retrain', 1, false), {});
    expect(later.entry.status).toBe('ok');
    expect((await lane.exportModel(download('full-retrain'))).kind).toBe('failed');
  });

  it('hands a strategy back when the helper crashes mid-strategy, then takes no more and says its models are gone', async () => {
    await lane.run(job('full-retrain', 1), {});
    const run = lane.run(job('weighted-loss', 400), {
      onProgress: () => worker.crash('out of memory'),
    });
    await expect(run).rejects.toThrow(LaneLostError);
    await expect(run).rejects.toThrow('it stopped unexpectedly: out of memory');
    expect(lane.alive()).toBe(false);
    expect(worker.isTerminated).toBe(true);

    await expect(lane.run(job('progressive', 1), {})).rejects.toThrow(LaneLostError);
    expect(await lane.exportModel(download('full-retrain'))).toEqual({
      kind: 'failed',
      message:
        'The model of full-retrain was lost with Training helper 1 (it stopped unexpectedly: out of memory): train it again.',
    });
  });

  it('answers a cancel at once with the signal’s reason, and the helper goes on to the next job', async () => {
    const replies: HelperReply['kind'][] = [];
    worker.addEventListener('message', (e) => replies.push((e as MessageEvent<HelperReply>).data.kind));
    const controller = new AbortController();
    const reason = new DOMException('Training cancelled', 'AbortError');
    const run = lane.run(job('weighted-loss', 400), {
      signal: controller.signal,
      onProgress: () => controller.abort(reason),
    });
    await expect(run).rejects.toBe(reason);
    expect(lane.alive()).toBe(true);
    const next = await lane.run(job('full-retrain', 1), {});
    expect(next.entry).toMatchObject({ id: 'full-retrain', status: 'ok' });
    // The helper imported the file, then itself stopped the cancelled strategy (a reply the lane drops).
    expect(replies.filter((k) => k !== 'progress')).toEqual(['ready', 'cancelled', 'ran']);
  });
});
