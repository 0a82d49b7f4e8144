/**
 * The last sweep as the page shows and downloads it — masked like a report when "Mask user IDs" is on
 * (file name, labels, headline) — and shaped for the Sweep panel's charts: per metric, each point's mean
 * and 95 % interval against the swept value; each check's pass rate per point; with two parameters, the
 * grid of mean per-user log loss. Charts only draw these; memoised so they re-render only on a new sweep.
 */
import { maskFields } from '../core/report/mask-ids';
import {
  SEED_ONLY_METRICS,
  SWEEP_HIGHER_IS_BETTER,
  type SweepDocument,
  type SweepMetric,
} from '../core/sweep/sweep-document';
import type { LabState } from './create-lab-store';
import { activeMask } from './report-selectors';

/** The metrics the panel charts, in order, with how the page names them. */
export const SWEEP_CHARTED: readonly { metric: SweepMetric; label: string }[] = [
  { metric: 'userLogLoss', label: 'Per-user log loss' },
  { metric: 'auc', label: 'AUC' },
  { metric: 'responseGap', label: 'Response gap' },
  { metric: 'saturatedShare', label: 'Saturated share' },
  { metric: 'varianceRatio', label: 'Variance ratio' },
  { metric: 'logLoss', label: 'Log loss (rows)' },
  { metric: 'brier', label: 'Brier score' },
  { metric: 'timeMaeSeconds', label: 'Time MAE (s)' },
];

export const SWEEP_CHECKS = [
  { check: 'continuous', label: 'Continuous' },
  { check: 'responsive', label: 'Responsive' },
  { check: 'generalizes', label: 'Generalizes' },
  { check: 'all', label: 'All three' },
] as const;

export interface SweepChartPoint {
  id: string;
  /** The first parameter's value as the axis shows it ("25"). */
  x: string;
  /** With two parameters: which of the second parameter's values (a series of its own). */
  series?: number;
  mean: number | null;
  lo: number | null;
  hi: number | null;
  reference: boolean;
  /** Why the point failed (it has no numbers then). */
  failed?: string;
}

export interface SweepMetricChart {
  metric: SweepMetric;
  label: string;
  higherIsBetter: boolean;
  /** Its interval is over seeds only (no rows to resample). */
  seedOnly: boolean;
  points: SweepChartPoint[];
}

export interface SweepPassRow {
  id: string;
  x: string;
  reference: boolean;
  /** Per check, the share of seeds passing (null when no seed could be judged or the point failed). */
  rates: Record<(typeof SWEEP_CHECKS)[number]['check'], number | null>;
}

export interface SweepHeatMap {
  rowLabel: string;
  columnLabel: string;
  rows: string[];
  columns: string[];
  /** cells[row][column]: mean per-user log loss, null for a failed point. */
  cells: (number | null)[][];
  referenceAt: [number, number];
}

export interface SweepView {
  document: SweepDocument;
  /** "Cap per user" or "Learning rate · Cap per user". */
  xLabel: string;
  /** The first parameter's label: the charts' axis. */
  axisLabel: string;
  /** With two parameters, the second's values as series names ("Weight exponent 0.5"). */
  seriesLabels?: string[];
  metrics: SweepMetricChart[];
  passRates: SweepPassRow[];
  heatMap?: SweepHeatMap;
}

let lastMasked: { doc?: SweepDocument; mask?: unknown; shown?: SweepDocument } = {};

/** The last sweep as shown and downloaded: masked when masking is on. */
export function displaySweep(state: LabState): SweepDocument | undefined {
  const doc = state.sweepResult;
  const mask = activeMask(state);
  if (lastMasked.doc === doc && lastMasked.mask === mask) return lastMasked.shown;
  const shown = doc && mask ? maskFields(doc, mask) : doc;
  lastMasked = { doc, mask, shown };
  return shown;
}

const valueText = (v: unknown) => String(v);

export function sweepView(document: SweepDocument): SweepView {
  const xOf = (values: Record<string, unknown>) =>
    document.axes.map((a) => valueText(values[a.name])).join(' · ');
  const [first, second] = document.axes;
  const axisOf = (values: Record<string, unknown>) => ({
    x: valueText(first ? values[first.name] : ''),
    series: second ? second.values.findIndex((v) => v === values[second.name]) : undefined,
  });
  const metrics = SWEEP_CHARTED.map(({ metric, label }) => ({
    metric,
    label,
    higherIsBetter: SWEEP_HIGHER_IS_BETTER[metric],
    seedOnly: SEED_ONLY_METRICS.includes(metric),
    points: document.points.map((p): SweepChartPoint => {
      const base = { id: p.id, ...axisOf(p.values), reference: p.id === document.reference };
      if (p.status === 'failed') return { ...base, mean: null, lo: null, hi: null, failed: p.error };
      const m = p.metrics[metric];
      return { ...base, mean: m.mean, lo: m.lo, hi: m.hi };
    }),
  }));
  const passRates = document.points.map((p) => ({
    id: p.id,
    x: xOf(p.values),
    reference: p.id === document.reference,
    rates:
      p.status === 'ok'
        ? { ...p.passRate }
        : { continuous: null, responsive: null, generalizes: null, all: null },
  }));
  const [rowAxis, columnAxis] = document.axes;
  let heatMap: SweepHeatMap | undefined;
  if (rowAxis && columnAxis) {
    const at = (i: number) => document.points[i];
    const cells = rowAxis.values.map((_, r) =>
      columnAxis.values.map((_, c) => {
        const p = at(r * columnAxis.values.length + c);
        return p?.status === 'ok' ? p.metrics.userLogLoss.mean : null;
      }),
    );
    const ref = document.points.findIndex((p) => p.id === document.reference);
    heatMap = {
      rowLabel: rowAxis.label,
      columnLabel: columnAxis.label,
      rows: rowAxis.values.map(valueText),
      columns: columnAxis.values.map(valueText),
      cells,
      referenceAt: [Math.floor(ref / columnAxis.values.length), ref % columnAxis.values.length],
    };
  }
  return {
    document,
    xLabel: document.axes.map((a) => a.label).join(' · '),
    axisLabel: first?.label ?? '',
    seriesLabels: second?.values.map((v) => `${second.label} ${valueText(v)}`),
    metrics,
    passRates,
    heatMap,
  };
}

let lastView: { doc?: SweepDocument; view?: SweepView } = {};

/** The shown sweep shaped for the charts (undefined before the first sweep). */
export function displaySweepView(state: LabState): SweepView | undefined {
  const doc = displaySweep(state);
  if (lastView.doc !== doc) lastView = { doc, view: doc ? sweepView(doc) : undefined };
  return lastView.view;
}
