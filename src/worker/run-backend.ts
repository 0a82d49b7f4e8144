/**
 * How a training run or a sweep gets its backend and its workers: the backend chosen in the Backend
 * control (cpu when it cannot start) or Auto's measured decision (kept per dataset), how many workers
 * train side by side, and what a lost WebGL context means for the models held.
 */
import type { BackendName } from '../core/backend/activate-backend';
import { chooseBackend, type BackendDecision } from '../core/comparison/choose-backend';
import { unlessAborted } from '../core/comparison/unless-aborted';
import type { Dataset } from '../core/data/task';
import { helperBudget } from './helper-pool';
import type { LabContext } from './lab-context';
import type { BackendChoice, TrainEvent, WorkersChoice } from './protocol';
import type { StrategyLane } from '../core/comparison/strategy-lanes';
import { guardWebGLContext, type ContextGuard } from './webgl-context-guard';
import { webglRenderer } from './webgl-renderer';

export async function resolveBackend(
  context: LabContext,
  choice: BackendChoice,
  dataset: Dataset,
  fingerprint: string,
  signal: AbortSignal,
): Promise<BackendDecision> {
  const { activate, held } = context;
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
export function workersFor(
  context: LabContext,
  choice: WorkersChoice | undefined,
  backend: BackendName,
): { count: number; reason: string } {
  // One GPU, and a lost WebGL context is recovered in this worker alone.
  if (backend === 'webgl') return { count: 1, reason: 'WebGL trains in the lab worker alone' };
  if (choice !== undefined && choice !== 'auto') return { count: choice, reason: 'as chosen' };
  const cores = context.cores();
  return { count: 1 + helperBudget(cores), reason: `Auto: one per core, ${cores} here` };
}

/**
 * The WebGL context was lost and the run moves to cpu: WebGL stays off, and models trained on the lost
 * context have no weights any more — their results stay, their exports go.
 */
export function forgetWebGLModels(context: LabContext): void {
  context.webglLost = true;
  const { held } = context;
  for (const [sid, result] of held.results)
    if (result.backend === 'webgl') {
      held.trained.get(sid)?.dispose();
      held.trained.delete(sid);
    }
}

/** What a run starts with: its backend decision, the guard watching a WebGL context, and helper lanes. */
export interface RunStart {
  decision: BackendDecision;
  guard: ContextGuard;
  lanes: StrategyLane[];
}

/**
 * Start a training run or a sweep: resolve the backend, guard a WebGL context, take helper lanes for up to
 * `jobs` side-by-side jobs, and say both (the `backend` and `workers` events). `onGuard` gets the guard as
 * soon as it exists, so the caller's cleanup sees it even if taking lanes fails.
 */
export async function openRun(
  context: LabContext,
  choice: { backend: BackendChoice; workers?: WorkersChoice },
  jobs: number,
  signal: AbortSignal,
  emit: (event: Extract<TrainEvent, { kind: 'backend' | 'workers' }>) => void,
  onGuard: (guard: ContextGuard) => void,
): Promise<RunStart> {
  const { held, helpers, activate } = context;
  const { dataset, summary } = held;
  if (!dataset || !summary) throw new Error('no dataset held');
  const decision = await resolveBackend(context, choice.backend, dataset, summary.fingerprint, signal);
  emit({ kind: 'backend', decision });
  const guard = guardWebGLContext(decision.backend, () => activate('cpu'));
  onGuard(guard);
  const workers = workersFor(context, choice.workers, decision.backend);
  const lanes = held.source
    ? helpers.lanes({ ...held.source, summary }, Math.min(workers.count, jobs) - 1)
    : [];
  emit({ kind: 'workers', count: 1 + lanes.length, reason: workers.reason });
  return { decision, guard, lanes };
}
