/**
 * The lab worker: owns the imported dataset, tfjs and every live trained model, so parsing a million
 * rows or training six strategies never blocks the page. Answers imports, the training-influence preview,
 * training runs of the six and own recipes (train-handler), sweeps (sweep-handler) — both streamed,
 * cancellable — and exports, loads and the learner previews of the models it holds.
 */
// First: configures zod before any schema exists (see csp-ready).
import '../platform/csp-ready';
import { importSizeRefusal } from '../core/data/import-limits';
import { importTasksFromBytes } from '../core/data/import-tasks';
import { summarizeDataset } from '../core/data/summarize-dataset';
import { optionNotices } from '../core/comparison/option-notices';
import { heldOutOf } from '../core/comparison/evaluation-setup';
import { resolveChoice, specInfluence } from '../core/strategies/strategy-spec';
import { recentAnswers } from '../core/features/learner-scenario';
import { arithmeticDone, denseGmacs } from '../core/training/simd/arithmetic';
import { deleteSavedModel, listSavedModels } from '../platform/saved-models';
import { helperBudget } from './helper-pool';
import { handleInOrder } from './handle-in-order';
import { createLabContext } from './lab-context';
import { runIdOf } from './message-ids';
import { exportModel, exportTransfer, forgetModels, loadModel } from './model-exchange';
import { predictionsFile } from './predictions-file';
import type { WorkerRequest } from './protocol';
import { sweep } from './sweep-handler';
import { train } from './train-handler';
import { startWasm, warmUpTraining } from './warm-up';
import { loseWebGLContext } from './webgl-context-guard';
import { webglRenderer } from './webgl-renderer';
import { answerWhatIf } from './what-if';

/** This worker's own scope, taken once (unit tests run several workers in one thread, each on its own). */
const scope = self;
const context = createLabContext(scope);
const { held, helpers, runs, cancelledEarly, post, activate } = context;
// Started with the page: a worker's code and tfjs load while the sample is fetched and imported.
helpers.prestart(helperBudget(scope.navigator.hardwareConcurrency));
// wasm's binary compiles off this thread while the page fetches and imports the sample.
void startWasm();
// Auto's first decision reads the WebGL renderer (50 ms in a fresh worker): read now, while the page loads.
webglRenderer();

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
          trainIndices: heldOutOf(dataset.tasks).split.trainIndices,
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
        const { trainIndices } = heldOutOf(dataset.tasks).split;
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
        return await train(context, runIdOf(id), request);
      case 'sweep':
        return await sweep(context, runIdOf(id), request);
      case 'cancel': {
        const run = runs.get(request.runId);
        if (run) run.abort(new DOMException('Training cancelled', 'AbortError'));
        else if (request.runId > context.lastRun) {
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
        return post({ id, ...predictionsFile(held, request.maskIds) });
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
