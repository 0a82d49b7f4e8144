/**
 * What `retrain-lab compare` prints: per strategy the held-out metrics as mean [95 % interval] over the
 * run's seeds (with the rows they rest on), the per-user log loss (pooling rule named), the three checks
 * (✓/✗ for one seed, pass rates for several), the paired difference against the full retrain, beside the
 * constant rate and — on the lab's own simulations — the simulator's truth; then per-user log loss by user
 * and the recommendation line.
 */
import { findComparison, FULL_RETRAIN } from '../core/report/compare-strategies';
import { fixed, interval, percentText, seedsText, signed, withInterval } from '../core/report/format-figures';
import { byUser } from '../core/report/per-user-rows';
import type { Report, ReportSummary } from '../core/report/report-types';
import type { ReportChecks } from '../core/report/report-probes';
import type { ReportScores } from '../core/report/report-scores';
import { MIN_OWN_GROUP_TASKS, POOLING_RULE } from '../core/evaluation/user-groups';

const pad = (s: string, n: number) => s.padEnd(n);
const mark = (state: ReportChecks[keyof ReportChecks]) =>
  state === 'pass' ? '✓' : state === 'fail' ? '✗' : '?';

function checksText(checks: ReportChecks, summary: ReportSummary): string {
  if (summary.seeds <= 1)
    return `${mark(checks.continuous)} ${mark(checks.responsive)} ${mark(checks.generalizes)}`;
  const r = summary.passRate;
  return `${percentText(r.continuous)} ${percentText(r.responsive)} ${percentText(r.generalizes)}`;
}

const spread = (s: ReportSummary, key: 'auc' | 'logLoss' | 'userLogLoss', digits = 3) =>
  withInterval(s[key].mean, s[key].lo, s[key].hi, digits);

const COLUMNS: [string, number][] = [
  ['strategy', 32],
  ['AUC ↑', 24],
  ['log loss ↓', 24],
  ['per-user log loss ↓', 24],
  ['checks c/r/g', 16],
  ['vs 1 (per-user log loss)', 28],
  ['train s', 8],
];

function row(cells: string[]): string {
  return cells
    .map((c, i) => (i === cells.length - 1 ? c : pad(c, (COLUMNS[i] as [string, number])[1])))
    .join('');
}

function referenceRow(label: string, s: ReportScores & { summary: ReportSummary }, checks: string): string {
  return row([
    label,
    spread(s.summary, 'auc'),
    spread(s.summary, 'logLoss'),
    spread(s.summary, 'userLogLoss'),
    checks,
    '',
    '–',
  ]);
}

/** Per-user log loss of every trained strategy (first seed), users with few held-out tasks marked. */
function perUserLines(report: Report): string[] {
  const ok = report.strategies.filter((s) => s.status === 'ok');
  if (ok.length === 0) return [];
  const users = report.split.perUser.filter((u) => u.testRows > 0);
  const lines = [
    `per-user log loss by user (seed ${report.seeds[0]}; * = fewer than ${MIN_OWN_GROUP_TASKS} held-out tasks, pooled in the per-user figure)`,
    row(['user', ...ok.map((s) => s.id)].map((c, i) => (i === 0 ? c : c.slice(0, 22)))),
  ];
  // One lookup per strategy: finding each user in each strategy's list took 3.8 s for 10,000 users.
  const logLossOf = ok.map((s) => byUser(s.testPerUser, (p) => p.logLoss));
  for (const u of users) {
    const cells = logLossOf.map((of) => fixed(of(u.userId) ?? null));
    const name = `${u.userId}${u.testRows < MIN_OWN_GROUP_TASKS ? ' *' : ''} (n=${u.testRows})`;
    lines.push([pad(name.slice(0, 40), 42), ...cells.map((c) => pad(c, 24))].join('').trimEnd());
  }
  return lines;
}

export function formatCompareTable(report: Report): string {
  const seeds = report.seeds.length;
  const lines = [
    `held out: ${report.split.testRows} tasks (each user's last ${Math.round(report.split.testShare * 100)} %); backend ${report.backend}; ${seedsText(report.seeds)}` +
      (seeds > 1
        ? `; mean [95 % interval] over seeds, users and rows`
        : `; [95 % interval] over users and rows`),
    `per-user log loss: ${POOLING_RULE}; checks: continuous / responsive / generalizes${seeds > 1 ? ' (share of seeds passing)' : ''}`,
    ...(report.mixedRuns ? report.mixedRuns.notes.map((n) => `note: ${n}`) : []),
    row(COLUMNS.map(([name]) => name)),
    referenceRow('constant rate (baseline)', report.baseline, ''),
  ];
  if (report.truth) {
    const t = report.truth;
    lines.push(
      referenceRow(
        'Simulator truth',
        t,
        `${mark(t.checks.continuous)} ${mark(t.checks.responsive)} ${mark(t.checks.generalizes)}`,
      ),
    );
  }
  for (const s of report.strategies) {
    if (s.status === 'failed') {
      lines.push(`${pad(s.label, 32)}failed: ${s.error}`);
      continue;
    }
    const vs = findComparison(report.comparisons, s.id, FULL_RETRAIN, 'userLogLoss');
    const vsText = vs
      ? `${signed(vs.difference)} ${interval(vs.lo, vs.hi, 3, true)}`
      : s.id === FULL_RETRAIN
        ? '(reference)'
        : '–';
    lines.push(
      row([
        s.label,
        spread(s.summary, 'auc'),
        spread(s.summary, 'logLoss'),
        spread(s.summary, 'userLogLoss'),
        checksText(s.checks, s.summary),
        vsText,
        (s.runs.reduce((sum, r) => sum + r.trainMs, 0) / s.runs.length / 1000).toFixed(1),
      ]),
    );
  }
  lines.push('', ...perUserLines(report), '', `recommendation: ${report.recommendation.headline}`);
  for (const reason of report.recommendation.reasons) lines.push(`  - ${reason}`);
  return `${lines.join('\n')}\n`;
}
