/**
 * The training slice: the run in progress (per-strategy progress and loss curves), the results kept per
 * strategy until that strategy is re-run, and the report frame they belong to. A cancelled or failed run
 * never discards results that were already finished.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ComparisonSet, ReportFrame } from '../core/report/compose-report';
import type { ReportStrategy } from '../core/report/report-types';
import type { RunProgressEvent } from '../core/comparison/comparison-request';
import { onRunLossCurve } from '../core/comparison/progress-coalescer';
import type { InfluenceRow } from '../core/training/loop/sampling';
import type { LabClient } from '../worker/lab-client';
import type { BackendDecision, RunId, TrainEvent } from '../worker/protocol';
import { ownChoice } from './own-strategies';
import type { OwnStrategySlice } from './own-strategy-slice';
import type { SettingsSlice } from './settings-slice';
import { failureLines, finishedStatus, runningStatus } from './train-status';

export interface StrategyProgress {
  phase: string;
  head: string;
  userId?: string;
  epoch: number;
  epochs: number;
  /** Correctness-head training loss per epoch over the shared phases (not per-user fine-tunes). */
  losses: number[];
  valLosses: (number | null)[];
  /** Seeds of this strategy finished in the run, and how many it trains with. */
  seedsDone: number;
  repeats: number;
  /** The seed training now (0-based) */
  seedIndex: number;
  done: boolean;
}

export interface TrainingSlice {
  runId?: RunId;
  /** Strategy ids of the run in progress, in order. */
  runStrategies: string[];
  /** Seeds per strategy of the run in progress. */
  runRepeats: number;
  progress: Record<string, StrategyProgress>;
  results: Record<string, ReportStrategy>;
  reportFrame?: ReportFrame;
  /** Paired comparisons between the strategies held (from the worker after each run). */
  comparisons?: ComparisonSet;
  /** The worker holds held-out predictions of this session's runs ("Download predictions (CSV)"). */
  predictionsHeld: boolean;
  backendDecision?: BackendDecision;
  /** Workers training the last run side by side (the lab worker and its helpers), and why that many. */
  trainWorkers?: { count: number; reason: string };
  /** What the last run said along the way (e.g. a helper worker stopped and its work moved). */
  trainNotices: string[];
  /** What the role="status" region reads. */
  trainStatus: string;
  trainError?: string;
  preview: Record<string, InfluenceRow[]>;
  /** Per strategy, what its options will do that may surprise (epochs 0, minTasks nobody reaches). */
  optionNotices: Record<string, string[]>;
  /** `single`: a re-run of one strategy from its card ("Train only this"), reported by its name. */
  trainStrategies(ids: string[], scope?: 'all' | 'single'): Promise<void>;
  cancelTraining(): void;
  loadPreview(): Promise<void>;
  /** The held-out predictions CSV (masked when masking is on), or why there is none. */
  predictionsCsv(): Promise<{ fileName: string; csv: string } | { message: string }>;
}

const PROGRESS_FLUSH_MS = 250;
/** Finished strategies wait at most this long for others finishing at about the same time. */
const RESULTS_FLUSH_MS = 100;

type StrategyDoneEvent = Extract<TrainEvent, { kind: 'strategy-done' }>;
type PendingEvent = { kind: 'progress'; event: RunProgressEvent } | StrategyDoneEvent;

/** A strategy's progress when its first word is its result (no epoch reached the page before it). */
function startedProgress(id: string, seed: number, p: StrategyDoneEvent['progress']): StrategyProgress {
  return applyProgress(undefined, {
    strategyId: id,
    phase: '',
    head: 'correctness',
    epoch: 0,
    epochs: 0,
    loss: 0,
    valLoss: null,
    seed,
    seedIndex: p.seedIndex,
    repeats: p.repeats,
  });
}

/** `sweepRunId`: a sweep in progress; training waits for it to end (the worker handles one run at a time). */
type Deps = SettingsSlice & OwnStrategySlice & TrainingSlice & { summary?: unknown; sweepRunId?: unknown };

function applyProgress(previous: StrategyProgress | undefined, e: RunProgressEvent): StrategyProgress {
  const base = previous ?? {
    phase: e.phase,
    head: e.head,
    epoch: 0,
    epochs: e.epochs,
    losses: [],
    valLosses: [],
    seedsDone: 0,
    repeats: e.repeats,
    seedIndex: e.seedIndex,
    done: false,
  };
  // The loss curve shows the first seed's training; later seeds only move the counters.
  const shared = onRunLossCurve(e);
  return {
    ...base,
    phase: e.phase,
    head: e.head,
    userId: e.userId,
    epoch: e.epoch,
    epochs: e.epochs,
    repeats: e.repeats,
    seedIndex: Math.max(base.seedIndex, e.seedIndex),
    losses: shared ? [...base.losses, e.loss] : base.losses,
    valLosses: shared ? [...base.valLosses, e.valLoss] : base.valLosses,
  };
}

