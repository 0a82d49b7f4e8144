/**
 * A training helper: a second worker (another core) that trains and evaluates the strategies the lab
 * worker hands it, exactly as the lab worker would (core's laneRunner), and keeps their models so
 * Download model and Save to browser work whichever worker trained them.
 */
// First: configures zod before any schema exists (see csp-ready).
import '../platform/csp-ready';
import { activateBackend, BACKENDS } from '../core/backend/activate-backend';
import { importTasksFromBytes } from '../core/data/import-tasks';
import { laneRunner, type LaneRunner } from '../core/comparison/lane-runner';
import { coalesceProgress, onLossCurve } from '../core/comparison/progress-coalescer';
import type { HelperReply, HelperRequest } from './helper-protocol';
import { handleInOrder } from './handle-in-order';
import { runIdOf, type HelperRunId } from './message-ids';
import { exportModel, exportTransfer, forgetModels, type ModelHoldings } from './model-exchange';
import { startWasm, warmUpTraining } from './warm-up';
import { WASM_PATHS } from './wasm-paths';
import { arithmeticDone } from '../core/training/simd/arithmetic';

const held: ModelHoldings = { trained: new Map(), results: new Map() };
let runner: LaneRunner | undefined;
const runs = new Map<HelperRunId, AbortController>();

/** This worker's own scope, taken once (unit tests run several workers in one thread, each on its own). */
const scope = self;
const post = (reply: HelperReply, transfer: Transferable[] = []) =>
  (scope as unknown as Worker).postMessage(reply, transfer);

handleInOrder(handle, scope);
// For `npm run bench` (through Playwright's worker handles): the arithmetic this helper did.
(scope as unknown as { retrainLabProbes: object }).retrainLabProbes = { arithmeticDone };
// wasm's binary compiles off this thread while the page fetches and imports the sample.
void startWasm();

async function handle(request: HelperRequest): Promise<void> {
  const { id } = request;
  try {
    switch (request.kind) {
      case 'dataset': {
        forgetModels(held);
        runner = undefined;
        const result = importTasksFromBytes(
          new Uint8Array(await request.file.arrayBuffer()),
          request.fileName,
        );
        if (result.kind === 'refused') return post({ id, kind: 'unavailable', message: result.message });
        held.dataset = result.dataset;
        held.summary = request.summary;
        runner = laneRunner(result.dataset.tasks);
        post({ id, kind: 'ready' });
        return await warmUpTraining(result.dataset.tasks);
      }
      case 'run': {
        if (!runner) return post({ id, kind: 'unavailable', message: 'it holds no dataset' });
        const backend = BACKENDS.find((b) => b === request.job.backend);
        if (!backend)
          return post({ id, kind: 'unavailable', message: `no backend "${request.job.backend}"` });
        const activation = await activateBackend(backend, { wasmPaths: WASM_PATHS });
        if (!activation.ok) return post({ id, kind: 'unavailable', message: activation.reason });
        const controller = new AbortController();
        runs.set(runIdOf(id), controller);
        try {
          const { job } = request;
          // A job keeps its model exactly when it is a training run's first seed (a sweep keeps none and
          // draws no curve): the seed whose epochs the page's loss curve shows.
          const progress = coalesceProgress(
            (event) => post({ id, kind: 'progress', event }),
            (event) => onLossCurve(event, job.keep),
          );
          const result = await runner(job, { signal: controller.signal, onProgress: progress.progress });
          progress.flush();
          // Cancelled while finishing: the lab worker no longer waits for it, so the model it holds stays.
          if (controller.signal.aborted) {
            result.model?.dispose();
            return post({ id, kind: 'cancelled' });
          }
          // Only the run's first seed is kept for export: the other seeds' models go at once.
          if (job.keep) {
            forgetModels(held, job.strategy.id);
            if (result.model) {
              held.trained.set(job.strategy.id, result.model);
              held.results.set(job.strategy.id, { entry: result.entry, seed: job.seed, backend });
            }
          } else result.model?.dispose();
          const { heldOut } = result;
          return post(
            { id, kind: 'ran', entry: result.entry, heldOut },
            heldOut ? [heldOut.pCorrect.buffer, heldOut.timeSeconds.buffer] : [],
          );
        } catch (error) {
          if (controller.signal.aborted) return post({ id, kind: 'cancelled' });
          throw error;
        } finally {
          runs.delete(runIdOf(id));
        }
      }
      case 'cancel':
        runs.get(request.runId)?.abort(new DOMException('Training cancelled', 'AbortError'));
        return;
      case 'export': {
        const reply = await exportModel(held, request.request);
        return post({ id, ...reply }, exportTransfer(reply));
      }
      case 'predict': {
        const model = held.trained.get(request.strategyId);
        if (!model) return post({ id, kind: 'unavailable', message: 'it holds no such model' });
        const p = await model.predict(request.contexts);
        return post({ id, kind: 'predicted', pCorrect: p.pCorrect, timeSeconds: p.timeSeconds });
      }
      case 'drop':
        forgetModels(held, request.strategyId);
        return post({ id, kind: 'ready' });
    }
  } catch (error) {
    post({ id, kind: 'unavailable', message: (error as Error).message });
  }
}
