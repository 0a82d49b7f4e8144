/**
 * Messages between the CLI and its lane threads (types only): a thread imports the same file, trains and
 * evaluates the strategies handed to it (core's laneRunner, as a helper worker does in the lab), keeps their
 * models, and packs a model bundle on request. Replies echo the request's id.
 */
import type { LaneJob } from '../core/comparison/strategy-lanes';
import type { DatasetSummary } from '../core/data/summarize-dataset';
import type { Report } from '../core/report/report-types';
import type { ProgressEvent, StrategyId } from '../core/strategies/types';

export type ThreadRequest = { id: number } & (
  | { kind: 'dataset'; fileName: string; content: string | Uint8Array; backend: 'cpu' | 'wasm' }
  | { kind: 'run'; job: LaneJob }
  | { kind: 'pack'; strategyId: StrategyId; summary: DatasetSummary; report: Report }
);

export type ThreadReply = { id: number } & (
  | { kind: 'ready' }
  | { kind: 'progress'; event: ProgressEvent }
  | { kind: 'ran'; entry: Report['strategies'][number] }
  | { kind: 'packed'; fileName: string; bytes: Uint8Array; networks: number }
  /** The thread could not do it (no dataset, no model): the CLI does it itself. */
  | { kind: 'unavailable'; message: string }
);
