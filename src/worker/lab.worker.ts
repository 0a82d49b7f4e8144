/**
 * The lab worker: owns the imported dataset, tfjs and every live trained model, so parsing a million
 * rows or training six strategies never blocks the page. Answers imports, the training-influence preview,
 * and training runs of the six and own recipes (streamed progress, cancellable, results kept per strategy).
 */
// First: configures zod before any schema exists (see csp-ready).
import '../platform/csp-ready';
import { activateBackend, type Activation, type BackendName } from '../core/backend/activate-backend';
import { chooseBackend, type BackendDecision } from '../core/comparison/choose-backend';
import { importSizeRefusal } from '../core/data/import-limits';
import { unlessAborted } from '../core/comparison/unless-aborted';
import { importTasksFromBytes } from '../core/data/import-tasks';
import { summarizeDataset } from '../core/data/summarize-dataset';
import type { Dataset } from '../core/data/task';
import { optionNotices } from '../core/comparison/option-notices';
import { runComparison } from '../core/comparison/run-comparison';
import { TEST_SHARE } from '../core/comparison/evaluation-setup';
import type { StrategyPredictions } from '../core/comparison/comparison-request';
import { scoredRows } from '../core/evaluation/counted-run';
import { compareStrategies } from '../core/report/compare-strategies';
import type { ComparisonSet, ReportFrame } from '../core/report/compose-report';
import { userLabels } from '../core/report/mask-ids';
import { predictionsCsv } from '../core/report/predictions-csv';
import { withIntervals } from '../core/report/repeated-entry';
import type { ReportStrategy } from '../core/report/report-types';
import { temporalSplit } from '../core/split/temporal-split';
import { resolveChoice, specInfluence } from '../core/strategies/strategy-spec';
import { deleteSavedModel, listSavedModels } from '../platform/saved-models';
import type { HelperLane } from './helper-lane';
import { createHelperPool, helperBudget } from './helper-pool';
import { handleInOrder } from './handle-in-order';
import { runIdOf, type RunId } from './message-ids';
import { exportModel, exportTransfer, forgetModels, loadModel, type ModelHoldings } from './model-exchange';
import { guardWebGLContext, loseWebGLContext, type ContextGuard } from './webgl-context-guard';
import type { BackendChoice, TrainEvent, TrainRequest, WorkerReply, WorkerRequest } from './protocol';
import { startWasm, warmUpTraining } from './warm-up';
import { answerWhatIf } from './what-if';
import { recentAnswers } from '../core/features/learner-scenario';
import { WASM_PATHS } from './wasm-paths';
import { arithmeticDone, denseGmacs } from '../core/training/simd/arithmetic';
import { webglRenderer } from './webgl-renderer';

const held: ModelHoldings & {
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
} = {
  trained: new Map(),
  results: new Map(),
  decisions: new Map(),
  remote: new Map(),
  predictions: new Map(),
};
const helpers = createHelperPool();
const runs = new Map<RunId, AbortController>();
/** Runs cancelled before they started (their train request still queued behind an import). */
const cancelledEarly = new Set<RunId>();
let lastRun = 0;

/** This worker's own scope, taken once (unit tests run several workers in one thread, each on its own). */
const scope = self;
// Started with the page: a worker's code and tfjs load while the sample is fetched and imported.
helpers.prestart(helperBudget(scope.navigator.hardwareConcurrency));
// wasm's binary compiles off this thread while the page fetches and imports the sample.
void startWasm();
const post = (reply: WorkerReply, transfer: Transferable[] = []) =>
  (scope as unknown as Worker).postMessage(reply, transfer);
/** Set once the WebGL context is lost: tfjs keeps the dead backend, so WebGL stays off until a reload. */
let webglLost = false;
const activate = async (backend: BackendName): Promise<Activation> =>
  backend === 'webgl' && webglLost
    ? { ok: false, backend, reason: 'the WebGL context was lost earlier; reload the page to use WebGL again' }
    : activateBackend(backend, { wasmPaths: WASM_PATHS });

// Fault injection for the e2e journeys (they call it through Playwright's worker handle): losing the
// WebGL context is a real browser event, simulated the way WEBGL_lose_context allows.
(scope as unknown as { retrainLabFaults: object }).retrainLabFaults = { loseWebGLContext };
// For `npm run bench` (through Playwright's worker handles): arithmetic done here, the dense kernel's rate.
(scope as unknown as { retrainLabProbes: object }).retrainLabProbes = { arithmeticDone, denseGmacs };

// A re-import after a restart lands before the training that follows it.
handleInOrder(handle, scope);

