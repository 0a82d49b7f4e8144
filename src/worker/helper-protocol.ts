/**
 * Messages between the lab worker and a training helper (types only): the helper holds its own copy
 * of the dataset, trains the strategies the lab worker hands it, keeps their models and exports them
 * on request. Replies echo the request's id; progress events echo the run's.
 */
import type { DatasetSummary } from '../core/data/summarize-dataset';
import type { HeldOutPrediction } from '../core/evaluation/evaluate-strategy';
import type { SeedEntry } from '../core/report/seed-result';
import type { LaneJob } from '../core/comparison/strategy-lanes';
import type { ProgressEvent } from '../core/strategies/types';
import type { TaskContext } from '../core/features/task-context';
import type { HelperRequestId, HelperRunId } from './message-ids';
import type { ExportReply, ExportRequest } from './protocol';

export type HelperRequest = { id: HelperRequestId } &
  /** Import this file (the one the lab worker imported); any models of an earlier dataset go. */
  (
    | { kind: 'dataset'; fileName: string; file: Blob; summary: DatasetSummary }
    | { kind: 'run'; job: LaneJob }
    | { kind: 'cancel'; runId: HelperRunId }
    | { kind: 'export'; request: ExportRequest }
    /** Forget this strategy's model (it was trained again elsewhere). */
    | { kind: 'drop'; strategyId: string }
    /** Predict these contexts with this strategy's model ("Try a learner"). */
    | { kind: 'predict'; strategyId: string; contexts: TaskContext[] }
  );

export type HelperReply = { id: HelperRequestId } & (
  | { kind: 'ready' }
  | { kind: 'progress'; event: ProgressEvent }
  /** One seed's entry and held-out predictions (absent when it failed). */
  | { kind: 'ran'; entry: SeedEntry; heldOut?: HeldOutPrediction }
  /** The helper could not run it (no dataset, backend would not start): the lab worker runs it. */
  | { kind: 'unavailable'; message: string }
  | { kind: 'cancelled' }
  | { kind: 'predicted'; pCorrect: Float32Array; timeSeconds: Float32Array }
  | ExportReply
);
