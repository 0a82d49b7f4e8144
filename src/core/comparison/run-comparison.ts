/**
 * The one orchestration the CLI and the browser worker share: split once, train and evaluate each selected
 * strategy once per seed (seed, seed + 1, … for `repeats` seeds) — one after another in catalogue order,
 * or side by side in lanes (helper workers) — hand each strategy's entry over as its seeds finish, and
 * build the report (schema version 2, catalogue order either way: runs, summaries, paired comparisons,
 * recommendation). Only the first seed's models are kept (for export); every other one is disposed once
 * evaluated.
 * Pure core (tfjs only through the strategies); no DOM, no Node-only modules.
 */
import type { Dataset, Task } from '../data/task';
import type { DatasetSummary } from '../data/summarize-dataset';
import { scoredRows, type ScoredRows } from '../evaluation/counted-run';
import {
  heldOutContexts,
  resolveThresholds,
  type EvaluationData,
  type HeldOutPrediction,
} from '../evaluation/evaluate-strategy';
import { evaluateTruth } from '../evaluation/evaluate-truth';
import { scoreBaseline, scoreRecorded } from '../evaluation/held-out-scores';
import { userStates } from '../evaluation/response-probe';
import type { VerdictThresholds } from '../evaluation/verdicts';
import { temporalSplit, type TemporalSplit } from '../split/temporal-split';
import { resolveChoices, type StrategyChoice, type StrategySpec } from '../strategies/strategy-spec';
import {
  DEFAULT_VALIDATION,
  type ProgressEvent,
  type StrategyId,
  type TrainedStrategy,
  type ValidationOptions,
} from '../strategies/types';
import { buildFrame, seedEntry } from '../report/build-report';
import { compareStrategies } from '../report/compare-strategies';
import { completeReport, type ReportFrame } from '../report/compose-report';
import { repeatedEntry } from '../report/repeated-entry';
import type { Report, ReportStrategy } from '../report/report-types';
import type { RunSettings, SeedResult } from '../report/seed-result';
import { drainInLanes, LaneLostError, longestFirst, type StrategyLane } from './strategy-lanes';
import { trainAndEvaluate } from './train-and-evaluate';

/** Share of each user's tasks held out for testing (the last ones; at least one when the user has ≥ 2). */
export const TEST_SHARE = 0.2;

/** A training progress event, with which of the run's seeds it belongs to. */
export interface RunProgressEvent extends ProgressEvent {
  seed: number;
  /** 0-based: the run's first seed is 0. */
  seedIndex: number;
  repeats: number;
}

/** Where a strategy's seeds stand when its entry is handed over. */
export interface SeedProgress {
  /** The seed that just finished. */
  seed: number;
  seedIndex: number;
  repeats: number;
  /** Seeds of this strategy finished so far (the entry covers these). */
  seedsDone: number;
  /** No more seeds of this strategy will come in this run (all done, or it failed). */
  complete: boolean;
  /** The finished seed's held-out predictions (absent when it failed). */
  heldOut?: HeldOutPrediction;
}

