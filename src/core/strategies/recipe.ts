/**
 * The recipe: what every strategy is made of — a network, which rows it learns from (a per-user cap),
 * how the loss weighs users (an exponent), a schedule (one phase, or pretrain then fine-tune), optional
 * per-user fine-tunes, the monotone-response flag — plus the training options. The six strategies of the
 * design note are presets of it (catalogue.ts); one trainer (train-recipe.ts) runs any recipe. Types and
 * the design note's numbers only: no tfjs.
 */
import type { ArchitectureKind } from '../model/architecture';

/** 'none', or the N most recent training tasks of each user. */
export type Cap = 'none' | number;

export interface TrainingOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Scale the batch to about this many steps per epoch (batch-rule.ts); 0 = the fixed batch and epochs. */
  stepsPerEpoch: number;
  /** Epochs without a better validation loss before stopping; 0 = every epoch. */
  patience: number;
  restoreBestWeights: boolean;
  /** User embedding width (v1 and v2 only; absent = the architecture's: v1 32, v2 16). */
  userEmbeddingDim?: number;
  /** L2 factor on the user embedding (v1 and v2 only; absent = the architecture's: v1 0, v2 0.01). */
  userL2?: number;
}

/** Epochs, learning rate and patience of a second stage (a fine-tune with a new optimizer). */
export interface StageOptions {
  epochs: number;
  learningRate: number;
  patience: number;
}

export type Schedule =
  | { kind: 'single' }
  /** Pretrain on each user's `pretrainCapPerUser` most recent rows (training options), then fine-tune on all rows. */
  | ({ kind: 'pretrain-then-finetune'; pretrainCapPerUser: number } & StageOptions);

export type PerUser =
  | { kind: 'off' }
  /**
   * A copy of the shared model per user with ≥ minTasks rows, its first `freezeLayers` layers frozen,
   * fine-tuned on that user's rows; other users use the shared model.
   */
  | ({ kind: 'fine-tune'; minTasks: number; freezeLayers: number } & StageOptions);

export interface Recipe {
  architecture: ArchitectureKind;
  capPerUser: Cap;
  /** 0 = unweighted … 1 = inverse frequency: weight ∝ count^(−exponent), normalised to sum to the rows. */
  weightExponent: number;
  schedule: Schedule;
  perUser: PerUser;
  /**
   * P(correct) non-decreasing in the outcome-history features by construction (the architecture's
   * monotoneResponse flag; docs/monotone-response.md); 'on-with-counts' puts the three task counts there too.
   */
  monotoneResponse: 'off' | 'on' | 'on-with-counts';
  training: TrainingOptions;
}

/** A recipe with a name: what the lab and the CLI train besides the six presets. */
export interface OwnRecipe {
  /** Lower-case letters, digits and dashes; never one of the six preset ids. */
  id: string;
  label: string;
  recipe: Recipe;
}

/** The design note's Strategy 5 second stage: 20 epochs at a tenth of the rate, patience 5, pretrain cap 100. */
export const DESIGN_NOTE_PRETRAIN: Extract<Schedule, { kind: 'pretrain-then-finetune' }> = {
  kind: 'pretrain-then-finetune',
  pretrainCapPerUser: 100,
  epochs: 20,
  learningRate: 1e-4,
  patience: 5,
};

/** The design note's Strategy 6 fine-tunes: 20 tasks at least, 4 layers frozen, 10 epochs at 1e-4. */
export const DESIGN_NOTE_PER_USER: Extract<PerUser, { kind: 'fine-tune' }> = {
  kind: 'fine-tune',
  minTasks: 20,
  freezeLayers: 4,
  epochs: 10,
  learningRate: 1e-4,
  patience: 0,
};

/** Whether the architecture has a user embedding (so embedding width and L2 apply). */
export const hasUserEmbedding = (architecture: ArchitectureKind): boolean => architecture !== 'base';

/**
 * The user embedding of v1 (the production model) and v2 (the design note's Strategy 2: 16 wide, L2 0.01), as
 * model/architecture.ts builds them (a test holds the two equal; this module stays free of tfjs).
 */
export const USER_EMBEDDING: Readonly<Record<'v1' | 'v2', { dim: number; l2: number }>> = {
  v1: { dim: 32, l2: 0 },
  v2: { dim: 16, l2: 0.01 },
};

/**
 * Layers a per-user fine-tune can freeze, counted from the input (topic and difficulty embeddings, dense 64,
 * its BatchNorm, dense 32, output; then the monotone side path's two layers, which exist only with it on).
 */
export const FREEZABLE_LAYERS = 8;

/** Sane upper bounds: a link is typed by people, and no one means a million epochs. */
export const RECIPE_LIMITS = {
  epochs: 1000,
  batchSize: 65_536,
  stepsPerEpoch: 100_000,
  patience: 1000,
  capPerUser: 1_000_000,
  minTasks: 1_000_000,
  userEmbeddingDim: 256,
  learningRate: 1,
} as const;
