/**
 * Predictions against the truth, when the data knows it: generated fixtures carry the simulator's true
 * P(correct) (`true_p`). RMSE says how far the predicted probabilities are; Pearson correlation whether
 * they at least rank tasks like the truth does. Overall and per user, since one user dominates the rows.
 */
import { assertSameLength } from './binary-labels';
import { mean } from './summary-stats';

/** One held-out row. Rows without a `trueP` are skipped. Probabilities 0–1. */
export interface GroundTruthRow {
  userId: string;
  /** Predicted P(correct). */
  predicted: number;
  /** The simulator's true P(correct); absent when the data does not carry it. */
  trueP?: number;
}

export interface GroundTruthFit {
  /** Rows with a trueP that the numbers rest on. */
  n: number;
  /** √mean((predicted − trueP)²), probability units; undefined when n = 0. */
  rmse: number | undefined;
  /** Pearson r in [−1, 1]; undefined when n < 2 or either side has zero variance (all values equal). */
  correlation: number | undefined;
}

export interface GroundTruth {
  overall: GroundTruthFit;
  /** Users with at least one row carrying trueP, in order of first appearance. */
  perUser: ({ userId: string } & GroundTruthFit)[];
}

/** RMSE of `predicted` against `truth`; undefined for empty arrays. */
export function rmse(predicted: ArrayLike<number>, truth: ArrayLike<number>): number | undefined {
  assertSameLength(predicted, truth, 'predicted and true values');
  const sq = Array.from(
    { length: predicted.length },
    (_, i) => ((predicted[i] as number) - (truth[i] as number)) ** 2,
  );
  const m = mean(sq);
  return m === undefined ? undefined : Math.sqrt(m);
}

/**
 * Pearson correlation of x and y. Undefined (not NaN) when fewer than two pairs or when either side
 * is constant — a flat predictor has no correlation with anything, and 0 would claim it had been measured.
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | undefined {
  assertSameLength(x, y, 'x and y');
  if (x.length < 2 || isConstant(x) || isConstant(y)) return undefined;
  const mx = mean(x) as number;
  const my = mean(y) as number;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // Rounding can push |r| a hair past 1 for perfectly linear data; clamp to the defined range.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** RMSE and correlation of predicted against true P(correct), overall and per user. */
export function groundTruth(rows: readonly GroundTruthRow[]): GroundTruth {
  const known = rows.filter((r): r is GroundTruthRow & { trueP: number } => r.trueP !== undefined);
  const byUser = new Map<string, (GroundTruthRow & { trueP: number })[]>();
  for (const r of known) {
    const g = byUser.get(r.userId);
    if (g) g.push(r);
    else byUser.set(r.userId, [r]);
  }
  return {
    overall: fit(known),
    perUser: [...byUser].map(([userId, g]) => ({ userId, ...fit(g) })),
  };
}

function fit(rows: readonly { predicted: number; trueP: number }[]): GroundTruthFit {
  const predicted = rows.map((r) => r.predicted);
  const truth = rows.map((r) => r.trueP);
  return { n: rows.length, rmse: rmse(predicted, truth), correlation: pearson(predicted, truth) };
}

function isConstant(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}
