/**
 * Messages between the page and the lab worker (types only). Every request carries an id and every
 * reply or event echoes it, so the client drops what belongs to requests it no longer waits for.
 */
import type { DatasetSummary } from '../core/data/summarize-dataset';
import type { ImportReport } from '../core/data/task';
import type { VerdictThresholds } from '../core/evaluation/verdicts';
import type { BackendName } from '../core/backend/activate-backend';
import type { BackendDecision } from '../core/backend/choose-backend';
import type { ReportFrame } from '../core/report/compose-report';
import type { Report, ReportStrategy } from '../core/report/report-types';
import type { ProgressEvent } from '../core/strategies/types';
import type { InfluenceRow } from '../core/training/sampling';

/** What the Backend control offers: a backend of core, or Auto (measure and keep the fastest). */
export type BackendChoice = 'auto' | BackendName;
export type OptionValue = number | boolean | string;

/** What the page needs of a registry strategy (the registry itself stays with tfjs in the worker). */
export interface StrategyMeta {
  id: string;
  label: string;
  summary: string;
  defaultOptions: Record<string, OptionValue>;
  optionDocs: Record<string, string>;
}

export interface StrategyRequest {
  id: string;
  options: Record<string, OptionValue>;
}

export interface TrainRequest {
  strategies: StrategyRequest[];
  seed: number;
  backend: BackendChoice;
  thresholds: VerdictThresholds;
}

export type WorkerRequest = { id: number } & (
  | {
      kind: 'import';
      fileName: string;
      /** A handle: read inside the worker, never copied on the page's thread. */ file: Blob;
    }
  | { kind: 'catalog' }
  | { kind: 'preview'; strategies: StrategyRequest[] }
  | ({ kind: 'train' } & TrainRequest)
  | { kind: 'cancel'; runId: number }
);

export type ImportReply =
  | { kind: 'imported'; summary: DatasetSummary; report: ImportReport; importMs: number }
  | { kind: 'refused'; message: string };

export type { BackendDecision };

/** Streamed while a training run goes on; the run's final reply follows them. */
export type TrainEvent =
  | { kind: 'backend'; decision: BackendDecision }
  /** Everything of the report but its strategies, known before the first strategy trains. */
  | { kind: 'frame'; frame: ReportFrame }
  | { kind: 'progress'; event: ProgressEvent }
  | { kind: 'strategy-done'; entry: ReportStrategy };

export type TrainReply =
  | { kind: 'trained'; report: Report }
  | { kind: 'cancelled'; finished: string[] }
  | { kind: 'train-failed'; message: string };

export type WorkerReply = { id: number } & (
  | ImportReply
  | { kind: 'catalog'; strategies: StrategyMeta[] }
  | { kind: 'preview'; influence: Record<string, InfluenceRow[]> }
  | TrainReply
  | { kind: 'event'; event: TrainEvent }
  | { kind: 'failed'; message: string }
);