export const createTrainingSlice =
  (client: LabClient): StateCreator<Deps, [], [], TrainingSlice> =>
  (set, get) => {
    const labelOf = (id: string) =>
      (get().catalog.find((m) => m.id === id) ?? get().ownStrategies.find((o) => o.id === id))?.label ?? id;
    // The six by id and options; an own strategy by its recipe.
    const requestOf = (id: string) => {
      const own = get().ownStrategies.find((o) => o.id === id);
      return own ? ownChoice(own) : { id, options: get().strategies[id]?.options ?? {} };
    };
    // Epochs arrive every few milliseconds and finished strategies in bursts (30 in a 5-seed run of the
    // six): the page takes them in batches a few times a second. Rendering each one at once cost the page
    // about as much CPU as a training worker on the sample (docs/performance.md, "The page during a run").
    let pending: PendingEvent[] = [];
    // Once the worker said it is stopping, late progress no longer rewrites the status.
    let stopping = false;
    const statusNow = (s: TrainingSlice & Deps, progress: Record<string, StrategyProgress>) =>
      stopping ? s.trainStatus : runningStatus(s.runStrategies, progress, labelOf, s.runRepeats);
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    const flushPending = () => {
      if (flushTimer !== undefined) clearTimeout(flushTimer);
      flushTimer = undefined;
      const events = pending;
      pending = [];
      if (events.length === 0) return;
      set((s) => {
        const progress = { ...s.progress };
        let results = s.results;
        let predictionsHeld = s.predictionsHeld;
        for (const e of events) {
          if (e.kind === 'progress') {
            progress[e.event.strategyId] = applyProgress(progress[e.event.strategyId], e.event);
            continue;
          }
          const { entry, progress: seeds } = e;
          progress[entry.id] = {
            ...(progress[entry.id] ?? startedProgress(entry.id, entry.seed, seeds)),
            seedsDone: seeds.seedsDone,
            repeats: seeds.repeats,
            done: seeds.complete,
          };
          results = { ...results, [entry.id]: entry };
          predictionsHeld ||= entry.status === 'ok';
        }
        return { progress, results, predictionsHeld, trainStatus: statusNow(s, progress) };
      });
    };
    const later = (event: PendingEvent) => {
      pending.push(event);
      flushTimer ??= setTimeout(
        flushPending,
        event.kind === 'progress' ? PROGRESS_FLUSH_MS : RESULTS_FLUSH_MS,
      );
    };
    const onEvent = (event: TrainEvent) => {
      switch (event.kind) {
        case 'backend':
          return set({ backendDecision: event.decision });
        case 'workers':
          return set({ trainWorkers: { count: event.count, reason: event.reason } });
        case 'notice':
          return set((s) => ({ trainNotices: [...s.trainNotices, event.message] }));
        case 'frame':
          return set({ reportFrame: event.frame });
        case 'comparisons':
          return set({
            comparisons: event.set,
            predictionsHeld: event.set.comparisons.length > 0 || get().predictionsHeld,
          });
        case 'stopping':
          stopping = true;
          return set({ trainStatus: 'Cancelling: training stopped; keeping what finished…' });
        case 'progress':
          return later({ kind: 'progress', event: event.event });
        case 'strategy-done': {
          // A result shows within RESULTS_FLUSH_MS: sooner than the progress batch, if one is waiting.
          if (flushTimer !== undefined && !pending.some((e) => e.kind === 'strategy-done')) {
            clearTimeout(flushTimer);
            flushTimer = undefined;
          }
          return later({ kind: 'strategy-done', entry: event.entry, progress: event.progress });
        }
      }
    };
    return {
      runStrategies: [],
      runRepeats: 1,
      predictionsHeld: false,
      trainNotices: [],
      progress: {},
      results: {},
      trainStatus: 'Not trained yet',
      preview: {},
      optionNotices: {},
      async trainStrategies(ids, scope = 'all') {
        const { seed, repeats, backend, workers, thresholds, runId, sweepRunId } = get();
        if (runId !== undefined || sweepRunId !== undefined || ids.length === 0) return;
        const request = { seed, repeats, backend, workers, thresholds, strategies: ids.map(requestOf) };
        stopping = false;
        const run = client.train(request, onEvent);
        set({
          runId: run.runId,
          runStrategies: ids,
          runRepeats: repeats,
          progress: Object.fromEntries(Object.entries(get().progress).filter(([id]) => !ids.includes(id))),
          trainStatus: `Training ${ids.length === 1 ? labelOf(ids[0] as string) : `${ids.length} strategies`}${repeats > 1 ? ` — seed 1 of ${repeats}` : ''}…`,
          trainError: undefined,
          trainNotices: [],
        });
        const reply = await run.done;
        flushPending();
        const kept = Object.keys(get().results).length;
        if (reply.kind === 'trained') {
          const failures = failureLines(reply.outcomes);
          set({
            reportFrame: reply.frame,
            trainStatus: finishedStatus(reply.outcomes, scope),
            trainError: failures.length > 0 ? failures.join('; ') : undefined,
          });
        } else if (reply.kind === 'cancelled') {
          set({
            trainStatus: `Training cancelled; ${reply.finished.length} finished in this run, ${kept} results kept`,
          });
        } else {
          set({ trainStatus: 'Training failed; earlier results are kept', trainError: reply.message });
        }
        set({ runId: undefined, runStrategies: [] });
      },
      cancelTraining() {
        const { runId } = get();
        if (runId !== undefined) client.cancel(runId);
      },
      async predictionsCsv() {
        return client.predictionsCsv(get().maskIds);
      },
      async loadPreview() {
        const { strategies, ownStrategies } = get();
        const requests = [
          ...Object.entries(strategies).map(([id, s]) => ({ id, options: s.options })),
          ...ownStrategies.map(ownChoice),
        ];
        const [preview, optionNotices] = await Promise.all([
          client.preview(requests),
          client.optionNotices(requests),
        ]);
        set({ preview, optionNotices });
      },
    };
  };
