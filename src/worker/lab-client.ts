/**
 * The page's handle on the lab worker: promise-returning requests matched to replies by id, streamed
 * training events, cancellation, and a fresh worker after a crash — requests in flight are answered with
 * a failure (never left hanging) and the last good dataset is re-imported into the new worker.
 */
import type {
  LearnerAnswer,
  WhatIfReply,
  WhatIfRequest,
  ExportReply,
  ExportRequest,
  ImportReply,
  LoadModelReply,
  LoadModelRequest,
  SavedModelInfo,
  StrategyRequest,
  SweepEvent,
  SweepReply,
  SweepRunRequest,
  TrainEvent,
  TrainReply,
  TrainRequest,
  WorkerReply,
  WorkerRequest,
} from './protocol';
import type { InfluenceRow } from '../core/training/loop/sampling';
import { idCounter, runIdOf, type RequestId, type RunId } from './message-ids';

type Pending = {
  resolve: (reply: WorkerReply) => void;
  onEvent?: (event: TrainEvent) => void;
  onSweepEvent?: (event: SweepEvent) => void;
};
type Body = WorkerRequest extends infer R ? (R extends { id: RequestId } ? Omit<R, 'id'> : never) : never;

export interface TrainingRun {
  runId: RunId;
  done: Promise<TrainReply>;
}

export interface SweepRun {
  /** What `cancel` names. */
  runId: RunId;
  done: Promise<SweepReply>;
}

export interface LabClient {
  importFile(fileName: string, file: Blob): Promise<ImportReply>;
  preview(strategies: StrategyRequest[]): Promise<Record<string, InfluenceRow[]>>;
  /** Per strategy, what its options will do that may surprise (empty lists when nothing). */
  optionNotices(strategies: StrategyRequest[]): Promise<Record<string, string[]>>;
  train(request: TrainRequest, onEvent: (event: TrainEvent) => void): TrainingRun;
  /** A sweep of the held dataset (its models are not kept); cancelled with `cancel(runId)`. */
  sweep(request: SweepRunRequest, onEvent: (event: SweepEvent) => void): SweepRun;
  /** Cancels a training run or a sweep. */
  cancel(runId: RunId): void;
  exportModel(request: ExportRequest): Promise<ExportReply>;
  /** Bundles saved in this browser, newest first. */
  savedModels(): Promise<SavedModelInfo[]>;
  /** Delete one saved bundle; resolves to the list that remains. */
  deleteSaved(key: string): Promise<SavedModelInfo[]>;
  loadModel(request: LoadModelRequest): Promise<LoadModelReply>;
  /** The held-out predictions CSV of the strategies the worker holds (masked when asked). */
  predictionsCsv(maskIds: boolean): Promise<{ fileName: string; csv: string } | { message: string }>;
  /** A user's last `count` answers (oldest first) and how many tasks they have. */
  learnerRecent(userId: string, count: number): Promise<{ answers: LearnerAnswer[]; totalTasks: number }>;
  /** Every trained strategy's prediction for a learner's next task (models stay in the workers). */
  whatIf(request: WhatIfRequest): Promise<WhatIfReply>;
  /** Called after the worker crashed and was replaced. */
  onRestart(listener: (message: string) => void): void;
  dispose(): void;
}

