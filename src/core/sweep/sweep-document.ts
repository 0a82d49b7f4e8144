/**
 * The sweep document (docs/sweeps.md): the base recipe, the swept parameters and their values, the seeds
 * and settings, and per point its recipe, each metric's mean with a 95 % interval, each check's pass rate
 * and its paired per-user log-loss difference from the reference point. Counts and summaries only: it
 * names no user, so it is the same masked or not (file name and labels are masked like a report's).
 */
import type { VerdictThresholds } from '../evaluation/verdicts';
import type { Metric, ReportComparison, ReportPassRate, ReportSpread } from '../report/report-types';
import type { Recipe } from '../strategies/recipe';
import type { OptionValue } from '../strategies/types';
import type { SweepAxis } from './plan-sweep';

export const SWEEP_SCHEMA_VERSION = 1;
export const SWEEP_KIND = 'retrain-lab-sweep';

/** The metrics a sweep charts; the first five resample seeds, users and rows, the last three seeds only. */
export const SWEEP_METRICS = [
  'userLogLoss',
  'logLoss',
  'auc',
  'brier',
  'timeMaeSeconds',
  'responseGap',
  'saturatedShare',
  'varianceRatio',
] as const;
export type SweepMetric = (typeof SWEEP_METRICS)[number];
/** Metrics whose interval is over seeds only (a t interval): they have no rows to resample. */
export const SEED_ONLY_METRICS: readonly SweepMetric[] = ['responseGap', 'saturatedShare', 'varianceRatio'];
export const SWEEP_HIGHER_IS_BETTER: Readonly<Record<SweepMetric, boolean>> = {
  userLogLoss: false,
  logLoss: false,
  auc: true,
  brier: false,
  timeMaeSeconds: false,
  responseGap: true,
  saturatedShare: false,
  varianceRatio: false,
};

/** A paired difference from the reference point (point − reference, same seeds, same held-out rows). */
export type SweepDifference = Pick<ReportComparison, 'difference' | 'lo' | 'hi' | 'verdict' | 'se'>;

export interface SweepPointOk {
  status: 'ok';
  id: string;
  label: string;
  values: Record<string, OptionValue>;
  recipe: Recipe;
  seeds: number[];
  /** Training time summed over seeds, ms. */
  trainMs: number;
  metrics: Record<SweepMetric, ReportSpread>;
  passRate: ReportPassRate;
  /** Per-user log loss against the reference point; null for the reference itself. */
  vsReference: SweepDifference | null;
}

export interface SweepPointFailed {
  status: 'failed';
  id: string;
  label: string;
  values: Record<string, OptionValue>;
  recipe: Recipe;
  /** Why (the failing seed's error). */
  error: string;
}

export type SweepPoint = SweepPointOk | SweepPointFailed;

/** Which point has the lowest mean per-user log loss, and which others the data cannot tell from it. */
export interface SweepBest {
  metric: 'userLogLoss';
  point: string;
  /** Points whose paired difference from the best has an interval containing 0. */
  notToldApart: string[];
  /** One sentence: the best value, or "no clear winner" among the values named. */
  headline: string;
}

export interface SweepDocument {
  kind: typeof SWEEP_KIND;
  schemaVersion: typeof SWEEP_SCHEMA_VERSION;
  generatedAt: string;
  dataset: { fileName: string; rows: number; users: number; fingerprint: string };
  heldOut: { rows: number; users: number };
  base: { id: string; label: string; recipe: Recipe };
  axes: SweepAxis[];
  /** The point the others are compared with: the base's own value(s) when swept, else the first point. */
  reference: string;
  seeds: number[];
  backend: string;
  thresholds: VerdictThresholds;
  validation: { mode: 'per-user-tail' | 'global-tail'; share: number };
  /** Bootstrap resamples behind the intervals of the row metrics. */
  resamples: number;
  /** Row-major over the axes (the first axis outer). */
  points: SweepPoint[];
  best: SweepBest | null;
  /** The constant training rate's per-user log loss, for scale. */
  constantRate: { userLogLoss: Metric };
}
