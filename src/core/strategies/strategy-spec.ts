/**
 * What a comparison is asked to train — one of the six by id with option overrides, or an own recipe — made
 * into one shape: id, label, the options its report entry lists, where it stands in the lane order, and the
 * recipe the one trainer runs. Unknown ids and invalid own recipes are refused before anything trains; a
 * preset's options become its recipe only when it trains, so a bad option fails that strategy alone.
 */
import { mergeOptions } from './common-options';
import { CATALOGUE, presetOf, presetRecipe } from './catalogue';
import type { OwnRecipe, Recipe } from './recipe';
import { appliedFields } from './recipe-fields';
import { recipeInfluence } from './recipe-plan';
import { checkOwnId, checkRecipe } from './recipe-schema';
import { trainRecipe } from './train-recipe';
import type { StrategyContext, TrainedStrategy, TrainingData } from './types';
import type { InfluenceRow } from '../training/loop/sampling';

/** One of the six by id (options: overrides of its lab defaults), or an own recipe. */
export type StrategyChoice = { id: string; options?: Record<string, unknown> } | OwnRecipe;

export interface StrategySpec {
  id: string;
  label: string;
  /** Every option used (defaults filled in): what the report lists. */
  options: Record<string, unknown>;
  /** 1 = the longest to train (lanes take the longest first). */
  costRank: number;
  /** Set for an own recipe: checked, and reported with the entry. */
  own?: Recipe;
}

const isOwnChoice = (choice: StrategyChoice): choice is OwnRecipe => 'recipe' in choice;

/** The fields in which two recipes differ: those that apply to either, with another value or only in one. */
function fieldDifferences(a: Recipe, b: Recipe): string[] {
  const [fa, fb] = [appliedFields(a), appliedFields(b)];
  return [...new Set([...Object.keys(fa), ...Object.keys(fb)])].filter((k) => fa[k] !== fb[k]);
}

/** The preset whose lab-default recipe is nearest (fewest differing fields; the first on a tie). */
export function nearestPreset(recipe: Recipe): (typeof CATALOGUE)[number] {
  let best = CATALOGUE[0] as (typeof CATALOGUE)[number];
  let fewest = Infinity;
  for (const preset of CATALOGUE) {
    const n = fieldDifferences(recipe, presetRecipe(preset.id)).length;
    if (n < fewest) [best, fewest] = [preset, n];
  }
  return best;
}

/** @throws RangeError naming the strategy for an unknown id or an invalid own recipe. */
export function resolveChoice(choice: StrategyChoice): StrategySpec {
  if (!isOwnChoice(choice)) {
    const preset = presetOf(choice.id);
    if (!preset) throw new RangeError(`unknown strategy "${choice.id}"`);
    return {
      id: preset.id,
      label: preset.label,
      options: mergeOptions(preset.defaultOptions, choice.options as never),
      costRank: preset.costRank,
    };
  }
  const id = checkOwnId(choice.id);
  if (!id.ok) throw new RangeError(`recipe "${String(choice.id)}": ${id.reason}`);
  const recipe = checkRecipe(choice.recipe);
  if (!recipe.ok) throw new RangeError(`recipe "${choice.id}": ${recipe.reason}`);
  return {
    id: choice.id,
    label: choice.label,
    options: appliedFields(recipe.value),
    // An own recipe costs about what its nearest preset costs.
    costRank: nearestPreset(recipe.value).costRank,
    own: recipe.value,
  };
}

/** The recipe a spec trains (a preset's options may be refused here, with a one-line Error). */
const recipeOf = (spec: StrategySpec): Recipe => spec.own ?? presetRecipe(spec.id as never, spec.options);

export async function trainSpec(
  spec: StrategySpec,
  data: TrainingData,
  ctx: StrategyContext,
): Promise<TrainedStrategy> {
  return trainRecipe(
    { id: spec.id, label: spec.label, options: spec.options, own: spec.own !== undefined },
    recipeOf(spec),
    data,
    ctx,
  );
}

/** The training influence the spec would have, computed without training (the lab's preview). */
export const specInfluence = (spec: StrategySpec, data: TrainingData): InfluenceRow[] =>
  recipeInfluence(recipeOf(spec), data);

/**
 * Every choice resolved, in report order: the six in the catalogue's order, then own recipes in the order
 * given. @throws RangeError for an unknown id, an invalid own recipe, or an id asked twice.
 */
export function resolveChoices(
  choices: readonly StrategyChoice[],
): { spec: StrategySpec; choice: StrategyChoice }[] {
  const seen = new Set<string>();
  const resolved = choices.map((choice) => {
    if (seen.has(choice.id)) throw new RangeError(`strategy "${choice.id}" is asked for twice`);
    seen.add(choice.id);
    return { spec: resolveChoice(choice), choice };
  });
  const rank = (id: string) => {
    const i = CATALOGUE.findIndex((p) => p.id === id);
    return i < 0 ? CATALOGUE.length : i;
  };
  return resolved
    .map((r, order) => ({ r, order }))
    .sort((a, b) => rank(a.r.spec.id) - rank(b.r.spec.id) || a.order - b.order)
    .map(({ r }) => r);
}

/** Resolve and train one choice (scripts and tests; comparisons go through runComparison). */
export const trainChoice = (
  choice: StrategyChoice,
  data: TrainingData,
  ctx: StrategyContext,
): Promise<TrainedStrategy> => trainSpec(resolveChoice(choice), data, ctx);
