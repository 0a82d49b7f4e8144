/**
 * The recommendation's caveat about the Lab default's training budget: when the batch rule cut a compared
 * strategy's phase to under a fifth of its epochs, how many rows and passes, and that a close call may be
 * the budget's. Pure wording; no tfjs (EPOCH_ROWS comes from the tfjs-free lab-steps-per-epoch module).
 */
import { EPOCH_ROWS } from '../training/loop/lab-steps-per-epoch';
import { countText } from './format-figures';
import type { Report, ReportStrategyOk } from './report-types';

/** A strategy's training options as the report keeps them: a preset's options, an own recipe's training. */
const stepsPerEpochOf = (e: ReportStrategyOk): number => {
  const own = e.recipe?.training.stepsPerEpoch;
  const preset = e.options.stepsPerEpoch;
  return typeof own === 'number' ? own : typeof preset === 'number' ? preset : 0;
};

/**
 * A scaled phase on more fit rows than this many times EPOCH_ROWS gets under that share of its epochs
 * (passes ≈ epochs × EPOCH_ROWS ÷ rows): the budget caveat's threshold. On the 173k-row EdNet export (111k fit
 * rows: 2 of Strategy 2's 50 epochs) ten times the rows lowered Strategy 2's per-user log loss by 3 % and
 * put it ahead of Strategy 1, while five times — about a fifth of its epochs — came within 1 % of that
 * (docs/performance.md, "Quality at the budget").
 */
const CUT_FACTOR = 5;

/**
 * The reason to add when the batch rule cut some compared strategy's phase to under a fifth of its epochs
 * (none otherwise): how many passes over how many rows the most cut one made, and that a close call may be
 * the budget's.
 */
export function budgetText(report: Report): [string] | [] {
  // The most fit rows of a cut phase, and the fewest passes any cut phase made.
  let most: { rows: number; passes: number } | undefined;
  for (const e of report.strategies) {
    if (e.status !== 'ok' || stepsPerEpochOf(e) <= 0) continue;
    for (const p of e.phases)
      if (p.fitRows > CUT_FACTOR * EPOCH_ROWS)
        most = {
          rows: Math.max(most?.rows ?? 0, p.fitRows),
          passes: Math.min(most?.passes ?? Infinity, p.epochsRun),
        };
  }
  if (!most) return [];
  return [
    `Trained at the Lab default's budget: a phase visits at most its epochs × ${countText(EPOCH_ROWS)} rows, so on up to ${countText(most.rows)} training rows a phase makes under a fifth of its epochs (as few as ${most.passes} pass${most.passes === 1 ? '' : 'es'} over them). Longer training can lower per-user log loss by a few percent and reorder close strategies; to confirm a close call, use the Design note preset (every epoch: many times slower on a file this big).`,
  ];
}