async function handle(request: WorkerRequest): Promise<void> {
  const { id } = request;
  try {
    switch (request.kind) {
      case 'import': {
        const started = performance.now();
        // By its size first: a file the page cannot hold as text is refused unread, in plain words.
        const tooLarge = importSizeRefusal(request.fileName, request.file.size);
        if (tooLarge) return post({ id, kind: 'refused', message: tooLarge });
        const result = importTasksFromBytes(
          new Uint8Array(await request.file.arrayBuffer()),
          request.fileName,
        );
        if (result.kind === 'refused') return post({ id, kind: 'refused', message: result.message });
        const summary = await summarizeDataset(result.dataset);
        // Models of another dataset must not be exported as if trained on this one (the page clears
        // its results for the same reason).
        if (summary.fingerprint !== held.summary?.fingerprint) {
          forgetModels(held);
          held.remote.clear();
          held.predictions.clear();
          held.frame = undefined;
        }
        held.dataset = result.dataset;
        held.summary = summary;
        held.source = { fileName: request.fileName, file: request.file };
        // Helpers of another dataset close; the others import this file now, so the first run finds them
        // ready (the ones started with the page have loaded tfjs meanwhile).
        helpers.lanes({ ...held.source, summary }, helperBudget(scope.navigator.hardwareConcurrency));
        post({
          id,
          kind: 'imported',
          summary,
          report: result.dataset.report,
          importMs: performance.now() - started,
        });
        // wasm is what Auto picks on CPU-only machines (another chosen backend is activated by the run).
        // The next request waits for this: a few hundred ms a first Train click would spend anyway.
        return await warmUpTraining(result.dataset.tasks);
      }
      case 'preview': {
        const { dataset } = held;
        if (!dataset) return post({ id, kind: 'preview', influence: {} });
        const data = {
          tasks: dataset.tasks,
          trainIndices: temporalSplit(dataset.tasks, TEST_SHARE, 'per-user-tail').trainIndices,
        };
        // A strategy the preview cannot plan (an unknown id, a refused option) is left out of it.
        const influence = Object.fromEntries(
          request.strategies.flatMap((choice) => {
            try {
              return [[choice.id, specInfluence(resolveChoice(choice), data)]];
            } catch {
              return [];
            }
          }),
        );
        return post({ id, kind: 'preview', influence });
      }
      case 'option-notices': {
        const { dataset } = held;
        if (!dataset) return post({ id, kind: 'option-notices', notices: {} });
        const { trainIndices } = temporalSplit(dataset.tasks, TEST_SHARE, 'per-user-tail');
        const notices = Object.fromEntries(
          request.strategies.map((s) => {
            // An unknown id or a bad own recipe is refused by name when it trains; it has no notices here.
            let options: Record<string, unknown>;
            try {
              options = resolveChoice(s).options;
            } catch {
              return [s.id, []];
            }
            return [s.id, optionNotices(options, dataset.tasks, trainIndices)];
          }),
        );
        return post({ id, kind: 'option-notices', notices });
      }
      case 'train':
        return await train(runIdOf(id), request);
      case 'cancel': {
        const run = runs.get(request.runId);
        if (run) run.abort(new DOMException('Training cancelled', 'AbortError'));
        else if (request.runId > lastRun) {
          // Still queued (behind an import, say): answered now, and skipped when its turn comes.
          cancelledEarly.add(request.runId);
          post({ id: request.runId, kind: 'cancelled', finished: [] });
        }
        return;
      }
      case 'export-model': {
        const helper = held.remote.get(request.strategyId);
        const reply = helper ? await helper.exportModel(request) : await exportModel(held, request);
        return post({ id, ...reply }, exportTransfer(reply));
      }
      case 'saved-models':
        return post({ id, kind: 'saved-models', models: await listSavedModels() });
      case 'delete-saved':
        await deleteSavedModel(request.key);
        return post({ id, kind: 'saved-models', models: await listSavedModels() });
      case 'load-model':
        return post({ id, ...(await loadModel(held, request, activate)) });
      case 'predictions-csv':
        return post({ id, ...predictionsFile(request.maskIds) });
      case 'learner-recent': {
        const found = recentAnswers(held.dataset?.tasks ?? [], request.userId, request.count);
        return post({ id, kind: 'learner-recent', ...found });
      }
      case 'what-if':
        return post({ id, ...(await answerWhatIf(held, request)) });
    }
  } catch (error) {
    post({ id, kind: 'failed', message: (error as Error).message });
  }
}

