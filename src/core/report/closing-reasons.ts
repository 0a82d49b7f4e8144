/**
 * The reasons every recommendation ends with: the training budget's caveat where it applies
 * (budget-text.ts), then how much held-out data the figures rest on and the smallest difference it can
 * detect. Pure wording.
 */
import { budgetText } from './budget-text';
import { countText, fixed } from './format-figures';
import type { Metric, Report } from './report-types';

export const closingReasons = (report: Report, mdd: Metric): string[] => [
  ...budgetText(report),
  sizeText(report, mdd),
];

function sizeText(report: Report, mdd: Metric): string {
  const rows = countText(report.split.testRows);
  const users = report.split.perUser.filter((u) => u.testRows > 0).length;
  const seeds = report.seeds.length;
  const base = `Measured on ${rows} held-out tasks from ${countText(users)} user${users === 1 ? '' : 's'} over ${seeds} seed${seeds === 1 ? '' : 's'}`;
  return mdd === null
    ? `${base}.`
    : `${base}: a difference in per-user log loss smaller than about ${fixed(mdd)} cannot be detected at this data size.`;
}
