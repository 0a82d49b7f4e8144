/**
 * The compact comparison table `retrain-lab compare` prints: one row per strategy with the held-out
 * AUC and log loss (and the rows they rest on), saturation, distinct percents, variance ratio, the
 * three checks and the training time, under the constant-rate baseline.
 */
import type { Metric, Report } from '../core/report/report-types';

const pad = (s: string, n: number) => s.padEnd(n);
const num = (x: Metric | undefined, digits: number) =>
  x === null || x === undefined ? '–' : x.toFixed(digits);
const mark = (pass: boolean) => (pass ? '✓' : '✗');

export function formatCompareTable(report: Report): string {
  const head = `${pad('strategy', 32)}${pad('AUC', 7)}${pad('log loss', 10)}${pad('saturated', 11)}${pad('distinct', 10)}${pad('var ratio', 11)}${pad('cont', 6)}${pad('resp', 6)}${pad('gen', 5)}train s`;
  const b = report.baseline;
  const lines = [
    `held out: ${report.split.testRows} tasks (each user's last ${Math.round(report.split.testShare * 100)} %); backend ${report.backend}; seed ${report.seed}`,
    head,
    `${pad('constant rate (baseline)', 32)}${pad(num(b.test.auc, 3), 7)}${pad(num(b.test.logLoss, 4), 10)}${pad('–', 11)}${pad('1', 10)}–`,
  ];
  for (const s of report.strategies) {
    if (s.status === 'failed') {
      lines.push(`${pad(s.label, 32)}failed: ${s.error}`);
      continue;
    }
    const ratio = s.varianceRatioInfinite ? '∞' : num(s.varianceRatio, 2);
    const saturated =
      s.distribution.saturatedShare === null ? '–' : `${(s.distribution.saturatedShare * 100).toFixed(1)} %`;
    lines.push(
      `${pad(s.label, 32)}${pad(num(s.test.auc, 3), 7)}${pad(num(s.test.logLoss, 4), 10)}${pad(saturated, 11)}` +
        `${pad(String(s.distribution.distinctPercent), 10)}${pad(ratio, 11)}${pad(mark(s.verdicts.continuous), 6)}` +
        `${pad(mark(s.verdicts.responsive), 6)}${pad(mark(s.verdicts.generalizes), 5)}${(s.trainMs / 1000).toFixed(1)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
