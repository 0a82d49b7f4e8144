/**
 * The one orchestration the CLI and the browser worker share: split once, train and evaluate each selected
 * strategy — one after another in catalogue order, or side by side in lanes (helper workers) — hand each
 * entry over as soon as it is ready, and build the report (catalogue order either way).
 * Pure core (tfjs only through the strategies); no DOM, no Node-only modules.
 */
import type { Dataset, Task } from '../data/task';
import type { DatasetSummary } from '../data/summarize-dataset';
import {
  heldOutContexts,
  resolveThresholds,
  type EvaluationData,
  type StrategyEvaluation,
} from '../evaluation/evaluate-strategy';
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
import { buildReport, reportStrategy, type ReportInputs } from '../report/build-report';
import { frameOf, type ReportFrame } from '../report/compose-report';
import type { Report, ReportStrategy } from '../report/report-types';
import { drainInLanes, LaneLostError, longestFirst, type StrategyLane } from './strategy-lanes';
import { trainAndEvaluate } from './train-and-evaluate';

/** Share of each user's tasks held out for testing (the last ones; at least one when the user has ≥ 2). */
export const TEST_SHARE = 0.2;

export interface ComparisonRequest {
  dataset: Dataset;
  summary: DatasetSummary;
  /**
   * The six by id with their option overrides, and own recipes; reported in catalogue order (own recipes
   * after the six, as given) whatever the order here.
   */
  strategies: readonly StrategyChoice[];
  /** Seeds training (initialisers, shuffles, dropout) and the bootstrap. */
  seed: number;
  /** Any subset; the rest from DEFAULT_THRESHOLDS. */
  thresholds?: Partial<VerdictThresholds>;
  /** How training phases carve validation; default per-user-tail, 0.2. */
  validation?: Partial<ValidationOptions>;
  /** tfjs backend the caller activated (recorded in the report). */
  backend: string;
  /** Checked between strategies and passed into training and evaluation. */
  signal?: AbortSignal;
  /** Every finished epoch of every strategy. */
  onProgress?: (event: ProgressEvent) => void;
  /**
   * Called once per strategy as soon as it is evaluated (or has failed), with its report entry (JSON
   * form) and, when it trained, the TrainedStrategy, which from then on belongs to the caller.
   */
  onStrategyDone?: (entry: ReportStrategy, trained: TrainedStrategy | undefined, lane?: StrategyLane) => void;
  /**
   * Other places to run strategies at the same time (helper workers holding the same dataset). A
   * strategy a lane ran is reported with that lane and no TrainedStrategy: the lane keeps the model.
   * Without lanes, strategies run one after another in catalogue order.
   */
  lanes?: readonly StrategyLane[];
  /** A lane broke (LaneLostError): it takes no more strategies, and `strategyId` runs elsewhere. */
  onLaneLost?: (lane: StrategyLane, strategyId: StrategyId, reason: string) => void;
  /** Called once before training with the report minus its strategies (dataset, split, baseline, seed…). */
  onFrame?: (frame: ReportFrame) => void;
  /**
   * Asked before each strategy this thread trains (after beforeStrategy): a signal that aborts, with an Error saying why,
   * when the device fails (e.g. the WebGL context is lost). The strategy in progress then fails with
   * that reason — even when a device operation never returns, since the wait is abandoned — and the
   * run goes on with the next one.
   */
  deviceFault?: () => AbortSignal | undefined;
  /** Awaited before each strategy this thread trains (e.g. to move to another backend after a device fault). */
  beforeStrategy?: (id: StrategyId) => Promise<void>;
  /** Clock for `generatedAt` (tests pin it); default `new Date()`. */
  now?: () => Date;
  /** Bootstrap resamples, default 1000. */
  resamples?: number;
}

