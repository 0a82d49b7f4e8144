/**
 * A recipe as named fields, one value each (`architecture`, `capPerUser`, `finetuneEpochs`, …): the form
 * the lab edits, a link carries (`<id>.<field>=value`), and a report lists as an own recipe's options
 * (the fields themselves: recipe-field-table.ts). Both ways, plus a one-line description. Pure: no tfjs.
 */
import { DESIGN_NOTE_PER_USER, DESIGN_NOTE_PRETRAIN, USER_EMBEDDING, type Recipe } from './recipe';
import { RECIPE_FIELDS, type RecipeField } from './recipe-field-table';
import type { OptionValue } from './types';

export { RECIPE_FIELDS, type RecipeField, type RecipeFieldInput } from './recipe-field-table';

export function recipeField(name: string): RecipeField | undefined {
  return RECIPE_FIELDS.find((f) => f.name === name);
}

/** Every field of the recipe; fields that do not apply carry the value they would start from. */
export function recipeFields(recipe: Recipe): Record<string, OptionValue> {
  const s = recipe.schedule.kind === 'pretrain-then-finetune' ? recipe.schedule : DESIGN_NOTE_PRETRAIN;
  const u = recipe.perUser.kind === 'fine-tune' ? recipe.perUser : DESIGN_NOTE_PER_USER;
  const t = recipe.training;
  const embedding = USER_EMBEDDING[recipe.architecture === 'v1' ? 'v1' : 'v2'];
  return {
    architecture: recipe.architecture,
    capPerUser: recipe.capPerUser,
    weightExponent: recipe.weightExponent,
    monotoneResponse: recipe.monotoneResponse,
    schedule: recipe.schedule.kind,
    pretrainCapPerUser: s.pretrainCapPerUser,
    finetuneEpochs: s.epochs,
    finetuneLearningRate: s.learningRate,
    finetunePatience: s.patience,
    perUser: recipe.perUser.kind,
    minTasks: u.minTasks,
    freezeLayers: u.freezeLayers,
    userEpochs: u.epochs,
    userLearningRate: u.learningRate,
    userPatience: u.patience,
    epochs: t.epochs,
    batchSize: t.batchSize,
    learningRate: t.learningRate,
    stepsPerEpoch: t.stepsPerEpoch,
    patience: t.patience,
    restoreBestWeights: t.restoreBestWeights,
    userEmbeddingDim: t.userEmbeddingDim ?? embedding.dim,
    userL2: t.userL2 ?? embedding.l2,
  };
}

/** Only the fields that matter for this recipe: what a report lists as an own recipe's options. */
export function appliedFields(recipe: Recipe): Record<string, OptionValue> {
  const fields = recipeFields(recipe);
  return Object.fromEntries(
    RECIPE_FIELDS.filter((f) => f.applies(fields)).map((f) => [f.name, fields[f.name] as OptionValue]),
  );
}

/**
 * The recipe the fields describe (only the fields that apply are read). Values are taken as given: check
 * the result with checkRecipe before training it.
 */
export function recipeFromFields(fields: Readonly<Record<string, OptionValue>>): Recipe {
  const f = fields;
  const schedule =
    f.schedule === 'pretrain-then-finetune'
      ? {
          kind: f.schedule,
          pretrainCapPerUser: f.pretrainCapPerUser,
          epochs: f.finetuneEpochs,
          learningRate: f.finetuneLearningRate,
          patience: f.finetunePatience,
        }
      : { kind: f.schedule };
  const perUser =
    f.perUser === 'fine-tune'
      ? {
          kind: f.perUser,
          minTasks: f.minTasks,
          freezeLayers: f.freezeLayers,
          epochs: f.userEpochs,
          learningRate: f.userLearningRate,
          patience: f.userPatience,
        }
      : { kind: f.perUser };
  const recipe = {
    architecture: f.architecture,
    capPerUser: f.capPerUser,
    weightExponent: f.weightExponent,
    schedule,
    perUser,
    monotoneResponse: f.monotoneResponse,
    training: {
      epochs: f.epochs,
      batchSize: f.batchSize,
      learningRate: f.learningRate,
      stepsPerEpoch: f.stepsPerEpoch,
      patience: f.patience,
      restoreBestWeights: f.restoreBestWeights,
      ...(f.architecture !== 'base' ? { userEmbeddingDim: f.userEmbeddingDim, userL2: f.userL2 } : {}),
    },
  };
  return recipe as unknown as Recipe;
}

const trim = (x: number) => String(+x.toPrecision(4));

/** The recipe in a line, e.g. "v2 · at most 150 tasks per user · weights ∝ count^−0.5 · pretrain, then fine-tune". */
export function describeRecipe(recipe: Recipe): string {
  const parts: string[] = [recipe.architecture === 'base' ? 'base (no user embedding)' : recipe.architecture];
  if (recipe.capPerUser !== 'none') parts.push(`at most ${recipe.capPerUser} tasks per user`);
  if (recipe.weightExponent === 1) parts.push('inverse-frequency weights');
  else if (recipe.weightExponent > 0) parts.push(`weights ∝ count^−${trim(recipe.weightExponent)}`);
  if (recipe.schedule.kind === 'pretrain-then-finetune')
    parts.push(
      `pretrain on ${recipe.schedule.pretrainCapPerUser} per user, then fine-tune at ${trim(recipe.schedule.learningRate)}`,
    );
  if (recipe.perUser.kind === 'fine-tune')
    parts.push(`own models for users with ≥ ${recipe.perUser.minTasks} tasks`);
  if (recipe.monotoneResponse === 'on') parts.push('monotone response');
  if (recipe.monotoneResponse === 'on-with-counts') parts.push('monotone response (task counts too)');
  const t = recipe.training;
  parts.push(`${t.epochs} epochs, batch ${t.batchSize}, rate ${trim(t.learningRate)}`);
  return parts.join(' · ');
}
