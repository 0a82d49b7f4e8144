/**
 * The contracts between strategies and everything that uses them (evaluation, worker, CLI, UI):
 * what a strategy is, what it is given, and the trained result with its tfjs-free `predict`.
 * Types only (tfjs appears as a type for export access); no DOM, no framework.
 */
import type * as tf from '@tensorflow/tfjs';
import type { TaskContext } from '../features/task-context';
import type { HeadKind } from '../model/architecture';
import type { InfluenceRow } from '../training/loop/sampling';
import type { Recipe } from './recipe';
import type { PhaseSummary, ProgressEvent, ValidationOptions } from '../training/loop/training-types';

export {
  DEFAULT_VALIDATION,
  type PhaseSummary,
  type ProgressEvent,
  type TrainingData,
  type ValidationOptions,
} from '../training/loop/training-types';

/**
 * A strategy's id: one of the six presets (catalogue.ts names them as `PresetId`) or an own recipe's
 * (lower-case letters, digits and dashes).
 */
export type StrategyId = string;

/** A strategy option's value (plain JSON): options travel through links, sessions and reports. */
export type OptionValue = number | boolean | string;

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
  /** An own recipe's full recipe (the six are known by their id and options). */
  recipe?: Recipe;
  /**
   * Training time, milliseconds: wall clock less the time the training spent yielded to its thread's
   * other work (a lab worker builds the report's frame and summarises other strategies meanwhile).
   */
  trainMs: number;
  /** docs/contract.md §2; rows of several phases carry their `phase`. */
  trainingInfluence: InfluenceRow[];
  phases: PhaseSummary[];
  /** The live networks, for export (valid until dispose). */
  models(): ExportableModel[];
  /** Free every tensor of the strategy; predict must not be called afterwards. */
  dispose(): void;
}
