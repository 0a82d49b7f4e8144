/**
 * What a comparison is asked and what it gives back (runComparison's request, progress and result types):
 * the strategies and seeds, the callbacks a caller follows a run with, and the report, kept models and
 * held-out predictions it hands over. Types only.
 */
import type { Dataset } from '../data/task';
import type { DatasetSummary } from '../data/summarize-dataset';
import type { HeldOutPrediction } from '../evaluation/evaluate-strategy';
import type { PredictorReplicates } from '../evaluation/repeated-bootstrap';
import type { VerdictThresholds } from '../evaluation/verdicts';
import type { StrategyChoice } from '../strategies/strategy-spec';
import type { ProgressEvent, StrategyId, TrainedStrategy, ValidationOptions } from '../strategies/types';
import type { ReportFrame } from '../report/compose-report';
import type { Report, ReportStrategy } from '../report/report-types';
import type { StrategyLane } from './strategy-lanes';

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
  /** The summary's bootstrap draws over the seeds done, once it has intervals (for compareStrategies). */
  replicates?: PredictorReplicates;
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
  /** The summary's bootstrap draws over these seeds, when it has intervals. */
  replicates?: PredictorReplicates;
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
