/**
 * About how much training each strategy will do on some data, known before any trains: the rows its
 * phases visit under the batch rule at their full epoch budget (early stopping only shortens it), plus
 * fixed costs per step and per fine-tuned user. The lanes take the costliest strategy first.
 */
import { phaseBatch } from '../training/loop/batch-rule';
import type { PhaseOptions } from '../training/loop/train-head';
import type { TrainingData } from '../training/loop/training-types';
import { phaseOptions } from './recipe-plan';
import { recipeOf, type StrategySpec } from './strategy-spec';
import { architectureOf } from './train-recipe';

/**
 * A step's fixed cost, in rows: on the sample a batch-32 step of the fused engine takes about twice its
 * arithmetic (docs/performance.md, "Open").
 */
const STEP_ROWS = 32;
/** A fine-tuned user's fixed cost, in rows: a network, its encoded rows and its engine of its own. */
const FINE_TUNE_ROWS = 1_000;

/** Rows a phase of n rows visits (its validation share carved out first), each step STEP_ROWS more. */
function phaseCost(n: number, options: PhaseOptions, userEmbedding: boolean, share: number): number {
  const fit = Math.round(n * (1 - share));
  if (fit <= 0) return 0;
  const { batch, steps, epochs } = phaseBatch(fit, { ...options, userEmbedding });
  return epochs * steps * (batch + STEP_ROWS);
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The spec's training cost in row-visits (for ordering, not a time) from each user's training-row count;
 * 0 where its recipe is refused (it fails at once when it trains).
 */
export function estimatedCost(spec: StrategySpec, perUser: readonly number[], share: number): number {
  let recipe;
  try {
    recipe = recipeOf(spec);
  } catch {
    return 0;
  }
  const cap = recipe.capPerUser;
  const rows = cap === 'none' ? perUser : perUser.map((n) => Math.min(cap, n));
  const withUser = architectureOf(recipe).userEmbeddingDim > 0;
  const { schedule, perUser: fineTune, training } = recipe;
  let cost =
    schedule.kind === 'pretrain-then-finetune'
      ? phaseCost(
          sum(rows.map((n) => Math.min(schedule.pretrainCapPerUser, n))),
          phaseOptions(training),
          withUser,
          share,
        ) + phaseCost(sum(rows), phaseOptions(training, schedule), withUser, share)
      : phaseCost(sum(rows), phaseOptions(training), withUser, share);
  if (fineTune.kind === 'fine-tune')
    for (const n of rows)
      if (n >= fineTune.minTasks)
        cost += FINE_TUNE_ROWS + phaseCost(n, phaseOptions(training, fineTune), withUser, share);
  return cost;
}

/** `specs` costliest first (the catalogue's cost rank breaks ties): the order lanes take them in. */
export function costliestFirst(
  specs: readonly StrategySpec[],
  data: TrainingData,
  share: number,
): StrategySpec[] {
  const counts = new Map<string, number>();
  for (const i of data.trainIndices) {
    const user = data.tasks[i]?.userId as string;
    counts.set(user, (counts.get(user) ?? 0) + 1);
  }
  const perUser = [...counts.values()];
  const cost = new Map(specs.map((s) => [s, estimatedCost(s, perUser, share)]));
  return [...specs].sort(
    (a, b) => (cost.get(b) as number) - (cost.get(a) as number) || a.costRank - b.costRank,
  );
}
