import { beforeAll, describe, expect, it } from 'vitest';
import type { DatasetSummary } from '../core/data/summarize-dataset';
import type { Report, ReportStrategy } from '../core/report/report-types';
import { realReport } from '../core/report/report.test-helper';
import { frameOf } from '../core/report/compose-report';
import type { RunRecord } from '../core/report/run-record';
import type { RunHistoryStorage } from '../platform/run-history';
import { createLabStore } from './create-lab-store';
import { fakeLabClient } from './fake-lab-client.test-helper';

let report: Report;
let entry: ReportStrategy;
beforeAll(async () => {
  report = await realReport();
  entry = report.strategies.find((s) => s.status === 'ok') as ReportStrategy;
});

let fingerprint = 'sha256:one';
const summary = (): DatasetSummary => ({
  fileName: 'tasks.csv',
  rows: 160,
  skippedRows: 0,
  notCompletedRows: 0,
  fingerprint,
  users: report.dataset.users.map((u) => ({ ...u, correctRate: 0.5 })),
  topics: [{ topic: 'Algebra', counts: { easy: 1, medium: 1, hard: 1 }, total: 3 }],
  firstTaskAt: '2025-09-01T00:00:00.000Z',
  lastTaskAt: '2025-09-02T00:00:00.000Z',
  correctRate: 0.5,
  hasPredictedCorrect: false,
  hasTrueP: false,
});

function memoryHistory(): RunHistoryStorage & { kept: RunRecord[] } {
  const kept: RunRecord[] = [];
  return {
    kept,
    list: async () => [...kept],
    put: async (run) => {
      const i = kept.findIndex((r) => r.id === run.id);
      if (i >= 0) kept[i] = run;
      else kept.unshift(run);
    },
    delete: async (id) => {
      const i = kept.findIndex((r) => r.id === id);
      if (i >= 0) kept.splice(i, 1);
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

async function ready() {
  fingerprint = 'sha256:one';
  const { client, runs } = fakeLabClient(summary);
  const storage = memoryHistory();
  const store = createLabStore(client, {}, storage);
  await settle();
  await store.getState().importFile(new File(['x'], 'tasks.csv'));
  return { store, runs, storage };
}

/** One run of the given strategies; `finished` of them send strategy-done before the reply. */
async function run(
  store: Awaited<ReturnType<typeof ready>>['store'],
  runs: Awaited<ReturnType<typeof ready>>['runs'],
  ids: string[],
  finished = ids.length,
) {
  const done = store.getState().trainStrategies(ids);
  const driven = runs.at(-1);
  if (!driven) throw new Error('no run started');
  driven.emit({ kind: 'frame', frame: frameOf(report) });
  for (const id of ids.slice(0, finished))
    driven.emit({
      kind: 'strategy-done',
      entry: { ...entry, id: id as ReportStrategy['id'] },
      progress: { seedIndex: 0, seedsDone: 1, repeats: 1, complete: true },
    });
  driven.finish(
    finished === ids.length
      ? {
          kind: 'trained',
          frame: frameOf(report),
          outcomes: ids.map((id) => ({ id, label: entry.label, status: 'ok' as const })),
        }
      : { kind: 'cancelled', finished: ids.slice(0, finished) },
  );
  await done;
  await settle();
}

describe('the run recorder and history', () => {
  it('keeps every run with its data, settings, headline numbers and what changed, newest first', async () => {
    const { store, runs, storage } = await ready();
    await run(store, runs, ['full-retrain', 'weighted-loss']);
    store.getState().setSeed(7);
    store.getState().setStrategyOption('weighted-loss', 'epochs', 5);
    await run(store, runs, ['weighted-loss']);
    const [second, first] = store.getState().runs;
    expect(first?.name).toBe('Run 1');
    expect(second?.name).toBe('Run 2');
    expect(first?.outcome).toBe('complete');
    expect(first?.dataset).toEqual({ fileName: 'tasks.csv', fingerprint: 'sha256:one', rows: 160, users: 4 });
    expect(first?.strategies.map((s) => s.id)).toEqual(['full-retrain', 'weighted-loss']);
    expect(second?.settings.seed).toBe(7);
    expect(Object.keys(second?.settings.options ?? {})).toEqual(['weighted-loss']);
    expect(second?.settings.options['weighted-loss']?.epochs).toBe(5);
    expect(storage.kept.map((r) => r.name)).toEqual(['Run 2', 'Run 1']);

    await store.getState().renameRun(first?.id ?? '', '  baseline ');
    expect(storage.kept.find((r) => r.id === first?.id)?.name).toBe('baseline');
    await store.getState().deleteRun(second?.id ?? '');
    expect(store.getState().runs.map((r) => r.name)).toEqual(['baseline']);
    expect(storage.kept.map((r) => r.name)).toEqual(['baseline']);
  });

  it('keeps a cancelled run’s finished strategies as partial, and times runs for the estimate', async () => {
    const { store, runs } = await ready();
    await run(store, runs, ['full-retrain', 'weighted-loss'], 1);
    const [partial] = store.getState().runs;
    expect(partial?.outcome).toBe('partial');
    expect(partial?.strategies.map((s) => s.id)).toEqual(['full-retrain']);
    expect(store.getState().runClock.lastMs).toBeGreaterThanOrEqual(0);
    // A complete run of the same work is what the next one's estimate rests on; a partial one is not.
    void store.getState().trainStrategies(['full-retrain', 'weighted-loss']);
    expect(store.getState().runClock.startedAt).toBeDefined();
    expect(store.getState().runClock.previousMs).toBeUndefined();
  });

  it('resets the status when other data arrives, and loads runs kept earlier', async () => {
    const { store, runs, storage } = await ready();
    await run(store, runs, ['full-retrain']);
    expect(store.getState().trainStatus).toBe('All strategies trained');
    fingerprint = 'sha256:two';
    await store.getState().importFile(new File(['y'], 'other.csv'));
    expect(store.getState().trainStatus).toBe('Not trained yet');
    expect(store.getState().results).toEqual({});

    const { client } = fakeLabClient(summary);
    const again = createLabStore(client, {}, storage);
    await settle();
    expect(again.getState().runs.map((r) => r.name)).toEqual(['Run 1']);
  });
});
