/**
 * The metrics table's rows as plain data (the component only draws it): one row per strategy and per
 * reference (constant rate, Simulator truth, recorded predictions), each cell a value with its interval,
 * the best strategy per column, sorting, whether a strategy beats the constant rate, and the reasons for
 * the "–" shown (issue 17 item 3). The columns and the reasons' words are in metric-columns.ts.
 */
import { CONSTANT_RATE, findComparison, FULL_RETRAIN } from '../../../core/report/compare-strategies';
import type {
  Metric,
  Report,
  ReportComparison,
  ReportSpread,
  ReportStrategyOk,
  ReportSummary,
} from '../../../core/report/report-types';
import type { ReportScores } from '../../../core/report/report-scores';
import { COLUMNS, DASH_REASONS, type Cell, type ColumnKey, type DashReason } from './metric-columns';

export interface MetricsRow {
  id: string;
  label: string;
  kind: 'strategy' | 'reference' | 'failed';
  cells: Partial<Record<ColumnKey, Cell>>;
  /** Strategies: pass rate of each check (one seed: 1 or 0; null: not enough data). */
  passRates?: ReportSummary['passRate'];
  seeds?: number;
  /** Strategies: detectably better / worse than the constant rate on per-user log loss. */
  vsConstant?: ReportComparison['verdict'];
  error?: string;
}

const spreadCell = (s: ReportSpread | undefined, dash: DashReason = 'noPredictions'): Cell =>
  s && s.mean !== null ? { value: s.mean, lo: s.lo, hi: s.hi } : { value: null, dash };

const mean = (values: readonly Metric[]): Metric => {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
};

function scoreCells(s: ReportScores, summary: ReportSummary | undefined, hasTrueP: boolean) {
  const cells: Partial<Record<ColumnKey, Cell>> = {
    n: { value: s.test.n },
    auc: summary
      ? spreadCell(summary.auc, 'oneClass')
      : {
          value: s.test.auc,
          lo: s.test.intervals.auc.lower,
          hi: s.test.intervals.auc.upper,
          dash: 'oneClass',
        },
    logLoss: summary ? spreadCell(summary.logLoss) : { value: s.test.logLoss, dash: 'noPredictions' },
    brier: summary ? spreadCell(summary.brier) : { value: s.test.brier, dash: 'noPredictions' },
    ece: { value: s.test.ece, dash: 'noPredictions' },
    timeMae: summary
      ? spreadCell(summary.timeMaeSeconds, 'noTime')
      : { value: s.test.timeMaeSeconds, dash: 'noTime' },
    saturated: { value: s.distribution.saturatedShare, dash: 'noPredictions' },
    distinct: { value: s.distribution.distinctPercent },
    rmse: { value: s.groundTruth?.overall.rmse ?? null, dash: hasTrueP ? 'noPredictions' : 'noTrueP' },
  };
  for (const cell of Object.values(cells)) if (cell && cell.value !== null) delete cell.dash;
  return cells;
}

function comparisonCell(report: Report, id: string, against: string): Cell {
  if (id === against) return { value: null, dash: 'isReference' };
  if (against === FULL_RETRAIN && !report.strategies.some((s) => s.id === FULL_RETRAIN && s.status === 'ok'))
    return { value: null, dash: 'noFull' };
  const c = findComparison(report.comparisons, id, against, 'userLogLoss');
  if (!c || c.difference === null) return { value: null, dash: 'notCompared' };
  return { value: c.difference, lo: c.lo, hi: c.hi, verdict: c.verdict };
}

function strategyRow(report: Report, e: ReportStrategyOk): MetricsRow {
  const cells = scoreCells(e, e.summary, report.dataset.hasTrueP);
  cells.userLogLoss = spreadCell(e.summary.userLogLoss);
  // Over every seed: the first seed's number alone would hide the spread this table exists to show.
  cells.ece = { value: mean(e.runs.map((r) => r.test.ece)) };
  cells.saturated = { value: mean(e.runs.map((r) => r.saturatedShare)) };
  cells.distinct = { value: mean(e.runs.map((r) => r.distinctPercent)) };
  for (const key of ['ece', 'saturated'] as const)
    if (cells[key]?.value === null) cells[key] = { value: null, dash: 'noPredictions' };
  cells.vsFull = comparisonCell(report, e.id, FULL_RETRAIN);
  cells.vsConstant = comparisonCell(report, e.id, CONSTANT_RATE);
  return {
    id: e.id,
    label: e.label,
    kind: 'strategy',
    cells,
    passRates: e.summary.passRate,
    seeds: e.seeds.length,
    vsConstant: cells.vsConstant.verdict,
  };
}

