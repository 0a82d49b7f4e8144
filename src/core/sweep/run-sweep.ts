/**
 * Run a sweep: every point of the plan is an own recipe trained and evaluated on every seed by the one
 * comparison pipeline (runComparison — the same in the CLI and the lab's worker, lanes or not), keeping no
 * model, then summarised into the sweep document. Pure core; no DOM, no Node-only modules.
 */
import { runComparison } from '../comparison/run-comparison';
import type { ComparisonRequest, SeedProgress } from '../comparison/comparison-request';
import type { ReportStrategy } from '../report/report-types';
import type { OwnRecipe } from '../strategies/recipe';
import type { SweepPlan } from './plan-sweep';
import type { SweepDocument } from './sweep-document';
import { summarizeSweep } from './summarize-sweep';

export interface SweepRequest extends Omit<
  ComparisonRequest,
  'strategies' | 'onStrategyDone' | 'compare' | 'keepModels'
> {
  plan: SweepPlan;
  /** Each time one of a point's seeds is evaluated (or failed), with the point's entry so far. */
  onPointDone?: (entry: ReportStrategy, progress: SeedProgress) => void;
}

/** The plan's points as the own recipes a comparison trains. */
export const sweepRecipes = (plan: SweepPlan): OwnRecipe[] =>
  plan.points.map((p) => ({ id: p.id, label: p.label, recipe: p.recipe }));

/**
 * Train and evaluate every point on every seed; the sweep document. Rejects with the signal's reason when
 * aborted (nothing is kept); a point that fails is a failed point and the rest go on.
 */
export async function runSweep(request: SweepRequest): Promise<SweepDocument> {
  const { plan, onPointDone, ...rest } = request;
  const result = await runComparison({
    ...rest,
    strategies: sweepRecipes(plan),
    compare: false,
    keepModels: false,
    // keepModels false: no model is ever handed over here.
    onStrategyDone: (entry, _trained, _lane, progress) => onPointDone?.(entry, progress),
  });
  return summarizeSweep({
    plan,
    result,
    tasks: request.dataset.tasks,
    seed: request.seed,
    resamples: request.resamples,
    generatedAt: (request.now?.() ?? new Date()).toISOString(),
  });
}
