/**
 * A sweep in the lab worker: the plan made from the request (one line saying why, when it cannot be
 * swept), the backend and helper lanes a training run would get, every point on every seed through core's
 * runSweep, progress streamed (each epoch, each point's finished seeds), cancellable like training. It
 * keeps no model and touches nothing the strategies' runs hold: models, results, predictions, frame.
 */
import { planSweep, sweepBaseOf, type SweepPlan } from '../core/sweep/plan-sweep';
import { runSweep } from '../core/sweep/run-sweep';
import { coalesceProgress } from '../core/comparison/progress-coalescer';
import { startRun, type LabContext } from './lab-context';
import type { RunId } from './message-ids';
import type { RunProgressEvent } from '../core/comparison/comparison-request';
import type { SweepEvent, SweepRunRequest } from './protocol';
import { forgetWebGLModels, openRun } from './run-backend';
import type { ContextGuard } from './webgl-context-guard';

/** The request's base and axes as a plan; throws a one-line RangeError for anything that cannot be swept. */
export const planOf = (request: Pick<SweepRunRequest, 'base' | 'axes'>): SweepPlan =>
  planSweep(sweepBaseOf(request.base), request.axes);

export async function sweep(context: LabContext, id: RunId, request: SweepRunRequest): Promise<void> {
  if (!startRun(context, id)) return; // answered when the cancel came
  const { held, runs, post } = context;
  const { dataset, summary } = held;
  if (!dataset || !summary)
    return post({ id, kind: 'sweep-failed', message: 'Load a dataset before sweeping.' });
  let plan: SweepPlan;
  try {
    plan = planOf(request);
  } catch (error) {
    return post({ id, kind: 'sweep-failed', message: (error as Error).message });
  }
  const controller = new AbortController();
  runs.set(id, controller);
  const progress = coalesceProgress<RunProgressEvent>(
    ({ userId: _userId, ...event }) => post({ id, kind: 'sweep-event', event: { kind: 'progress', event } }),
    () => false,
  );
  const emit = (event: SweepEvent) => {
    progress.flush();
    post({ id, kind: 'sweep-event', event });
  };
  const position = new Map(plan.points.map((p, i) => [p.id, i + 1]));
  let guard: ContextGuard | undefined;
  try {
    const {
      decision,
      guard: runGuard,
      lanes,
    } = await openRun(context, request, plan.points.length, controller.signal, emit, (g) => (guard = g));
    const document = await runSweep({
      plan,
      dataset,
      summary,
      seed: request.seed,
      repeats: request.repeats,
      thresholds: request.thresholds,
      backend: decision.backend,
      signal: controller.signal,
      lanes,
      deviceFault: runGuard.fault,
      // Epochs only (per-user phases name a user, which the page has no use for here), coalesced.
      onProgress: (event) => progress.progress(event),
      onLaneLost: (lane, pointId, reason) =>
        emit({
          kind: 'notice',
          message: `${lane.name} could not finish ${pointId} (${reason}); it was trained again in the lab worker.`,
        }),
      beforeStrategy: async () => {
        if (!(await runGuard.recover())) return;
        forgetWebGLModels(context);
        emit({
          kind: 'backend',
          decision: {
            ...decision,
            backend: 'cpu',
            reason: 'the WebGL context was lost, so the rest of the sweep uses cpu',
          },
        });
      },
      onPointDone: (entry, progress) =>
        emit({
          kind: 'point-done',
          pointId: entry.id,
          point: position.get(entry.id) ?? 0,
          points: plan.points.length,
          seedsDone: progress.seedsDone,
          repeats: progress.repeats,
          complete: progress.complete,
          failed: entry.status === 'failed' ? entry.error : undefined,
        }),
    });
    post({ id, kind: 'swept', document });
  } catch (error) {
    if (controller.signal.aborted) post({ id, kind: 'sweep-cancelled' });
    else post({ id, kind: 'sweep-failed', message: (error as Error).message });
  } finally {
    runs.delete(id);
    if (guard?.fault()?.aborted) context.webglLost = true;
  }
}
