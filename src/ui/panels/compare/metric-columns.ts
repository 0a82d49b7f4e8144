/**
 * The metrics table's columns (label, direction — lower or higher is better —, format and a note on
 * each), the cell every row holds under a column, and the words for why a cell shows "–".
 */
import type { Metric, ReportComparison } from '../../../core/report/report-types';

export type Direction = 'lower' | 'higher' | 'none';

export interface Column {
  key: ColumnKey;
  label: string;
  direction: Direction;
  /** Decimals, or 'percent' for shares. */
  format: number | 'percent' | 'count' | 'difference';
  /** One line on what it is, for the header's title and the legend. */
  note: string;
}

export type ColumnKey =
  | 'n'
  | 'auc'
  | 'logLoss'
  | 'userLogLoss'
  | 'vsFull'
  | 'vsConstant'
  | 'brier'
  | 'ece'
  | 'timeMae'
  | 'saturated'
  | 'distinct'
  | 'rmse';

export const COLUMNS: readonly Column[] = [
  {
    key: 'n',
    label: 'n',
    direction: 'none',
    format: 'count',
    note: 'held-out tasks each metric rests on (per seed)',
  },
  {
    key: 'auc',
    label: 'AUC',
    direction: 'higher',
    format: 3,
    note: 'ranking of correct above incorrect answers',
  },
  { key: 'logLoss', label: 'Log loss', direction: 'lower', format: 3, note: 'nats per held-out task' },
  {
    key: 'userLogLoss',
    label: 'Per-user log loss',
    direction: 'lower',
    format: 3,
    note: 'mean over users; users with fewer than 5 held-out tasks pooled into one group first',
  },
  {
    key: 'vsFull',
    label: 'vs 1 (per-user log loss)',
    direction: 'lower',
    format: 'difference',
    note: 'paired difference against 1. Full retrain (no changes); below 0 is better',
  },
  {
    key: 'vsConstant',
    label: 'vs constant (per-user log loss)',
    direction: 'lower',
    format: 'difference',
    note: 'paired difference against the constant rate; below 0 is better',
  },
  { key: 'brier', label: 'Brier', direction: 'lower', format: 3, note: 'mean squared error of P(correct)' },
  {
    key: 'ece',
    label: 'ECE',
    direction: 'lower',
    format: 3,
    note: 'calibration error, 10 bins (mean over seeds)',
  },
  {
    key: 'timeMae',
    label: 'Time MAE s',
    direction: 'lower',
    format: 1,
    note: 'mean absolute error of the time head, seconds',
  },
  {
    key: 'saturated',
    label: 'Saturated',
    direction: 'lower',
    format: 'percent',
    note: 'share of predictions below 1 % or above 99 % (mean over seeds)',
  },
  {
    key: 'distinct',
    label: 'Distinct %',
    direction: 'higher',
    format: 1,
    note: 'distinct whole-percent values among predictions (mean over seeds)',
  },
  {
    key: 'rmse',
    label: 'RMSE vs true p',
    direction: 'lower',
    format: 3,
    note: "distance from the simulator's true P(correct) (first seed)",
  },
];

/** Why a cell shows "–": one footnote per reason. */
export const DASH_REASONS = {
  oneClass: 'AUC needs both correct and incorrect answers among the held-out tasks.',
  noTime: 'The recorded production predictions carry no predicted time.',
  noTrueP: 'This file has no true_p column (real data): there is no truth to measure against.',
  isReference: 'Strategy 1 itself, the reference of that column.',
  noFull: 'Strategy 1 (full retrain) was not trained, so nothing to compare with.',
  notCompared: 'Not compared yet: comparisons are computed when a run ends.',
  reference: 'Reference rows do not train: they are read against, not compared.',
  noPredictions: 'No predictions to measure.',
} as const;
export type DashReason = keyof typeof DASH_REASONS;

export interface Cell {
  value: Metric;
  lo?: Metric;
  hi?: Metric;
  /** Set when value is null. */
  dash?: DashReason;
  /** Strategies only: the best of its column among strategies. */
  best?: boolean;
  /** Comparison cells: the paired verdict. */
  verdict?: ReportComparison['verdict'];
}
