/**
 * The contracts between strategies and everything that uses them (evaluation, worker, CLI, UI):
 * what a strategy is, what it is given, and the trained result with its tfjs-free `predict`.
 * Types only (tfjs appears as a type for export access); no DOM, no framework.
 */
import type * as tf from '@tensorflow/tfjs';
import type { TaskContext } from '../features/task-context';
import type { HeadKind } from '../model/architecture';
import type { InfluenceRow } from '../training/loop/sampling';
import type {
  PhaseSummary,
  ProgressEvent,
  TrainingData,
  ValidationOptions,
} from '../training/loop/training-types';

export {
  DEFAULT_VALIDATION,
  type PhaseSummary,
  type ProgressEvent,
  type TrainingData,
  type ValidationOptions,
} from '../training/loop/training-types';

export const STRATEGY_IDS = [
  'full-retrain',
  'architecture-fixes',
  'balanced-sampling',
  'weighted-loss',
  'progressive',
  'per-user',
] as const;
export type StrategyId = (typeof STRATEGY_IDS)[number];

export interface StrategyContext {
  /** Seeds initialisers, shuffling and dropout: same seed + cpu backend → identical predictions. */
  seed: number;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  validation?: Partial<ValidationOptions>;
}

/** Predictions for n contexts, in their order. */
export interface Prediction {
  /** P(correct), 0–1. */
  pCorrect: Float32Array;
  /** Predicted answering time, seconds, within the range seen in training. */
  timeSeconds: Float32Array;
}

/** What evaluation depends on: no tfjs knowledge needed (a fake is easy to write). */
export interface Predictor {
  predict(contexts: readonly TaskContext[]): Promise<Prediction>;
}

/** A trained network ready for `model.save(...)`, with the metadata needed to use it elsewhere. */
export interface ExportableModel {
  /** Unique within the strategy, e.g. "correctness", "time", "correctness@bulk@example.com". */
  name: string;
  head: HeadKind;
  /** The user a per-user model serves; absent for shared models. */
  userId?: string;
  model: tf.LayersModel;
  /** Plain JSON for `model.setUserDefinedMetadata`: vocabularies, feature version and spec, time scaling. */
  metadata: Record<string, unknown>;
}

export interface TrainedStrategy extends Predictor {
  id: StrategyId;
  label: string;
  /** Every knob used, defaults filled in, validation included. */
  options: Record<string, unknown>;
  /** Wall-clock training time, milliseconds. */
  trainMs: number;
  /** docs/contract.md §2; rows of several phases carry their `phase`. */
  trainingInfluence: InfluenceRow[];
  phases: PhaseSummary[];
  /** The live networks, for export (valid until dispose). */
  models(): ExportableModel[];
  /** Free every tensor of the strategy; predict must not be called afterwards. */
  dispose(): void;
}

/** A strategy of the registry. `O` holds only plain JSON values (numbers, strings, booleans). */
export interface Strategy<O extends object = Record<string, unknown>> {
  id: StrategyId;
  /** e.g. "1. Full retrain (no changes)". */
  label: string;
  /** One sentence on what it does and what the design note expects of it. */
  summary: string;
  /** The lab's defaults: the design note's settings under the lab's batch rule (labDefaults). */
  defaultOptions: O;
  /** The design note's own settings (batch 32, its epochs): the Seed-faithful preset. */
  seedOptions: O;
  /** One line per option: meaning and unit. */
  optionDocs: Record<keyof O, string>;
  train(data: TrainingData, options: Partial<O>, ctx: StrategyContext): Promise<TrainedStrategy>;
  /** The `trainingInfluence` training would have, computed without training (the lab's preview). */
  influence(data: TrainingData, options: Partial<O>): InfluenceRow[];
}
