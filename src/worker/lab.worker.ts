/**
 * The lab worker: owns the imported dataset, tfjs and every live trained model, so parsing a million
 * rows or training six strategies never blocks the page. Answers imports, the strategy catalog, the
 * training-influence preview, and training runs (streamed progress, cancellable, results kept per strategy).
 */
import { activateBackend, type BackendName } from '../core/backend/activate-backend';
import { chooseBackend, type BackendDecision } from '../core/backend/choose-backend';
import { importTasksFromBytes } from '../core/data/import-tasks';
import { summarizeDataset, type DatasetSummary } from '../core/data/summarize-dataset';
import type { Dataset } from '../core/data/task';
import { runComparison, TEST_SHARE } from '../core/report/run-comparison';
import { temporalSplit } from '../core/split/temporal-split';
import { STRATEGIES, getStrategy } from '../core/strategies/registry';
import type { StrategyId, TrainedStrategy } from '../core/strategies/types';
import type {
  BackendChoice,
  StrategyMeta,
  TrainEvent,
  TrainRequest,
  WorkerReply,
  WorkerRequest,
} from './protocol';
import { WASM_PATHS } from './wasm-paths';

const held: {
  dataset?: Dataset;
  summary?: DatasetSummary;
  /** The latest trained model of each strategy (for export); replaced when the strategy is re-run. */
  trained: Map<StrategyId, TrainedStrategy>;
  /** Auto's decision per dataset, so repeated runs do not re-measure. */
  decisions: Map<string, BackendDecision>;
} = { trained: new Map(), decisions: new Map() };
const runs = new Map<number, AbortController>();

const post = (reply: WorkerReply) => (self as unknown as Worker).postMessage(reply);
const activate = (backend: BackendName) => activateBackend(backend, { wasmPaths: WASM_PATHS });

// One request at a time, in order (a re-import after a restart lands before the training that follows it);
// only a cancel jumps the queue, or it could never reach the run it stops.
let queue: Promise<void> = Promise.resolve();
self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.kind === 'cancel') void handle(request);
  else queue = queue.then(() => handle(request));
});

async function handle(request: WorkerRequest): Promise<void> {
  const { id } = request;
  try {
    switch (request.kind) {
      case 'import': {
        const started = performance.now();
        const result = importTasksFromBytes(
          new Uint8Array(await request.file.arrayBuffer()),
          request.fileName,
        );
        if (result.kind === 'refused') return post({ id, kind: 'refused', message: result.message });
        const summary = await summarizeDataset(result.dataset);
        held.dataset = result.dataset;
        held.summary = summary;
        return post({
          id,
          kind: 'imported',
          summary,
          report: result.dataset.report,
          importMs: performance.now() - started,
        });
      }
      case 'catalog':
        return post({ id, kind: 'catalog', strategies: STRATEGIES.map(metaOf) });
      case 'preview': {
        const { dataset } = held;
        if (!dataset) return post({ id, kind: 'preview', influence: {} });
        const data = {
          tasks: dataset.tasks,
          trainIndices: temporalSplit(dataset.tasks, TEST_SHARE, 'per-user-tail').trainIndices,
        };
        const influence = Object.fromEntries(
          request.strategies.flatMap(({ id: sid, options }) => {
            const strategy = getStrategy(sid);
            return strategy ? [[sid, strategy.influence(data, options)]] : [];
          }),
        );
        return post({ id, kind: 'preview', influence });
      }
      case 'train':
        return await train(id, request);
      case 'cancel':
        runs.get(request.runId)?.abort(new DOMException('Training cancelled', 'AbortError'));
        return;
    }
  } catch (error) {
    post({ id, kind: 'failed', message: (error as Error).message });
  }
}

function metaOf(s: (typeof STRATEGIES)[number]): StrategyMeta {
  return {
    id: s.id,
    label: s.label,
    summary: s.summary,
    defaultOptions: s.defaultOptions as StrategyMeta['defaultOptions'],
    optionDocs: s.optionDocs as Record<string, string>,
  };
}

async function resolveBackend(
  choice: BackendChoice,
  dataset: Dataset,
  fingerprint: string,
): Promise<BackendDecision> {
  if (choice !== 'auto') {
    const activation = await activate(choice);
    if (activation.ok)
      return { backend: choice, reason: `${choice} chosen in the Backend control`, stepMs: {}, skipped: [] };
    const fallback = await activate('cpu');
    if (!fallback.ok)
      throw new Error(`neither ${choice} nor cpu could start: ${activation.reason}; ${fallback.reason}`);
    return {
      backend: 'cpu',
      reason: `${choice} could not be used (${activation.reason}), so cpu ran instead`,
      stepMs: {},
      skipped: [activation],
    };
  }
  const cached = held.decisions.get(fingerprint);
  if (cached && (await activate(cached.backend)).ok) return cached;
  // WebGL last: its shader compilation is the slow part of measuring, and the budget caps it.
  const decision = await chooseBackend(dataset.tasks, { candidates: ['wasm', 'cpu', 'webgl'], activate });
  held.decisions.set(fingerprint, decision);
  return decision;
}

async function train(id: number, request: TrainRequest): Promise<void> {
  const { dataset, summary } = held;
  if (!dataset || !summary)
    return post({ id, kind: 'train-failed', message: 'Load a dataset before training.' });
  const controller = new AbortController();
  runs.set(id, controller);
  const emit = (event: TrainEvent) => post({ id, kind: 'event', event });
  const finished: string[] = [];
  try {
    const decision = await resolveBackend(request.backend, dataset, summary.fingerprint);
    emit({ kind: 'backend', decision });
    const { report } = await runComparison({
      dataset,
      summary,
      strategies: request.strategies.map((s) => ({ id: s.id as StrategyId, options: s.options })),
      seed: request.seed,
      thresholds: request.thresholds,
      backend: decision.backend,
      signal: controller.signal,
      onFrame: (frame) => emit({ kind: 'frame', frame }),
      onProgress: (event) => emit({ kind: 'progress', event }),
      onStrategyDone: (entry, trained) => {
        held.trained.get(entry.id)?.dispose();
        held.trained.delete(entry.id);
        if (trained) held.trained.set(entry.id, trained);
        finished.push(entry.id);
        emit({ kind: 'strategy-done', entry });
      },
    });
    post({ id, kind: 'trained', report });
  } catch (error) {
    if (controller.signal.aborted) post({ id, kind: 'cancelled', finished });
    else post({ id, kind: 'train-failed', message: (error as Error).message });
  } finally {
    runs.delete(id);
  }
}