export interface ComparisonRequest {
  dataset: Dataset;
  summary: DatasetSummary;
  /**
   * The six by id with their option overrides, and own recipes; reported in catalogue order (own recipes
   * after the six, as given) whatever the order here.
   */
  strategies: readonly StrategyChoice[];
  /** The first seed: seeds training (initialisers, shuffles, dropout) and the bootstraps. */
  seed: number;
  /** Seeds to train every strategy with: seed, seed + 1, …; default 1. */
  repeats?: number;
  /** Any subset; the rest from DEFAULT_THRESHOLDS. */
  thresholds?: Partial<VerdictThresholds>;
  /** How training phases carve validation; default per-user-tail, 0.2. */
  validation?: Partial<ValidationOptions>;
  /** tfjs backend the caller activated (recorded in the report). */
  backend: string;
  /** Checked between strategies and passed into training and evaluation. */
  signal?: AbortSignal;
  /** Every finished epoch of every strategy and seed. */
  onProgress?: (event: RunProgressEvent) => void;
  /**
   * Called each time one of a strategy's seeds is evaluated (or has failed), with the strategy's entry
   * over its seeds finished so far. `trained` comes with the first seed when this thread trained it,
   * and from then on belongs to the caller; `lane` with the first seed when a lane trained it (the lane
   * keeps that model). Other seeds' models are disposed before this is called.
   */
  onStrategyDone?: (
    entry: ReportStrategy,
    trained: TrainedStrategy | undefined,
    lane: StrategyLane | undefined,
    progress: SeedProgress,
  ) => void;
  /**
   * Other places to run strategies at the same time (helper workers holding the same dataset). A
   * strategy's first seed a lane ran is reported with that lane and no TrainedStrategy: the lane keeps the
   * model. Without lanes, jobs run one after another: every strategy of the first seed in catalogue order,
   * then the next seed.
   */
  lanes?: readonly StrategyLane[];
  /** A lane broke (LaneLostError): it takes no more jobs, and `strategyId` runs elsewhere. */
  onLaneLost?: (lane: StrategyLane, strategyId: StrategyId, reason: string) => void;
  /** Called once before training with the report minus its strategies (dataset, split, baseline, seeds…). */
  onFrame?: (frame: ReportFrame) => void;
  /**
   * Asked before each job this thread trains (after beforeStrategy): a signal that aborts, with an Error
   * saying why, when the device fails (e.g. the WebGL context is lost). The job then fails with that
   * reason — even when a device operation never returns, since the wait is abandoned — and the run goes on.
   */
  deviceFault?: () => AbortSignal | undefined;
  /** Awaited before each job this thread trains (e.g. to move to another backend after a device fault). */
  beforeStrategy?: (id: StrategyId) => Promise<void>;
  /** Clock for `generatedAt` and `trainedAt` (tests pin it); default `new Date()`. */
  now?: () => Date;
  /** Bootstrap resamples, default 1000 (fewer on big held-out sets for the repeated summaries). */
  resamples?: number;
  /**
   * Compute the paired comparisons for the report (default true). The lab worker says false: it compares
   * every strategy it holds after the run, this run's and earlier ones, and would only repeat the work.
   */
  compare?: boolean;
  /** Keep each strategy's first-seed model (default true); a sweep keeps none. */
  keepModels?: boolean;
}

/** A strategy's held-out predictions, one set per seed (in seed order). */
export interface StrategyPredictions {
  seeds: number[];
  heldOut: HeldOutPrediction[];
}

export interface ComparisonResult {
  report: Report;
  /**
   * The first seed's model of each strategy that trained on every seed, by id. The CALLER owns them and
   * must `dispose()` each (dispose is idempotent). Failed strategies are absent.
   */
  trained: Map<StrategyId, TrainedStrategy>;
  /** Held-out predictions of every strategy that trained, for comparisons and the predictions CSV. */
  predictions: Map<StrategyId, StrategyPredictions>;
  /** Positions of the held-out rows in `dataset.tasks`, aligned with every prediction. */
  testIndices: readonly number[];
}

/** The lab's held-out split of `tasks` and what evaluating any predictor on it needs (built once per run). */
export function evaluationSetup(
  tasks: readonly Task[],
  options: Pick<EvaluationData, 'seed' | 'thresholds' | 'resamples' | 'signal'>,
): { split: TemporalSplit; evalData: EvaluationData } {
  const split = temporalSplit(tasks, TEST_SHARE, 'per-user-tail');
  return {
    split,
    evalData: {
      tasks,
      testIndices: split.testIndices,
      testContexts: heldOutContexts(tasks, split.testIndices),
      states: userStates(tasks),
      ...options,
    },
  };
}

/** seed, seed + 1, … (`repeats` of them). @throws RangeError unless repeats is a whole number ≥ 1. */
export function seedsOf(seed: number, repeats = 1): number[] {
  if (!Number.isInteger(repeats) || repeats < 1)
    throw new RangeError(`repeats must be a whole number ≥ 1, got ${repeats}`);
  return Array.from({ length: repeats }, (_, i) => seed + i);
}