const referenceCells = (cells: Partial<Record<ColumnKey, Cell>>) => ({
  ...cells,
  vsFull: { value: null, dash: 'reference' as const },
  vsConstant: { value: null, dash: 'reference' as const },
});

/** Every row: strategies in report order, then the references. */
export function metricsRows(report: Report): MetricsRow[] {
  const rows: MetricsRow[] = report.strategies.map((e) =>
    e.status === 'ok'
      ? strategyRow(report, e)
      : { id: e.id, label: e.label, kind: 'failed', cells: {}, error: e.error },
  );
  markBest(rows);
  const b = report.baseline;
  rows.push({
    id: 'constant-rate',
    label: `Constant rate (${(b.pCorrect * 100).toFixed(1)}%)`,
    kind: 'reference',
    cells: referenceCells({
      ...scoreCells(b, b.summary, report.dataset.hasTrueP),
      userLogLoss: spreadCell(b.summary.userLogLoss),
    }),
  });
  if (report.truth) {
    const t = report.truth;
    rows.push({
      id: 'simulator-truth',
      label: 'Simulator truth',
      kind: 'reference',
      cells: referenceCells({
        ...scoreCells(t, t.summary, true),
        userLogLoss: spreadCell(t.summary.userLogLoss),
      }),
      passRates: t.summary.passRate,
      seeds: 1,
    });
  }
  if (report.recorded) {
    rows.push({
      id: 'recorded',
      label: 'Recorded (production predictions)',
      kind: 'reference',
      cells: referenceCells({
        ...scoreCells(report.recorded, undefined, report.dataset.hasTrueP),
        userLogLoss: { value: null, dash: 'noPredictions' },
      }),
    });
  }
  return rows;
}

/** Marks, per column with a direction, the best value among the strategies (ties all marked). */
function markBest(rows: MetricsRow[]): void {
  for (const column of COLUMNS) {
    if (column.direction === 'none') continue;
    const values = rows
      .filter((r) => r.kind === 'strategy')
      .map((r) => r.cells[column.key]?.value)
      .filter((v): v is number => v !== null && v !== undefined);
    if (values.length < 2) continue;
    const best = column.direction === 'lower' ? Math.min(...values) : Math.max(...values);
    for (const row of rows) {
      const cell = row.cells[column.key];
      if (row.kind === 'strategy' && cell && cell.value === best) cell.best = true;
    }
  }
}

export type SortKey = ColumnKey | 'label' | 'checks';

/**
 * Strategies sorted by a column (missing values last, whatever the order); failed strategies after
 * them and the references at the bottom, unsorted: they are what the strategies are read against.
 */
export function sortRows(rows: readonly MetricsRow[], key: SortKey, ascending: boolean): MetricsRow[] {
  const valueOf = (r: MetricsRow): number | string | null =>
    key === 'label' ? r.label : key === 'checks' ? (r.passRates?.all ?? null) : (r.cells[key]?.value ?? null);
  const strategies = rows.filter((r) => r.kind === 'strategy');
  const sorted = [...strategies].sort((a, b) => {
    const x = valueOf(a);
    const y = valueOf(b);
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
    const order = typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number);
    return ascending ? order : -order;
  });
  return [
    ...sorted,
    ...rows.filter((r) => r.kind === 'failed'),
    ...rows.filter((r) => r.kind === 'reference'),
  ];
}

/** The reasons behind the dashes shown, each once, in a stable order. */
export function dashReasons(rows: readonly MetricsRow[]): DashReason[] {
  const used = new Set(rows.flatMap((r) => Object.values(r.cells).flatMap((c) => (c?.dash ? [c.dash] : []))));
  return (Object.keys(DASH_REASONS) as DashReason[]).filter((k) => used.has(k));
}
