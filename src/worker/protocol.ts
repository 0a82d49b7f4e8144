/**
 * Messages between the page and the lab worker (types only). Every request carries an id and every
 * reply or event echoes it, so the client drops what belongs to requests it no longer waits for.
 */
import type { SweepBaseChoice } from '../core/sweep/plan-sweep';
import type { DatasetSummary } from '../core/data/summarize-dataset';
import type { ImportReport } from '../core/data/task';
import type { VerdictThresholds } from '../core/evaluation/verdicts';
import type { BackendName } from '../core/backend/activate-backend';
import type { BackendDecision } from '../core/comparison/choose-backend';
import type { ComparisonSet, ReportFrame } from '../core/report/compose-report';
import type { RunProgressEvent } from '../core/comparison/comparison-request';
import type { ReportStrategy } from '../core/report/report-types';
import type { SeedEntry } from '../core/report/seed-result';
import type { OwnRecipe } from '../core/strategies/recipe';
import type { SweepDocument } from '../core/sweep/sweep-document';
import type { OptionValue } from '../core/strategies/types';
import type { InfluenceRow } from '../core/training/loop/sampling';
import type { BundleManifest } from '../core/export/bundle-manifest';
import type { SelfCheckResult } from '../core/export/self-check';
import type { SavedModelInfo } from '../platform/lab-db';
import type { LearnerAnswer, LearnerScenario } from '../core/features/learner-scenario';
import type { RequestId, RunId } from './message-ids';

export type { RequestId, RunId };

/** What the Backend control offers: a backend of core, or Auto (measure and keep the fastest). */
export type BackendChoice = 'auto' | BackendName;
/** How many workers train side by side: Auto (by this machine's cores) or a number (1 = the lab worker alone). */
export type WorkersChoice = 'auto' | 1 | 2 | 3 | 4;
export type { OptionValue };

/** What the page shows of one of the six strategies (the catalogue's entry, serialisable). */
export interface StrategyMeta {
  id: string;
  label: string;
  summary: string;
  /** The lab's defaults (the design note's settings under the batch rule). */
  defaultOptions: Record<string, OptionValue>;
  /** The design note's own settings: the Design note preset. */
  seedOptions: Record<string, OptionValue>;
  optionDocs: Record<string, string>;
}

/** One of the six with its options, or an own recipe (core's StrategyChoice). */
export type StrategyRequest = { id: string; options: Record<string, OptionValue> } | OwnRecipe;

export interface TrainRequest {
  strategies: StrategyRequest[];
  /** The first seed; every strategy trains with seed, seed + 1, … (`repeats` seeds). */
  seed: number;
  /** Seeds per strategy; absent: 1. */
  repeats?: number;
  backend: BackendChoice;
  /** Absent: Auto. */
  workers?: WorkersChoice;
  thresholds: VerdictThresholds;
}

export type WorkerRequest = { id: RequestId } & (
  | {
      kind: 'import';
      fileName: string;
      /** A handle: read inside the worker, never copied on the page's thread. */ file: Blob;
    }
  | { kind: 'preview'; strategies: StrategyRequest[] }
  /** What each strategy's options will do that may surprise (epochs 0, a per-user threshold nobody reaches). */
  | { kind: 'option-notices'; strategies: StrategyRequest[] }
  | ({ kind: 'train' } & TrainRequest)
  | { kind: 'cancel'; runId: RunId }
  | ({ kind: 'export-model' } & ExportRequest)
  | { kind: 'saved-models' }
  | { kind: 'delete-saved'; key: string }
  | ({ kind: 'load-model' } & LoadModelRequest)
  /** The held-out predictions of the strategies held now, one row per task and seed (masked when asked). */
  | { kind: 'predictions-csv'; maskIds: boolean }
  /** A user's last answers, to edit in "Try a learner". */
  | { kind: 'learner-recent'; userId: string; count: number }
  /** Every trained strategy's prediction for an edited learner's next task. */
  | ({ kind: 'what-if' } & WhatIfRequest)
  /** A sweep of the held dataset: streamed sweep events, then its reply; cancelled by `cancel` too. */
  | ({ kind: 'sweep' } & SweepRunRequest)
);

/** What a sweep varies from: one of the six with its options as set, or an own strategy's recipe. */
export type SweepBaseRequest = SweepBaseChoice;

/** A sweep: one or two parameters with their values, every point trained on `repeats` seeds from `seed`. */
export interface SweepRunRequest {
  base: SweepBaseRequest;
  axes: { name: string; values: OptionValue[] }[];
  seed: number;
  repeats: number;
  backend: BackendChoice;
  /** Absent: Auto. */
  workers?: WorkersChoice;
  thresholds: VerdictThresholds;
}

/** Streamed while a sweep goes on (the training events it shares, and each point's finished seeds). */
export type SweepEvent =
  | Extract<TrainEvent, { kind: 'backend' | 'workers' | 'notice' | 'progress' }>
  | {
      kind: 'point-done';
      pointId: string;
      /** 1-based position of the point in the plan, of `points`. */
      point: number;
      points: number;
      seedsDone: number;
      repeats: number;
      /** No more seeds of this point will come (all done, or it failed). */
      complete: boolean;
      /** Why the point failed, when it did. */
      failed?: string;
    };

