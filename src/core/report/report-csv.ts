/**
 * The comparison as one spreadsheet-friendly table: per strategy an "all users" row and one row per
 * user (held-out metrics and the spread of that user's predictions), through `toCsv`, so an id or a
 * label that looks like a formula arrives as text. Pure: the caller masks ids first if asked to.
 */
import { toCsv, type CsvCell } from './csv';
import type { Report } from './report-types';
import type { ReportMetrics } from './report-scores';

const HEADER = [
  'strategy_id',
  'strategy',
  'user_id',
  'held_out_rows',
  'auc',
  'log_loss',
  'brier',
  'ece',
  'accuracy',
  'time_mae_seconds',
  'prediction_mean',
  'prediction_std',
  'continuous',
  'responsive',
  'generalizes',
  'error',
];

const metrics = (m: ReportMetrics | undefined): CsvCell[] =>
  m ? [m.n, m.auc, m.logLoss, m.brier, m.ece, m.accuracy, m.timeMaeSeconds] : ['', '', '', '', '', '', ''];

export function reportCsv(report: Report): string {
  const rows: CsvCell[][] = [];
  for (const s of report.strategies) {
    if (s.status === 'failed') {
      rows.push([s.id, s.label, '', ...metrics(undefined), '', '', '', '', '', s.error]);
      continue;
    }
    const { continuous, responsive, generalizes } = s.verdicts;
    rows.push([
      s.id,
      s.label,
      '(all users)',
      ...metrics(s.test),
      '',
      '',
      continuous,
      responsive,
      generalizes,
      '',
    ]);
    const spread = new Map(s.perUser.map((u) => [u.userId, u]));
    for (const u of s.testPerUser) {
      const own = spread.get(u.userId);
      rows.push([s.id, s.label, u.userId, ...metrics(u), own?.mean, own?.std, '', '', '', '']);
    }
  }
  return toCsv(HEADER, rows);
}