export interface ComparisonResult {
  report: Report;
  /**
   * Strategies that trained, by id. The CALLER owns them and must `dispose()` each (dispose is
   * idempotent). Failed strategies are absent.
   */
  trained: Map<StrategyId, TrainedStrategy>;
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

/**
 * Train and evaluate the selected strategies; see ComparisonRequest. A strategy that throws (not an
 * abort) becomes a `status: 'failed'` entry and the rest continue. On abort the promise rejects with
 * the signal's reason; strategies already handed over through onStrategyDone stay the caller's, any
 * other trained strategy is disposed here first.
 * @throws RangeError for an unknown strategy id or an invalid own recipe (before anything trains).
 */
export async function runComparison(request: ComparisonRequest): Promise<ComparisonResult> {
  const { dataset, seed, signal } = request;
  const tasks = dataset.tasks;
  const resolved = resolveChoices(request.strategies);
  const selected = resolved.map((r) => r.spec);
  const choiceOf = new Map(resolved.map((r) => [r.spec.id, r.choice]));
  const thresholds = resolveThresholds(request.thresholds);
  const validation: ValidationOptions = { ...DEFAULT_VALIDATION, ...request.validation };

  const { split, evalData } = evaluationSetup(tasks, {
    seed,
    thresholds,
    resamples: request.resamples,
    signal,
  });
  const scoreOptions = { seed, resamples: request.resamples };

  const done = new Map<StrategyId, StrategyEvaluation | ReportStrategy>();
  const trained = new Map<StrategyId, TrainedStrategy>();
  const handedOver = new Set<TrainedStrategy>();
  const trainHere = async (strategy: StrategySpec) => {
    signal?.throwIfAborted();
    await request.beforeStrategy?.(strategy.id);
    const outcome = await trainAndEvaluate(strategy, {
      tasks,
      trainIndices: split.trainIndices,
      evalData,
      seed,
      validation,
      signal,
      onProgress: request.onProgress,
      fault: request.deviceFault?.(),
    });
    done.set(strategy.id, outcome.entry);
    if (outcome.kind === 'failed') return request.onStrategyDone?.({ ...outcome.entry }, undefined);
    trained.set(strategy.id, outcome.model);
    // A throwing callback is the caller's bug, not a failure of the strategy.
    if (request.onStrategyDone) {
      handedOver.add(outcome.model);
      request.onStrategyDone(reportStrategy(outcome.entry), outcome.model);
    }
  };
  const trainIn = (lane: StrategyLane) => async (strategy: StrategySpec) => {
    signal?.throwIfAborted();
    const entry = await lane
      .run(
        {
          strategy: choiceOf.get(strategy.id) as StrategyChoice,
          seed,
          backend: request.backend,
          thresholds,
          validation,
          resamples: request.resamples,
        },
        { signal, onProgress: request.onProgress },
      )
      .catch((error: unknown) => {
        if (error instanceof LaneLostError) request.onLaneLost?.(lane, strategy.id, error.message);
        throw error;
      });
    done.set(strategy.id, entry);
    request.onStrategyDone?.(entry, undefined, lane);
  };
  const lanes = request.lanes ?? [];
  // Started first: each lane's first request goes out synchronously, so the helpers train while this thread
  // scores the frame — and no entry can come back before the frame is out (replies are later tasks).
  const draining = drainInLanes(lanes.length > 0 ? longestFirst(selected) : selected, [
    trainHere,
    ...lanes.map(trainIn),
  ]);
  let frameInputs: Omit<ReportInputs, 'strategies' | 'generatedAt'>;
  try {
    // Everything but the strategies is known before training: handed out first, so a run cancelled after
    // its first strategy still yields a complete report of what finished.
    frameInputs = {
      summary: request.summary,
      split,
      baseline: scoreBaseline(tasks, split.trainIndices, split.testIndices, scoreOptions),
      recorded: scoreRecorded(tasks, split.testIndices, scoreOptions),
      seed,
      backend: request.backend,
      thresholds,
      validation: { mode: validation.mode, share: validation.share },
    };
    request.onFrame?.(
      frameOf(
        buildReport({
          ...frameInputs,
          strategies: [],
          generatedAt: (request.now?.() ?? new Date()).toISOString(),
        }),
      ),
    );
    await draining;
  } catch (error) {
    await draining.catch(() => undefined); // a frame that failed waits for the lanes to stop
    for (const model of trained.values()) if (!handedOver.has(model)) model.dispose();
    throw error;
  }
  const entries = selected.flatMap((s) => done.get(s.id) ?? []);

  const report = buildReport({
    ...frameInputs,
    strategies: entries,
    generatedAt: (request.now?.() ?? new Date()).toISOString(),
  });
  return { report, trained };
}
