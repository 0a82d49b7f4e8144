/**
 * A training run in the lab worker: the backend and workers, every chosen strategy on every seed through
 * the comparison pipeline (lanes included), results, models and predictions kept per strategy (a strategy
 * first seen in this run replaces its older ones), paired comparisons after the run, and a cancel that
 * keeps what finished.
 */
import { runComparison } from '../core/comparison/run-comparison';
import { coalesceProgress, onRunLossCurve } from '../core/comparison/progress-coalescer';
import { heldOutOf } from '../core/comparison/evaluation-setup';
import type { StrategyPredictions } from '../core/comparison/comparison-request';
import { resamplesFor } from '../core/evaluation/repeated-bootstrap';
import { compareStrategies } from '../core/report/compare-strategies';
import { frameOf, type ComparisonSet } from '../core/report/compose-report';
import { withIntervals } from '../core/report/repeated-entry';
import type { ReportStrategy } from '../core/report/report-types';
import { resolveChoice } from '../core/strategies/strategy-spec';
import type { BackendName } from '../core/backend/activate-backend';
import type { HelperLane } from './helper-lane';
import { startRun, type Held, type LabContext } from './lab-context';
import type { RunId } from './message-ids';
import { forgetModels } from './model-exchange';
import type { TrainEvent, TrainRequest } from './protocol';
import { forgetWebGLModels, openRun } from './run-backend';
import type { ContextGuard } from './webgl-context-guard';

export async function train(context: LabContext, id: RunId, request: TrainRequest): Promise<void> {
  if (!startRun(context, id)) return; // answered when the cancel came
  const { held, runs, post } = context;
  const { dataset, summary } = held;
  if (!dataset || !summary)
    return post({ id, kind: 'train-failed', message: 'Load a dataset before training.' });
  const controller = new AbortController();
  runs.set(id, controller);
  const progress = coalesceProgress(
    (event) => post({ id, kind: 'event', event: { kind: 'progress', event } }),
    onRunLossCurve,
  );
  const emit = (event: TrainEvent) => {
    progress.flush();
    post({ id, kind: 'event', event });
  };
  // Said as the Cancel arrives, before the seconds a big file's intervals of what finished can take.
  controller.signal.addEventListener('abort', () => emit({ kind: 'stopping' }), { once: true });
  const finished: string[] = [];
  // Each strategy's latest entry and whether all its seeds are in (a cancel leaves some without intervals).
  const latest = new Map<string, { entry: ReportStrategy; complete: boolean }>();
  let guard: ContextGuard | undefined;
  try {
    const {
      decision,
      guard: runGuard,
      lanes,
    } = await openRun(
      context,
      request,
      request.strategies.length,
      controller.signal,
      emit,
      (g) => (guard = g),
    );
    let backend: BackendName = decision.backend;
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
      onProgress: (event) => progress.progress(event),
      deviceFault: runGuard.fault,
      lanes,
      onLaneLost: (lane, sid, reason) =>
        emit({
          kind: 'notice',
          message: `${lane.name} could not finish ${labelOf(sid)} (${reason}); it was trained again in the lab worker.`,
        }),
      beforeStrategy: async () => {
        if (!(await runGuard.recover())) return;
        forgetWebGLModels(context);
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
            p.replicates = progress.replicates;
            held.predictions.set(entry.id, p);
          }
        }
        finished.push(entry.id);
        latest.set(entry.id, { entry, complete: progress.complete });
        const { seedIndex, seedsDone, repeats, complete } = progress;
        emit({ kind: 'strategy-done', entry, progress: { seedIndex, seedsDone, repeats, complete } });
      },
    });
    emitComparisons(held, emit);
    const outcomes = report.strategies.map((s) => ({
      id: s.id,
      label: s.label,
      status: s.status,
      ...(s.status === 'failed' ? { error: s.error } : {}),
    }));
    post({ id, kind: 'trained', frame: frameOf(report), outcomes });
  } catch (error) {
    if (controller.signal.aborted) {
      completeIntervals(held, latest, request.repeats ?? 1, emit);
      emitComparisons(held, emit);
      post({ id, kind: 'cancelled', finished: [...new Set(finished)] });
    } else post({ id, kind: 'train-failed', message: (error as Error).message });
  } finally {
    runs.delete(id);
    // A loss during the run's last strategy has no next strategy to notice it.
    if (guard?.fault()?.aborted) context.webglLost = true;
  }
}

/** Every held strategy's predictions in seed order (seeds still missing after a cancel are left out). */
export function heldPredictions(held: Held): ({ id: string } & StrategyPredictions)[] {
  return [...held.predictions].map(([sid, p]) => {
    const done = p.seeds.flatMap((seed, i) => (p.heldOut[i] ? [{ seed, heldOut: p.heldOut[i] }] : []));
    return {
      id: sid,
      seeds: done.map((d) => d.seed),
      heldOut: done.map((d) => d.heldOut),
      // compareStrategies uses them only where they cover exactly these seeds.
      replicates: p.replicates,
    };
  });
}

/**
 * Paired comparisons between every strategy held now — this run's and earlier runs' on the same dataset —
 * posted after each run so the page can show them beside the latest results.
 */
function emitComparisons(held: Held, emit: (event: TrainEvent) => void): void {
  const { dataset, frame } = held;
  if (!dataset || !frame) return;
  const strategies = heldPredictions(held).filter((p) => p.heldOut.length > 0);
  const set: ComparisonSet = {
    comparisons: compareStrategies(heldOutOf(dataset.tasks).rows, strategies, frame.baseline, {
      seed: frame.seed,
    }),
    basis: Object.fromEntries([...held.predictions].map(([sid, p]) => [sid, p.trainedAt])),
  };
  emit({ kind: 'comparisons', set });
}

/**
 * After a cancel: the strategies stopped between seeds get their intervals over the seeds they have, from
 * as many resamples as the run's complete entries (`repeats` seeds each) got — not the more a bootstrap of
 * fewer seeds would take on its own: a cancel answers within a second, and one run's entries share one
 * resample count.
 */
function completeIntervals(
  held: Held,
  latest: Map<string, { entry: ReportStrategy; complete: boolean }>,
  repeats: number,
  emit: (event: TrainEvent) => void,
): void {
  const { dataset } = held;
  if (!dataset) return;
  const { rows } = heldOutOf(dataset.tasks);
  const resamples = resamplesFor(rows.labels.length, repeats);
  const predictions = new Map(heldPredictions(held).map((p) => [p.id, p]));
  for (const [sid, { entry, complete }] of latest) {
    if (complete || entry.status !== 'ok') continue;
    const done = withIntervals(entry, rows, predictions.get(sid)?.heldOut ?? [], resamples, (part) => {
      const p = held.predictions.get(sid);
      if (p) p.replicates = part;
    });
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