async function resolveBackend(
  choice: BackendChoice,
  dataset: Dataset,
  fingerprint: string,
  signal: AbortSignal,
): Promise<BackendDecision> {
  if (choice !== 'auto') {
    const activation = await unlessAborted(activate(choice), signal);
    if (activation.ok)
      return { backend: choice, reason: `${choice} chosen in the Backend control`, stepMs: {}, skipped: [] };
    const fallback = await unlessAborted(activate('cpu'), signal);
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
  if (cached && (await unlessAborted(activate(cached.backend), signal)).ok) return cached;
  // WebGL last: its shader compilation is the slow part of measuring, and the budget caps it.
  const decision = await chooseBackend(dataset.tasks, {
    candidates: ['wasm', 'cpu', 'webgl'],
    activate,
    signal,
    webglRenderer: webglRenderer(),
  });
  held.decisions.set(fingerprint, decision);
  return decision;
}

/** How many workers should train this run side by side, and why. */
function workersFor(request: TrainRequest, backend: BackendName): { count: number; reason: string } {
  // One GPU, and a lost WebGL context is recovered in this worker alone.
  if (backend === 'webgl') return { count: 1, reason: 'WebGL trains in the lab worker alone' };
  if (request.workers !== undefined && request.workers !== 'auto')
    return { count: request.workers, reason: 'as chosen' };
  const cores = scope.navigator.hardwareConcurrency;
  return {
    count: 1 + helperBudget(cores),
    reason: `Auto: one per core, ${cores} here`,
  };
}

async function train(id: RunId, request: TrainRequest): Promise<void> {
  lastRun = Math.max(lastRun, id);
  if (cancelledEarly.delete(id)) return; // answered when the cancel came
  const { dataset, summary } = held;
  if (!dataset || !summary)
    return post({ id, kind: 'train-failed', message: 'Load a dataset before training.' });
  const controller = new AbortController();
  runs.set(id, controller);
  const emit = (event: TrainEvent) => post({ id, kind: 'event', event });
  const finished: string[] = [];
  // Each strategy's latest entry and whether all its seeds are in (a cancel leaves some without intervals).
  const latest = new Map<string, { entry: ReportStrategy; complete: boolean }>();
  let guard: ContextGuard | undefined;
  try {
    const decision = await resolveBackend(request.backend, dataset, summary.fingerprint, controller.signal);
    emit({ kind: 'backend', decision });
    const runGuard = guardWebGLContext(decision.backend, () => activate('cpu'));
    guard = runGuard;
    let backend: BackendName = decision.backend;
    const workers = workersFor(request, decision.backend);
    const lanes = held.source
      ? helpers.lanes({ ...held.source, summary }, Math.min(workers.count, request.strategies.length) - 1)
      : [];
    emit({ kind: 'workers', count: 1 + lanes.length, reason: workers.reason });
    // First seen in this run: the strategy's older result, model and predictions go.
    const fresh = new Set<string>();
    const labelOf = (sid: string) => {
      const choice = request.strategies.find((s) => s.id === sid);
      return choice ? resolveChoice(choice).label : sid;
    };
    const { report } = await runComparison({
      dataset,
      summary,
      strategies: request.strategies,
      seed: request.seed,
      repeats: request.repeats,
      // Compared after the run, with the strategies of earlier runs (emitComparisons).
      compare: false,
      thresholds: request.thresholds,
      backend: decision.backend,
      signal: controller.signal,
      onFrame: (frame) => {
        held.frame = frame;
        emit({ kind: 'frame', frame });
      },
      onProgress: (event) => emit({ kind: 'progress', event }),
      deviceFault: runGuard.fault,
      lanes,
      onLaneLost: (lane, sid, reason) =>
        emit({
          kind: 'notice',
          message: `${lane.name} could not finish ${labelOf(sid)} (${reason}); it was trained again in the lab worker.`,
        }),
      beforeStrategy: async () => {
        if (!(await runGuard.recover())) return;
        webglLost = true;
        // Models trained on the lost context have no weights any more: their results stay, exports go.
        for (const [sid, result] of held.results)
          if (result.backend === 'webgl') {
            held.trained.get(sid)?.dispose();
            held.trained.delete(sid);
          }
        backend = 'cpu';
        emit({
          kind: 'backend',
          decision: {
            ...decision,
            backend,
            reason: 'the WebGL context was lost, so the rest of the run uses cpu',
          },
        });
      },
      onStrategyDone: (entry, trained, lane, progress) => {
        if (!fresh.has(entry.id)) {
          fresh.add(entry.id);
          forgetModels(held, entry.id);
          held.predictions.delete(entry.id);
          const holder = held.remote.get(entry.id);
          held.remote.delete(entry.id);
          if (holder && holder !== lane) holder.drop(entry.id);
        }
        const result = { entry, seed: request.seed, backend };
        if (entry.status === 'failed') {
          // A failure on any seed fails the strategy: its first seed's model is not exported as if it worked.
          const holder = held.remote.get(entry.id);
          held.remote.delete(entry.id);
          holder?.drop(entry.id);
          forgetModels(held, entry.id);
          held.predictions.delete(entry.id);
        } else {
          if (trained) held.trained.set(entry.id, trained);
          if (lane) held.remote.set(entry.id, lane as HelperLane);
          if (held.trained.has(entry.id) || held.remote.has(entry.id)) held.results.set(entry.id, result);
          if (progress.heldOut) {
            const p = held.predictions.get(entry.id) ?? {
              seeds: [],
              heldOut: [],
              trainedAt: entry.trainedAt,
            };
            p.seeds[progress.seedIndex] = progress.seed;
            p.heldOut[progress.seedIndex] = progress.heldOut;
            held.predictions.set(entry.id, p);
          }
        }
        finished.push(entry.id);
        latest.set(entry.id, { entry, complete: progress.complete });
        const { seedIndex, seedsDone, repeats, complete } = progress;
        emit({ kind: 'strategy-done', entry, progress: { seedIndex, seedsDone, repeats, complete } });
      },
    });
    emitComparisons(emit);
    post({ id, kind: 'trained', report });
  } catch (error) {
    if (controller.signal.aborted) {
      completeIntervals(latest, emit);
      emitComparisons(emit);
      post({ id, kind: 'cancelled', finished: [...new Set(finished)] });
    } else post({ id, kind: 'train-failed', message: (error as Error).message });
  } finally {
    runs.delete(id);
    // A loss during the run's last strategy has no next strategy to notice it.
    if (guard?.fault()?.aborted) webglLost = true;
  }
}

/** Every held strategy's predictions in seed order (seeds still missing after a cancel are left out). */
function heldPredictions(): { id: string; seeds: number[]; heldOut: StrategyPredictions['heldOut'] }[] {
  return [...held.predictions].map(([sid, p]) => {
    const done = p.seeds.flatMap((seed, i) => (p.heldOut[i] ? [{ seed, heldOut: p.heldOut[i] }] : []));
    return { id: sid, seeds: done.map((d) => d.seed), heldOut: done.map((d) => d.heldOut) };
  });
}

/**
 * Paired comparisons between every strategy held now — this run's and earlier runs' on the same dataset —
 * posted after each run so the page can show them beside the latest results.
 */
function emitComparisons(emit: (event: TrainEvent) => void): void {
  const { dataset, frame } = held;
  if (!dataset || !frame) return;
  const split = temporalSplit(dataset.tasks, TEST_SHARE, 'per-user-tail');
  const strategies = heldPredictions().filter((p) => p.heldOut.length > 0);
  const set: ComparisonSet = {
    comparisons: compareStrategies(scoredRows(dataset.tasks, split.testIndices), strategies, frame.baseline, {
      seed: frame.seed,
    }),
    basis: Object.fromEntries([...held.predictions].map(([sid, p]) => [sid, p.trainedAt])),
  };
  emit({ kind: 'comparisons', set });
}

/** "Download predictions (CSV)": the held-out predictions held now, masked when asked. */
function predictionsFile(
  maskIds: boolean,
): WorkerReply extends infer R
  ? R extends { kind: 'predictions-csv' | 'failed' }
    ? Omit<R, 'id'>
    : never
  : never {
  const { dataset, summary, frame } = held;
  const strategies = heldPredictions().filter((p) => p.heldOut.length > 0);
  if (!dataset || !summary || strategies.length === 0)
    return {
      kind: 'failed',
      message:
        'No held-out predictions are held: train the strategies first (predictions are not kept between visits).',
    };
  const split = temporalSplit(dataset.tasks, TEST_SHARE, 'per-user-tail');
  const csv = predictionsCsv({
    tasks: dataset.tasks,
    testIndices: split.testIndices,
    strategies,
    baseline: frame?.baseline,
    labels: maskIds ? userLabels(summary.users.map((u) => u.userId)) : undefined,
  });
  const day = new Date().toISOString().slice(0, 10);
  return {
    kind: 'predictions-csv',
    fileName: `retrain-lab-predictions-${day}${maskIds ? '-masked' : ''}.csv`,
    csv,
  };
}

/** After a cancel: the strategies stopped between seeds get their intervals over the seeds they have. */
function completeIntervals(
  latest: Map<string, { entry: ReportStrategy; complete: boolean }>,
  emit: (event: TrainEvent) => void,
): void {
  const { dataset } = held;
  if (!dataset) return;
  const rows = scoredRows(
    dataset.tasks,
    temporalSplit(dataset.tasks, TEST_SHARE, 'per-user-tail').testIndices,
  );
  const predictions = new Map(heldPredictions().map((p) => [p.id, p]));
  for (const [sid, { entry, complete }] of latest) {
    if (complete || entry.status !== 'ok') continue;
    const done = withIntervals(entry, rows, predictions.get(sid)?.heldOut ?? []);
    const result = held.results.get(sid);
    if (result) held.results.set(sid, { ...result, entry: done });
    const seeds = done.seeds.length;
    emit({
      kind: 'strategy-done',
      entry: done,
      progress: { seedIndex: seeds - 1, seedsDone: seeds, repeats: seeds, complete: true },
    });
  }
}