interface Job {
  strategy: StrategySpec;
  seed: number;
  seedIndex: number;
}

/**
 * Train and evaluate the selected strategies on every seed; see ComparisonRequest. A job that throws (not
 * an abort) makes its strategy a `status: 'failed'` entry (its remaining seeds are skipped) and the rest
 * continue. On abort the promise rejects with the signal's reason; models already handed over through
 * onStrategyDone stay the caller's, any other trained model is disposed here first.
 * @throws RangeError for an unknown strategy id, an invalid own recipe or a bad repeats count (before
 * anything trains).
 */
export async function runComparison(request: ComparisonRequest): Promise<ComparisonResult> {
  const { dataset, seed, signal } = request;
  const tasks = dataset.tasks;
  const seeds = seedsOf(seed, request.repeats);
  const repeats = seeds.length;
  const resolved = resolveChoices(request.strategies);
  const selected = resolved.map((r) => r.spec);
  const choiceOf = new Map(resolved.map((r) => [r.spec.id, r.choice]));
  const thresholds = resolveThresholds(request.thresholds);
  const validation: ValidationOptions = { ...DEFAULT_VALIDATION, ...request.validation };
  const startedAt = (request.now?.() ?? new Date()).toISOString();

  const { split, evalData } = evaluationSetup(tasks, {
    seed,
    thresholds,
    resamples: request.resamples,
    signal,
  });
  const rows: ScoredRows = scoredRows(tasks, split.testIndices);
  const scoreOptions = { seed, resamples: request.resamples };
  const settings: RunSettings = {
    backend: request.backend,
    trainedAt: startedAt,
    thresholds,
    validation: { mode: validation.mode, share: validation.share },
  };
  const frameInputs = {
    summary: request.summary,
    split,
    rows,
    baseline: scoreBaseline(tasks, split.trainIndices, split.testIndices, scoreOptions),
    recorded: scoreRecorded(tasks, split.testIndices, scoreOptions),
    truth: await evaluateTruth(
      {
        fingerprint: request.summary.fingerprint,
        rows: request.summary.rows,
        users: request.summary.users.length,
        hasTrueP: request.summary.hasTrueP,
      },
      evalData,
    ),
    seeds,
    backend: request.backend,
    thresholds,
    validation: { mode: validation.mode, share: validation.share },
    resamples: request.resamples,
  };
  // Everything but the strategies is known before training: handed out first, so a run cancelled after
  // its first strategy still yields a complete report of what finished.
  const frame = buildFrame({ ...frameInputs, generatedAt: startedAt });
  request.onFrame?.(frame);

  const results = new Map<StrategyId, SeedResult[]>();
  const latest = new Map<StrategyId, ReportStrategy>();
  const failed = new Set<StrategyId>();
  const trained = new Map<StrategyId, TrainedStrategy>();
  const handedOver = new Set<TrainedStrategy>();
  const progressOf = (job: Job) => (event: ProgressEvent) =>
    request.onProgress?.({ ...event, seed: job.seed, seedIndex: job.seedIndex, repeats });

  const record = (job: Job, result: SeedResult, model?: TrainedStrategy, lane?: StrategyLane) => {
    const id = job.strategy.id;
    const list = results.get(id) ?? [];
    list[job.seedIndex] = result;
    results.set(id, list);
    if (result.entry.status === 'failed') failed.add(id);
    const done = list.filter((r): r is SeedResult => r !== undefined);
    const complete = failed.has(id) || done.length === repeats;
    // Intervals once the strategy's seeds are all in (the end of the run, or completeEntry after a cancel).
    const entry = repeatedEntry(done, settings, rows, request.resamples, complete);
    latest.set(id, entry);
    if (entry.status === 'failed') {
      // The entry no longer stands for a working strategy: its first seed's model goes too.
      const first = trained.get(id);
      if (first && !handedOver.has(first)) first.dispose();
      trained.delete(id);
    }
    const progress: SeedProgress = {
      seed: job.seed,
      seedIndex: job.seedIndex,
      repeats,
      seedsDone: done.length,
      complete,
      heldOut: result.heldOut,
    };
    if (model && request.onStrategyDone) handedOver.add(model);
    // A throwing callback is the caller's bug, not a failure of the strategy.
    request.onStrategyDone?.(entry, model, lane, progress);
  };

  const trainHere = async (job: Job) => {
    signal?.throwIfAborted();
    const { strategy } = job;
    if (failed.has(strategy.id)) return;
    await request.beforeStrategy?.(strategy.id);
    const outcome = await trainAndEvaluate(strategy, {
      tasks,
      trainIndices: split.trainIndices,
      evalData: { ...evalData, seed: job.seed },
      seed: job.seed,
      validation,
      signal,
      onProgress: progressOf(job),
      fault: request.deviceFault?.(),
    });
    if (outcome.kind === 'failed') return record(job, { seed: job.seed, entry: outcome.entry });
    const keep = request.keepModels !== false && job.seedIndex === 0;
    if (keep) trained.set(strategy.id, outcome.model);
    else outcome.model.dispose();
    const result = { seed: job.seed, entry: seedEntry(outcome.entry, rows), heldOut: outcome.entry.heldOut };
    record(job, result, keep ? outcome.model : undefined);
  };
  const trainIn = (lane: StrategyLane) => async (job: Job) => {
    signal?.throwIfAborted();
    const { strategy } = job;
    if (failed.has(strategy.id)) return;
    const output = await lane
      .run(
        {
          strategy: choiceOf.get(strategy.id) as StrategyChoice,
          seed: job.seed,
          keep: request.keepModels !== false && job.seedIndex === 0,
          backend: request.backend,
          thresholds,
          validation,
          resamples: request.resamples,
        },
        { signal, onProgress: progressOf(job) },
      )
      .catch((error: unknown) => {
        if (error instanceof LaneLostError) request.onLaneLost?.(lane, strategy.id, error.message);
        throw error;
      });
    record(job, { seed: job.seed, ...output }, undefined, request.keepModels !== false && job.seedIndex === 0 ? lane : undefined);
  };
  const lanes = request.lanes ?? [];
  const order = lanes.length > 0 ? longestFirst(selected) : selected;
  const jobs: Job[] = seeds.flatMap((s, seedIndex) =>
    order.map((strategy) => ({ strategy, seed: s, seedIndex })),
  );
  try {
    await drainInLanes(jobs, [trainHere, ...lanes.map(trainIn)]);
  } catch (error) {
    for (const model of trained.values()) if (!handedOver.has(model)) model.dispose();
    throw error;
  }

  const entries: ReportStrategy[] = [];
  const predictions = new Map<StrategyId, StrategyPredictions>();
  for (const strategy of selected) {
    const done = (results.get(strategy.id) ?? []).filter((r): r is SeedResult => r !== undefined);
    if (done.length === 0) continue;
    const entry = latest.get(strategy.id) ?? repeatedEntry(done, settings, rows, request.resamples);
    entries.push(entry);
    if (entry.status === 'ok')
      predictions.set(strategy.id, {
        seeds: done.map((r) => r.seed),
        heldOut: done.map((r) => r.heldOut as HeldOutPrediction),
      });
  }
  const comparisons =
    request.compare === false
      ? []
      : compareStrategies(
          rows,
          [...predictions].map(([id, p]) => ({ id, seeds: p.seeds, heldOut: p.heldOut })),
          frame.baseline,
          { seed, resamples: request.resamples },
        );
  const report = completeReport(
    { ...frame, generatedAt: (request.now?.() ?? new Date()).toISOString() },
    entries,
    comparisons,
  );
  return { report, trained, predictions, testIndices: split.testIndices };
}
