/**
 * A LabClient for store tests: imports answer with a given summary, and each training run is driven by
 * the test — it sends the worker's events and settles the run when it wants; sweeps likewise. Test-only.
 */
import type { DatasetSummary } from '../core/data/summarize-dataset';
import type { LabClient } from '../worker/lab-client';
import type {
  RunId,
  SweepEvent,
  SweepReply,
  SweepRunRequest,
  TrainEvent,
  TrainReply,
  TrainRequest,
} from '../worker/protocol';

export interface DrivenRun {
  request: TrainRequest;
  emit(event: TrainEvent): void;
  finish(reply: TrainReply): void;
}

export interface DrivenSweep {
  request: SweepRunRequest;
  runId: RunId;
  emit(event: SweepEvent): void;
  finish(reply: SweepReply): void;
}

export function fakeLabClient(summary: () => DatasetSummary) {
  const runs: DrivenRun[] = [];
  const sweeps: DrivenSweep[] = [];
  const cancelled: RunId[] = [];
  let nextRun = 1;
  const client: LabClient = {
    importFile: async (fileName) => ({
      kind: 'imported',
      summary: { ...summary(), fileName },
      report: {
        fileName,
        format: 'csv',
        rowsRead: 1,
        notCompletedRows: 0,
        skippedRows: 0,
        problems: [],
        ignoredColumns: [],
        columnMap: {},
      } as never,
      importMs: 1,
    }),
    preview: async () => ({}),
    optionNotices: async (strategies) => Object.fromEntries(strategies.map((s) => [s.id, []])),
    train(request, onEvent) {
      let finish: (reply: TrainReply) => void = () => {};
      const done = new Promise<TrainReply>((resolve) => (finish = resolve));
      runs.push({ request, emit: onEvent, finish });
      return { runId: nextRun++ as RunId, done };
    },
    sweep(request, onEvent) {
      let finish: (reply: SweepReply) => void = () => {};
      const done = new Promise<SweepReply>((resolve) => (finish = resolve));
      const runId = nextRun++ as RunId;
      sweeps.push({ request, runId, emit: onEvent, finish });
      return { runId, done };
    },
    cancel: (runId) => void cancelled.push(runId),
    exportModel: async () => ({ kind: 'failed', message: 'not here' }),
    savedModels: async () => [],
    deleteSaved: async () => [],
    loadModel: async () => ({ kind: 'model-refused', message: 'not here' }),
    learnerRecent: async () => ({ answers: [], totalTasks: 0 }),
    whatIf: async () => ({ kind: 'what-if-failed', message: 'not here' }),
    predictionsCsv: async () => ({ message: 'not here' }),
    onRestart: () => {},
    dispose: () => {},
  };
  return { client, runs, sweeps, cancelled };
}

/** An epoch of `strategyId`'s first seed, as the worker reports it (a run of `repeats` seeds). */
export const epochEvent = (strategyId: string, repeats = 1): Extract<TrainEvent, { kind: 'progress' }> => ({
  kind: 'progress',
  event: {
    strategyId,
    phase: 'full',
    head: 'correctness',
    epoch: 1,
    epochs: 10,
    loss: 0.5,
    valLoss: null,
    seed: 42,
    seedIndex: 0,
    repeats,
  },
});