export function createLabClient(spawn: () => Worker = defaultSpawn): LabClient {
  const nextId = idCounter<RequestId>();
  const pending = new Map<RequestId, Pending>();
  const restartListeners: ((message: string) => void)[] = [];
  let lastImport: { fileName: string; file: Blob } | undefined;
  let worker = start();

  function start(): Worker {
    const w = spawn();
    w.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const entry = pending.get(reply.id);
      if (!entry) return; // a reply nobody waits for any more
      if (reply.kind === 'event') {
        entry.onEvent?.(reply.event);
        return;
      }
      if (reply.kind === 'sweep-event') {
        entry.onSweepEvent?.(reply.event);
        return;
      }
      pending.delete(reply.id);
      entry.resolve(reply);
    });
    w.addEventListener('error', (event) => {
      event.preventDefault();
      const message = `The lab worker stopped unexpectedly${event.message ? ` (${event.message})` : ''}; it was restarted.`;
      for (const [id, entry] of pending) entry.resolve({ id, kind: 'failed', message });
      pending.clear();
      w.terminate();
      worker = start();
      if (lastImport) void request({ kind: 'import', ...lastImport });
      restartListeners.forEach((l) => l(message));
    });
    return w;
  }

  function request(
    body: Body,
    listeners: Omit<Pending, 'resolve'> = {},
  ): { id: RequestId; reply: Promise<WorkerReply> } {
    const id = nextId();
    const reply = new Promise<WorkerReply>((resolve) => {
      pending.set(id, { resolve, ...listeners });
      worker.postMessage({ ...body, id });
    });
    return { id, reply };
  }

  const failedAs = (reply: WorkerReply, what: string): never => {
    throw new Error(reply.kind === 'failed' ? reply.message : `unexpected reply "${reply.kind}" to ${what}`);
  };

  return {
    async importFile(fileName, file) {
      const reply = await request({ kind: 'import', fileName, file }).reply;
      if (reply.kind === 'imported') lastImport = { fileName, file };
      if (reply.kind === 'imported' || reply.kind === 'refused') return reply;
      return {
        kind: 'refused',
        message: `${fileName} could not be imported: ${reply.kind === 'failed' ? reply.message : reply.kind}`,
      };
    },
    async preview(strategies) {
      const reply = await request({ kind: 'preview', strategies }).reply;
      return reply.kind === 'preview' ? reply.influence : failedAs(reply, 'preview');
    },
    async optionNotices(strategies) {
      const reply = await request({ kind: 'option-notices', strategies }).reply;
      return reply.kind === 'option-notices' ? reply.notices : failedAs(reply, 'option-notices');
    },
    train(trainRequest, onEvent) {
      const { id, reply } = request({ kind: 'train', ...trainRequest }, { onEvent });
      const done = reply.then((r): TrainReply => {
        if (r.kind === 'trained' || r.kind === 'cancelled' || r.kind === 'train-failed') return r;
        return {
          kind: 'train-failed',
          message: r.kind === 'failed' ? r.message : `unexpected reply "${r.kind}"`,
        };
      });
      return { runId: runIdOf(id), done };
    },
    sweep(sweepRequest, onSweepEvent) {
      const { id, reply } = request({ kind: 'sweep', ...sweepRequest }, { onSweepEvent });
      const done = reply.then((r): SweepReply => {
        if (r.kind === 'swept') return { kind: 'swept', document: r.document };
        if (r.kind === 'sweep-cancelled') return { kind: 'sweep-cancelled' };
        if (r.kind === 'sweep-failed') return { kind: 'sweep-failed', message: r.message };
        // A cancel that came while the sweep was still queued is answered as a training run's would be.
        if (r.kind === 'cancelled') return { kind: 'sweep-cancelled' };
        return {
          kind: 'sweep-failed',
          message: r.kind === 'failed' ? r.message : `unexpected reply "${r.kind}"`,
        };
      });
      return { runId: runIdOf(id), done };
    },
    cancel(runId) {
      worker.postMessage({ kind: 'cancel', runId, id: nextId() } satisfies WorkerRequest);
    },
    async exportModel(exportRequest) {
      const reply = await request({ kind: 'export-model', ...exportRequest }).reply;
      return reply.kind === 'model-exported' || reply.kind === 'failed' ? reply : failedAs(reply, 'export');
    },
    async savedModels() {
      const reply = await request({ kind: 'saved-models' }).reply;
      return reply.kind === 'saved-models' ? reply.models : failedAs(reply, 'saved-models');
    },
    async deleteSaved(key) {
      const reply = await request({ kind: 'delete-saved', key }).reply;
      return reply.kind === 'saved-models' ? reply.models : failedAs(reply, 'delete-saved');
    },
    async loadModel(loadRequest) {
      const reply = await request({ kind: 'load-model', ...loadRequest }).reply;
      if (reply.kind === 'model-loaded' || reply.kind === 'model-refused') return reply;
      return {
        kind: 'model-refused',
        message: reply.kind === 'failed' ? reply.message : `unexpected reply "${reply.kind}"`,
      };
    },
    async predictionsCsv(maskIds) {
      const reply = await request({ kind: 'predictions-csv', maskIds }).reply;
      if (reply.kind === 'predictions-csv') return { fileName: reply.fileName, csv: reply.csv };
      return { message: reply.kind === 'failed' ? reply.message : `unexpected reply "${reply.kind}"` };
    },
    async learnerRecent(userId, count) {
      const reply = await request({ kind: 'learner-recent', userId, count }).reply;
      return reply.kind === 'learner-recent'
        ? { answers: reply.answers, totalTasks: reply.totalTasks }
        : failedAs(reply, 'learner-recent');
    },
    async whatIf(whatIfRequest) {
      const reply = await request({ kind: 'what-if', ...whatIfRequest }).reply;
      if (reply.kind === 'what-if') return { kind: 'what-if', predictions: reply.predictions };
      if (reply.kind === 'what-if-failed') return { kind: 'what-if-failed', message: reply.message };
      return {
        kind: 'what-if-failed',
        message: reply.kind === 'failed' ? reply.message : `unexpected reply "${reply.kind}"`,
      };
    },
    onRestart(listener) {
      restartListeners.push(listener);
    },
    dispose() {
      worker.terminate();
      pending.clear();
    },
  };
}

function defaultSpawn(): Worker {
  return new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module', name: 'retrain-lab' });
}
