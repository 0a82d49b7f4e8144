/**
 * The lab worker's handle on one training helper: a StrategyLane for runComparison, plus the exports
 * of the models the helper keeps. A helper that crashes or cannot run a strategy hands it back
 * (LaneLostError) and the lab worker trains it itself; a dead helper is replaced on the next run.
 */
import type { DatasetSummary } from '../core/data/summarize-dataset';
import { laneRequests } from '../core/comparison/lane-requests';
import { LaneLostError, type StrategyLane } from '../core/comparison/strategy-lanes';
import type { HelperReply, HelperRequest } from './helper-protocol';
import { idCounter, runIdOf, type HelperRequestId } from './message-ids';
import type { ExportReply, ExportRequest } from './protocol';
import type { TaskContext } from '../core/features/task-context';
import type { Prediction } from '../core/strategies/types';

type Body = HelperRequest extends infer R
  ? R extends { id: HelperRequestId }
    ? Omit<R, 'id'>
    : never
  : never;
export interface DatasetSource {
  fileName: string;
  file: Blob;
  summary: DatasetSummary;
}

export interface HelperLane extends StrategyLane {
  /** False once the helper crashed: its models are gone and it takes no more work. */
  alive(): boolean;
  /** The fingerprint of the dataset it holds; undefined for a helper started ahead of any dataset. */
  holds(): string | undefined;
  /** Hand a helper started ahead of time its dataset (it imports the file before any run). */
  load(source: DatasetSource): void;
  exportModel(request: ExportRequest): Promise<ExportReply>;
  /** Predict with a model this helper keeps. */
  predict(strategyId: string, contexts: TaskContext[]): Promise<Prediction>;
  drop(strategyId: string): void;
  dispose(): void;
}

/**
 * Spawn a helper for `source` (the dataset is imported there before its first run), or, without one, a
 * helper that loads its code and starts tfjs now and gets its dataset later (`load`).
 */
export function spawnHelperLane(
  name: string,
  source: DatasetSource | undefined,
  spawn: () => Worker = defaultSpawn,
): HelperLane {
  const nextId = idCounter<HelperRequestId>();
  const worker = spawn();
  // The same ledger as the CLI's worker threads (cli/thread-lanes.ts).
  const requests = laneRequests<HelperRequestId, Body, HelperReply>(nextId, (message) =>
    worker.postMessage(message),
  );
  const { request } = requests;
  worker.addEventListener('message', (event: MessageEvent<HelperReply>) => requests.receive(event.data));
  const die = (message: string) => {
    requests.die(message);
    worker.terminate();
  };
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    die(`it stopped unexpectedly${event.message ? `: ${event.message}` : ''}`);
  });
  let fingerprint: string | undefined;
  const load = (data: DatasetSource) => {
    fingerprint = data.summary.fingerprint;
    void request({ kind: 'dataset', ...data });
  };
  if (source) load(source);

  return {
    name,
    alive: () => requests.deadReason() === undefined,
    holds: () => fingerprint,
    load,
    async run(job, { signal, onProgress }) {
      signal?.throwIfAborted();
      const { id, reply } = request({ kind: 'run', job }, (r) => {
        if (r.kind === 'progress') onProgress?.(r.event);
      });
      let onAbort = () => {};
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => {
          // Answer at once; the helper stops at its next check and its reply is dropped.
          worker.postMessage({ kind: 'cancel', runId: runIdOf(id), id: nextId() } satisfies HelperRequest);
          requests.forget(id);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
      });
      const settled = await Promise.race([reply, aborted]).finally(() =>
        signal?.removeEventListener('abort', onAbort),
      );
      if (settled.kind === 'ran') return { entry: settled.entry, heldOut: settled.heldOut };
      signal?.throwIfAborted();
      throw new LaneLostError(
        settled.kind === 'unavailable' ? settled.message : `the helper answered "${settled.kind}"`,
      );
    },
    async exportModel(exportRequest) {
      // Without the helper's own request id: the reply goes on to the page under the page's.
      const { id: _helperId, ...settled } = await request({ kind: 'export', request: exportRequest }).reply;
      if (settled.kind === 'model-exported' || settled.kind === 'failed') return settled;
      return {
        kind: 'failed',
        message: `The model of ${exportRequest.strategyId} was lost with ${name} (${settled.kind === 'unavailable' ? settled.message : settled.kind}): train it again.`,
      };
    },
    async predict(strategyId, contexts) {
      const settled = await request({ kind: 'predict', strategyId, contexts }).reply;
      if (settled.kind === 'predicted')
        return { pCorrect: settled.pCorrect, timeSeconds: settled.timeSeconds };
      throw new Error(
        `the model was lost with ${name} (${settled.kind === 'unavailable' ? settled.message : settled.kind}): train it again`,
      );
    },
    drop(strategyId) {
      void request({ kind: 'drop', strategyId });
    },
    dispose() {
      die('it was closed');
    },
  };
}

function defaultSpawn(): Worker {
  return new Worker(new URL('./train-helper.worker.ts', import.meta.url), {
    type: 'module',
    name: 'retrain-lab-helper',
  });
}
