/** Shapes shared by the chart components: each chart takes ready rows, one per strategy.
 *  Types only; charts never import the store or the worker. */

/** One strategy's identity in a chart: id picks its colour unless `color` overrides it. */
export interface StrategySeries {
  /** Strategy id, e.g. `full-retrain`. */
  id: string;
  /** Human label, e.g. `1. Full retrain (no changes)`. */
  label: string;
  /** Optional colour override (CSS colour); defaults to `colorOf(id)`. */
  color?: string;
}

/** Prediction histogram of one strategy's test predictions (report `distribution`). */
export interface HistogramSeries extends StrategySeries {
  /** Prediction counts in 20 bins of width 0.05 over [0, 1]. */
  counts: number[];
  /** Share (0..1) of predictions below 0.01 or above 0.99; null when unknown. */
  saturatedShare: number | null;
  /** Number of distinct whole-percent prediction values (0..101). */
  distinctPercent: number;
  /** Number of predictions behind the counts. */
  n: number;
}

/** One user's spread of predictions under one strategy (report `perUser[]`). */
export interface UserSpread {
  userId: string;
  /** Standard deviation of that user's predictions (probability units). */
  std: number;
}

/** Per-user spread of one strategy, with its largest / smallest std ratio (null = infinite). */
export interface UserSpreadSeries extends StrategySeries {
  perUser: UserSpread[];
  varianceRatio: number | null;
}

/** Response probe of one strategy: predictions after 0..5 appended answers (index 0 = before any). */
export interface ProbeSeries extends StrategySeries {
  afterCorrect: number[];
  afterIncorrect: number[];
}

/** The response check for one user under one strategy, decided, with its reason in words. */
export interface ProbeDecisionView {
  pass: boolean;
  reason: string;
  /** Last minus first point of each path, probability units. */
  correctChange: number;
  incorrectChange: number;
}

/** One small multiple of the response chart: a strategy's two paths for the chosen user, and the decision. */
export interface ProbePanelSeries extends ProbeSeries {
  decision: ProbeDecisionView;
}

/** One user's value under one strategy (per-user dot plots: spread, time error). */
export interface UserValue {
  userId: string;
  value: number | null;
}

/** One strategy's per-user values, with a line of text under its column (e.g. "ratio 2.1× ✓"). */
export interface UserDotSeries extends StrategySeries {
  values: UserValue[];
  /** Short text under the strategy's column. */
  footer?: string;
  /** Draw the footer as a warning. */
  footerWarn?: boolean;
}

/** Held-out predicted against actual seconds of one strategy, binned on shared log edges. */
export interface TimeScatterSeries extends StrategySeries {
  /** Inner edges, seconds (bins = edges + 1). */
  edgesSeconds: number[];
  /** counts[actualBin][predictedBin]. */
  counts: number[][];
  n: number;
  /** Mean and median absolute error, seconds. */
  maeSeconds: number | null;
  medianAbsErrorSeconds: number | null;
  /** Share of rows predicted within one bin of their actual time. */
  nearDiagonalShare: number | null;
}

/** One reliability bin: predictions in [binLower, binUpper), their mean and the observed correct rate. */
export interface ReliabilityBin {
  binLower: number;
  binUpper: number;
  n: number;
  meanPredicted: number | null;
  observedRate: number | null;
}

export interface ReliabilitySeries extends StrategySeries {
  bins: ReliabilityBin[];
}

/** Training curves of one strategy: loss per epoch and validation loss (null when not measured). */
export interface LossSeries extends StrategySeries {
  losses: number[];
  valLosses: (number | null)[];
}

/** One strategy's paired difference against a reference, with its 95 % interval (null when unmeasured). */
export interface ForestRow extends StrategySeries {
  difference: number | null;
  lo: number | null;
  hi: number | null;
  verdict: 'better' | 'worse' | 'no detectable difference';
}
