/**
 * What the lab worker's handlers share: the held dataset, models, results and predictions, the helper
 * pool, the runs in progress (training and sweeps, cancelled by the same request), and how a backend is
 * activated (WebGL stays off once its context was lost). One per worker; handlers take it as an argument.
 */
import { activateBackend, type Activation, type BackendName } from '../core/backend/activate-backend';
import type { BackendDecision } from '../core/comparison/choose-backend';
import type { StrategyPredictions } from '../core/comparison/comparison-request';
import type { ReportFrame } from '../core/report/compose-report';
import type { HelperLane } from './helper-lane';
import { createHelperPool } from './helper-pool';
import type { RunId } from './message-ids';
import type { ModelHoldings } from './model-exchange';
import type { WorkerReply } from './protocol';
import { WASM_PATHS } from './wasm-paths';

export type Held = ModelHoldings & {
  /** Auto's decision per dataset, so repeated runs do not re-measure. */
  decisions: Map<string, BackendDecision>;
  /** The imported file, for training helpers to import too. */
  source?: { fileName: string; file: Blob };
  /** Strategies whose model a training helper trained and keeps (their results are in `results`). */
  remote: Map<string, HelperLane>;
  /**
   * Each held strategy's held-out predictions over its seeds (for comparisons and the predictions CSV),
   * with the `trainedAt` of the entry they belong to.
   */
  predictions: Map<string, StrategyPredictions & { trainedAt: string }>;
  /** The latest run's frame (its baseline is what comparisons are read against). */
  frame?: ReportFrame;
};

export interface LabContext {
  held: Held;
  helpers: ReturnType<typeof createHelperPool>;
  /** Training runs and sweeps in progress, by the id of the request that started them. */
  runs: Map<RunId, AbortController>;
  /** Runs cancelled before they started (their request still queued behind an import). */
  cancelledEarly: Set<RunId>;
  /** The latest run id that has started (a cancel of a later one arrived before its request). */
  lastRun: number;
  /** Set once the WebGL context is lost: tfjs keeps the dead backend, so WebGL stays off until a reload. */
  webglLost: boolean;
  cores(): number;
  post(reply: WorkerReply, transfer?: Transferable[]): void;
  activate(backend: BackendName): Promise<Activation>;
}

export function createLabContext(scope: typeof self): LabContext {
  const context: LabContext = {
    held: {
      trained: new Map(),
      results: new Map(),
      decisions: new Map(),
      remote: new Map(),
      predictions: new Map(),
    },
    helpers: createHelperPool(),
    runs: new Map(),
    cancelledEarly: new Set(),
    lastRun: 0,
    webglLost: false,
    cores: () => scope.navigator.hardwareConcurrency,
    post: (reply, transfer = []) => (scope as unknown as Worker).postMessage(reply, transfer),
    activate: async (backend) =>
      backend === 'webgl' && context.webglLost
        ? {
            ok: false,
            backend,
            reason: 'the WebGL context was lost earlier; reload the page to use WebGL again',
          }
        : activateBackend(backend, { wasmPaths: WASM_PATHS }),
  };
  return context;
}

/**
 * A run is starting: its id is the latest, and false when it was cancelled while still queued (that
 * cancel was answered already).
 */
export function startRun(context: LabContext, id: RunId): boolean {
  context.lastRun = Math.max(context.lastRun, id);
  return !context.cancelledEarly.delete(id);
}
