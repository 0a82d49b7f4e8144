/**
 * Checking a recipe before anything trains: the complete recipe (ranges, kinds, the monotone flag), and
 * the JSON the command line and a link declare own recipes with — `{ "id", "label", "from": preset, …
 * fields }`, where the fields not given come from the preset. Every refusal is one line naming the
 * field. Pure (zod); no tfjs.
 */
import { z } from 'zod';
import { CATALOGUE, presetOf, presetRecipe } from './catalogue';
import {
  DESIGN_NOTE_PER_USER,
  DESIGN_NOTE_PRETRAIN,
  FREEZABLE_LAYERS,
  hasUserEmbedding,
  RECIPE_LIMITS,
  type Cap,
  type OwnRecipe,
  type Recipe,
} from './recipe';

const whole = (min: number, max: number) =>
  z
    .number({ error: 'must be a number' })
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be a whole number from ${min} to ${max}` })
    .max(max, { error: `must be a whole number from ${min} to ${max}` });
const rate = z
  .number({ error: 'must be a number' })
  .gt(0, { error: `must be more than 0 and at most ${RECIPE_LIMITS.learningRate}` })
  .max(RECIPE_LIMITS.learningRate, {
    error: `must be more than 0 and at most ${RECIPE_LIMITS.learningRate}`,
  });
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

const stage = {
  epochs: whole(1, RECIPE_LIMITS.epochs),
  learningRate: rate,
  patience: whole(0, RECIPE_LIMITS.patience),
};

const scheduleSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('single') }),
    z.strictObject({
      kind: z.literal('pretrain-then-finetune'),
      pretrainCapPerUser: whole(1, RECIPE_LIMITS.capPerUser),
      ...stage,
    }),
  ],
  { error: 'must be single or pretrain-then-finetune' },
);

const perUserSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('off') }),
    z.strictObject({
      kind: z.literal('fine-tune'),
      minTasks: whole(1, RECIPE_LIMITS.minTasks),
      freezeLayers: whole(0, FREEZABLE_LAYERS),
      ...stage,
    }),
  ],
  { error: 'must be off or fine-tune' },
);

const trainingSchema = z.strictObject({
  epochs: whole(1, RECIPE_LIMITS.epochs),
  batchSize: whole(1, RECIPE_LIMITS.batchSize),
  learningRate: rate,
  stepsPerEpoch: whole(0, RECIPE_LIMITS.stepsPerEpoch),
  patience: whole(0, RECIPE_LIMITS.patience),
  restoreBestWeights: z.boolean({ error: 'must be true or false' }),
  userEmbeddingDim: whole(1, RECIPE_LIMITS.userEmbeddingDim).optional(),
  userL2: z.number({ error: 'must be a number' }).min(0, { error: 'must be at least 0' }).optional(),
});

/** A recipe's shape and ranges: what a report may carry (whatever this version of the lab can train). */
export const recipeShape: z.ZodType<Recipe> = z
  .strictObject({
    architecture: oneOf(['v1', 'v2', 'base']),
    capPerUser: z.custom<Cap>(
      (v) =>
        v === 'none' ||
        (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= RECIPE_LIMITS.capPerUser),
      { error: `must be "none" or a whole number from 1 to ${RECIPE_LIMITS.capPerUser}` },
    ),
    weightExponent: z
      .number({ error: 'must be a number' })
      .min(0, { error: 'must be from 0 to 1' })
      .max(1, { error: 'must be from 0 to 1' }),
    schedule: scheduleSchema,
    perUser: perUserSchema,
    monotoneResponse: oneOf(['off', 'on', 'on-with-counts']),
    training: trainingSchema,
  })
  .superRefine((recipe, ctx) => {
    if (!hasUserEmbedding(recipe.architecture)) {
      for (const key of ['userEmbeddingDim', 'userL2'] as const)
        if (recipe.training[key] !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['training', key],
            message: 'does not apply: the base architecture has no user embedding',
          });
    }
  });

/** A recipe this lab can train. */
export const recipeSchema: z.ZodType<Recipe> = recipeShape;

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'the recipe';
  // Zod names unknown keys in the message, not in the path.
  if (issue?.code === 'unrecognized_keys')
    return `${where === 'the recipe' ? '' : `${where}: `}unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  return `${where} ${issue?.message ?? 'is not valid'}`;
}

