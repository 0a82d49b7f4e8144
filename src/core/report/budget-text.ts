/**
 * The recommendation's caveat about the Lab default's training budget: when a compared strategy's phase
 * had more training rows than the budget was checked on, how many rows and passes, and that a close call
 * may be the budget's. Pure wording; no tfjs (EPOCH_ROWS comes from the tfjs-free lab-steps-per-epoch module).
 */
import { EPOCH_ROWS, USER_EPOCH_ROWS } from '../training/loop/lab-steps-per-epoch';
import { countText } from './format-figures';
import type { Report, ReportStrategyOk } from './report-types';

/** A strategy's training options as the report keeps them: a preset's options, an own recipe's training. */
const stepsPerEpochOf = (e: ReportStrategyOk): number => {
  const own = e.recipe?.training.stepsPerEpoch;
  const preset = e.options.stepsPerEpoch;
  return typeof own === 'number' ? own : typeof preset === 'number' ? preset : 0;
};

/**
 * The most training rows a scaled phase was checked on: EdNet's 110,892 (173k-row export), where the
 * budget (at most 9 epochs with a user embedding, 2 without, stopping early) came within 1 % of the per-user
 * log loss of training every epoch with early stopping, for every scaled strategy (10 seeds;
 * docs/performance.md, "Quality at the budget").
 * Bigger phases make fewer passes than anything checked, so the recommendation says so.
 */
export const CHECKED_FIT_ROWS = 110_892;

/**
 * The reason to add when a compared strategy's scaled phase had more rows than the budget was checked on
 * (none otherwise): how many rows and how few passes, and that a close call may be the budget's.
 */
export function budgetText(report: Report): [string] | [] {
  // The most fit rows of such a phase, and the fewest passes any of them made.
  let most: { rows: number; passes: number } | undefined;
  for (const e of report.strategies) {
    if (e.status !== 'ok' || stepsPerEpochOf(e) <= 0) continue;
    for (const p of e.phases)
      if (p.fitRows > CHECKED_FIT_ROWS)
        most = {
          rows: Math.max(most?.rows ?? 0, p.fitRows),
          passes: Math.min(most?.passes ?? Infinity, p.epochsRun),
        };
  }
  if (!most) return [];
  return [
    `Trained at a cut budget: a phase visits at most its epochs × ${countText(USER_EPOCH_ROWS)} rows (more at a lower learning rate; × ${countText(EPOCH_ROWS)} without a user embedding). The Lab default's was checked against training every epoch (both with early stopping) on up to ${countText(CHECKED_FIT_ROWS)} training rows (within 1\u00a0% per-user log loss); here a phase has up to ${countText(most.rows)} rows and makes as few as ${most.passes} pass${most.passes === 1 ? '' : 'es'} over them, so longer training may move per-user log loss by a few percent and reorder close strategies. To confirm a close call, use the Design note preset (every epoch: many times slower on a file this big).`,
  ];
}
