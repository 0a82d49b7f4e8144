/**
 * The batch rule: rows per step, steps, epochs and learning rate for a phase of n fit rows.
 * The Design note preset (stepsPerEpoch 0): the fixed batch, rate and epochs. Scaled: about
 * `stepsPerEpoch` steps per epoch (batch within [batchSize, MAX_SCALED_BATCH]), the rate raised by
 * √(batch / batchSize), BatchNorm's moving average sped up to match, and past EPOCH_ROWS rows the
 * epochs cut so a phase visits at most epochs × EPOCH_ROWS rows (USER_EPOCH_ROWS where it trains a user
 * embedding, its epochs counted × √(BUDGET_RATE ÷ its rate) when slower); where the batch grew, the phase
 * also stops early after LAB_PATIENCE epochs.
 */
import { BN_MOMENTUM } from '../../model/architecture';
import { BUDGET_RATE, EPOCH_ROWS, LAB_PATIENCE, USER_EPOCH_ROWS } from './lab-steps-per-epoch';

/**
 * Largest scaled batch: beyond it a wasm step is arithmetic-bound and big batches trained worse
 * (docs/performance.md, "The batch rule").
 */
export const MAX_SCALED_BATCH = 512;

export {
  BUDGET_RATE,
  EPOCH_ROWS,
  LAB_PATIENCE,
  LAB_STEPS_PER_EPOCH,
  USER_EPOCH_ROWS,
} from './lab-steps-per-epoch';

/** Another batch rule, for the scripts that measure this one. */
export interface PinnedRule {
  /** Rows an epoch counts in full for phases without a user embedding (EPOCH_ROWS). */
  epochRows?: number;
  /** … and for phases that train one (USER_EPOCH_ROWS). */
  userEpochRows?: number;
  maxBatch?: number;
  /** Early-stopping patience added to every scaled phase (the Lab default's). */
  patience?: number;
  /** LAB_PATIENCE: the patience of a scaled phase whose batch grew. */
  labPatience?: number;
  /** BUDGET_RATE: the rate a cut phase's budget is counted at (0: every phase counts its own epochs). */
  budgetRate?: number;
}

let pinned: PinnedRule = {};

/**
 * Scripts only (the lab never calls it): another row budget, batch cap or patience for every scaled
 * phase, e.g. 10 × the rows for the converged reference of scripts/bench/quality-at-budget.ts. {} restores
 * the rule.
 */
export function pinBatchRule(rule: PinnedRule): void {
  pinned = { ...rule };
}

export interface BatchRuleOptions {
  /** Rows per step when not scaled, and the least rows per step when scaled. */
  batchSize: number;
  learningRate: number;
  epochs: number;
  /** Steps per epoch to aim for; 0 or absent = the fixed `batchSize` and `epochs`. */
  stepsPerEpoch?: number;
  /** Early-stopping patience asked for, epochs; 0 or absent = none. */
  patience?: number;
  /** The phase trains a user embedding (present and not frozen): its epochs count up to USER_EPOCH_ROWS rows. */
  userEmbedding?: boolean;
}

export interface PhaseBatch {
  /** Rows per step (≤ n; the ragged tail of each shuffled epoch is skipped). */
  batch: number;
  steps: number;
  epochs: number;
  learningRate: number;
  /** BatchNorm moving-average momentum per step: 0.99 per batchSize rows, so the average spans as many rows at any batch. */
  bnMomentum: number;
  /** Early-stopping patience of the phase, epochs (0 = every epoch). */
  patience: number;
}

export function phaseBatch(n: number, o: BatchRuleOptions): PhaseBatch {
  const base = Math.max(1, Math.floor(o.batchSize));
  const scaled = (o.stepsPerEpoch ?? 0) > 0;
  const maxBatch = pinned.maxBatch ?? MAX_SCALED_BATCH;
  const target = scaled ? Math.min(maxBatch, Math.floor(n / (o.stepsPerEpoch as number))) : 0;
  const batch = Math.max(1, Math.min(Math.max(base, target), n));
  // The batch grew past the design note's: the lab's regime (scaled rate, early stop).
  const grown = target > base;
  const k = grown ? batch / base : 1;
  const epochRows = o.userEmbedding
    ? (pinned.userEpochRows ?? USER_EPOCH_ROWS)
    : (pinned.epochRows ?? EPOCH_ROWS);
  const cut = scaled && n > epochRows;
  // A slower phase that trains a user embedding counts more epochs (BUDGET_RATE); never past its own.
  const slower = o.userEmbedding ? (pinned.budgetRate ?? BUDGET_RATE) / o.learningRate : 1;
  const budgetEpochs = o.epochs * Math.sqrt(Math.max(1, slower));
  const patience = Math.max(
    o.patience ?? 0,
    grown ? (pinned.labPatience ?? LAB_PATIENCE) : 0,
    scaled ? (pinned.patience ?? 0) : 0,
  );
  return {
    batch,
    steps: n > 0 ? Math.floor(n / batch) : 0,
    epochs: cut ? Math.min(o.epochs, Math.max(1, Math.round((budgetEpochs * epochRows) / n))) : o.epochs,
    // Adam's square-root scaling rule: a batch k× larger keeps the gradient noise per unit of
    // training time when the step grows by √k (Malladi et al., 2022). Never lowered for small phases.
    learningRate: o.learningRate * Math.sqrt(k),
    bnMomentum: BN_MOMENTUM ** k,
    patience,
  };
}