export type SweepReply =
  | { kind: 'swept'; document: SweepDocument }
  | { kind: 'sweep-cancelled' }
  | { kind: 'sweep-failed'; message: string };

export type { LearnerAnswer };
export type WhatIfRequest = LearnerScenario;

/** One strategy's answer for the learner: P(correct) and seconds, or why it has none. */
export type WhatIfPrediction = { strategyId: string; label: string } & (
  { pCorrect: number; timeSeconds: number } | { missing: string }
);

export type WhatIfReply =
  { kind: 'what-if'; predictions: WhatIfPrediction[] } | { kind: 'what-if-failed'; message: string };

/** Export the latest trained model of a strategy as one bundle: to a download, or into IndexedDB. */
export interface ExportRequest {
  strategyId: string;
  target: 'download' | 'browser';
  maskIds: boolean;
}

export interface LoadModelRequest {
  source: { kind: 'saved'; key: string } | { kind: 'file'; fileName: string; file: Blob };
  /** Where to run it; Auto runs it on the backend it was trained on. */
  backend: BackendChoice;
  thresholds: VerdictThresholds;
}

/** A loaded bundle as the page shows it: its manifest (minus the stored predictions) and what it did here. */
export interface LoadedModelView {
  source: string;
  sizeBytes: number;
  manifest: Omit<BundleManifest, 'selfCheck'>;
  backend: string;
  /** Did it predict the stored held-out rows as the trained model did? */
  selfCheck: SelfCheckResult;
  /** The bundle scored on the loaded dataset's held-out rows (one seed: the bundle's); absent with no dataset. */
  scored?: SeedEntry;
}

export type ExportReply =
  | {
      kind: 'model-exported';
      fileName: string;
      sizeBytes: number;
      bytes?: Uint8Array<ArrayBuffer>;
      saved?: SavedModelInfo;
    }
  | { kind: 'failed'; message: string };

export type LoadModelReply =
  { kind: 'model-loaded'; view: LoadedModelView } | { kind: 'model-refused'; message: string };

export type { SavedModelInfo };

export type ImportReply =
  | { kind: 'imported'; summary: DatasetSummary; report: ImportReport; importMs: number }
  | { kind: 'refused'; message: string };

export type { BackendDecision };

/** Streamed while a training run goes on; the run's final reply follows them. */
export type TrainEvent =
  | { kind: 'backend'; decision: BackendDecision }
  /** How many workers train this run side by side (the lab worker and its helpers). */
  | { kind: 'workers'; count: number; reason: string }
  /** Something the person should know about this run that is not a failure of a strategy. */
  | { kind: 'notice'; message: string }
  /** Everything of the report but its strategies, known before the first strategy trains. */
  | { kind: 'frame'; frame: ReportFrame }
  | { kind: 'progress'; event: RunProgressEvent }
  /**
   * The Cancel reached the lab worker: training stops now. The run's reply ("cancelled") follows once what
   * finished has its intervals and comparisons — on a big file seconds later.
   */
  | { kind: 'stopping' }
  /** A strategy's entry over the seeds it finished so far (every seed of it in this run, once `complete`). */
  | {
      kind: 'strategy-done';
      entry: ReportStrategy;
      progress: { seedIndex: number; seedsDone: number; repeats: number; complete: boolean };
    }
  /** Paired comparisons between the strategies held now (after each run), and what they were computed on. */
  | { kind: 'comparisons'; set: ComparisonSet };

/** How a strategy of a run ended: what the status line and the list of failures say. */
export interface RunOutcome {
  id: string;
  label: string;
  status: 'ok' | 'failed';
  error?: string;
}

export type TrainReply =
  /**
   * The run's frame and each strategy's outcome. Not the whole report: its entries came as strategy-done
   * events, and posting them again cost the page 0.36 s of reading the message (one task) on the
   * 1M-row / 10,000-user file.
   */
  | { kind: 'trained'; frame: ReportFrame; outcomes: RunOutcome[] }
  | { kind: 'cancelled'; finished: string[] }
  | { kind: 'train-failed'; message: string };

export type WorkerReply = { id: RequestId } & (
  | ImportReply
  | { kind: 'preview'; influence: Record<string, InfluenceRow[]> }
  | { kind: 'option-notices'; notices: Record<string, string[]> }
  | TrainReply
  | { kind: 'event'; event: TrainEvent }
  | SweepReply
  | { kind: 'sweep-event'; event: SweepEvent }
  | ExportReply
  | { kind: 'saved-models'; models: SavedModelInfo[] }
  | LoadModelReply
  | { kind: 'predictions-csv'; fileName: string; csv: string }
  | { kind: 'learner-recent'; answers: LearnerAnswer[]; totalTasks: number }
  | WhatIfReply
);