/** A complete recipe, checked: the recipe, or one line saying what is wrong with which field. */
export function checkRecipe(value: unknown): Checked<Recipe> {
  const parsed = recipeSchema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: firstIssue(parsed.error) };
}

/** An own recipe's id: short, lower-case, safe in a file name and a link, and not one of the six. */
export function checkOwnId(id: unknown): Checked<string> {
  if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,39}$/.test(id))
    return {
      ok: false,
      reason: 'id must be 1–40 lower-case letters, digits or dashes, starting with a letter or digit',
    };
  if (presetOf(id)) return { ok: false, reason: `id "${id}" is one of the six strategies; choose another` };
  return { ok: true, value: id };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A sub-object given as its kind alone ("single", "off") or as an object, merged over what it replaces. */
function mergePart(
  given: unknown,
  base: { kind: string } | undefined,
  designNote: { kind: string },
): unknown {
  const part = typeof given === 'string' ? { kind: given } : given;
  if (!isObject(part)) return part;
  const kind = part.kind ?? base?.kind;
  const under = base && kind === base.kind ? base : kind === designNote.kind ? designNote : { kind };
  return { ...under, ...part, kind };
}

/**
 * An own recipe from its JSON declaration: `id`, optional `label` (default: the id), optional `from` (a
 * preset id whose lab-default recipe fills every field not given; without it every field is required),
 * and recipe fields. `training` merges field by field over the preset's; `schedule` and `perUser` may be
 * given by their kind alone ("single", "fine-tune", …), and their fields not given come from the preset's
 * part when it is of that kind, else from the design note's settings for that kind.
 */
export function parseOwnRecipe(value: unknown): Checked<OwnRecipe> {
  if (!isObject(value)) return { ok: false, reason: 'a recipe must be a JSON object' };
  const { id, label, from, ...fields } = value;
  const checkedId = checkOwnId(id);
  if (!checkedId.ok) return checkedId;
  const named = (reason: string): Checked<OwnRecipe> => ({
    ok: false,
    reason: `recipe "${checkedId.value}": ${reason}`,
  });
  if (label !== undefined && (typeof label !== 'string' || label.trim() === '' || label.length > 80))
    return named('label must be a text of 1–80 characters');
  let base: Recipe | undefined;
  if (from !== undefined) {
    const preset = typeof from === 'string' ? presetOf(from) : undefined;
    if (!preset)
      return named(
        `from must name one of the six strategies (${CATALOGUE.map((p) => p.id).join(', ')}), not ${JSON.stringify(from)}`,
      );
    base = presetRecipe(preset.id);
  }
  const merged: Record<string, unknown> = base ? { ...base, ...fields } : { ...fields };
  if (fields.schedule !== undefined)
    merged.schedule = mergePart(fields.schedule, base?.schedule, DESIGN_NOTE_PRETRAIN);
  if (fields.perUser !== undefined)
    merged.perUser = mergePart(fields.perUser, base?.perUser, DESIGN_NOTE_PER_USER);
  if (base) {
    if (fields.training !== undefined)
      merged.training = isObject(fields.training)
        ? { ...base.training, ...fields.training }
        : fields.training;
    // A user embedding's settings do not survive a move to the base architecture.
    if (
      fields.architecture === 'base' &&
      isObject(merged.training) &&
      !(isObject(fields.training) && ('userEmbeddingDim' in fields.training || 'userL2' in fields.training))
    ) {
      const { userEmbeddingDim: _d, userL2: _l, ...rest } = merged.training;
      merged.training = rest;
    }
  }
  const recipe = checkRecipe(merged);
  if (!recipe.ok) return named(recipe.reason);
  return {
    ok: true,
    value: {
      id: checkedId.value,
      label: typeof label === 'string' ? label.trim() : checkedId.value,
      recipe: recipe.value,
    },
  };
}
