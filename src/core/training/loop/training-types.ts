/**
 * What the training loop is given and reports, independent of any strategy: the rows it learns from,
 * how each phase carves validation, per-epoch progress and each head's phase summary. Types and one
 * default only; strategies/types re-exports them for everything above.
 */
import type { Task } from '../../data/task';
import type { HeadKind } from '../../model/architecture';
import type { TailMode } from '../../split/temporal-split';

/** What a strategy learns from: the whole chronological dataset and the rows it may train on. */
export interface TrainingData {
  /** All tasks, chronological: history features of any row use every earlier task of its user. */
  tasks: readonly Task[];
  /** Positions in `tasks` the strategy may learn from, chronological; the rest is held out. */
  trainIndices: readonly number[];
}

/** How each phase carves its validation slice from its own training rows. */
export interface ValidationOptions {
  /** per-user-tail (default): last `share` of each user's rows; global-tail: last `share` of all. */
  mode: TailMode;
  /** 0–1, default 0.2 (the design note's validation_split). */
  share: number;
}
export const DEFAULT_VALIDATION: ValidationOptions = { mode: 'per-user-tail', share: 0.2 };

/** One finished epoch. Losses are weighted means; `valLoss` null when the phase had no validation rows. */
export interface ProgressEvent {
  /** The strategy (or own recipe) being trained. */
  strategyId: string;
  /** e.g. "train", "pretrain", "fine-tune", "base", "user". */
  phase: string;
  head: HeadKind;
  /** Set during a per-user fine-tune. */
  userId?: string;
  epoch: number;
  epochs: number;
  loss: number;
  valLoss: number | null;
}

/** Summary of one head's phase (for the report and the training chart). */
export interface PhaseSummary {
  phase: string;
  head: HeadKind;
  userId?: string;
  fitRows: number;
  valRows: number;
  epochsRun: number;
  bestEpoch: number;
  finalLoss: number | null;
  bestValLoss: number | null;
  /** Per-epoch losses, for charts. */
  losses: number[];
  valLosses: (number | null)[];
}
