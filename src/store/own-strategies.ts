/**
 * Own strategies as the page keeps them: a name, the preset they started from, on/off, and the recipe as
 * fields (core's recipe-fields) — checked before they are kept, from the editor, a link or a saved session,
 * so the store only ever holds recipes the lab can train. Pure helpers; no tfjs.
 */
import { CATALOGUE, presetOf, presetRecipe, type PresetId } from '../core/strategies/catalogue';
import type { OwnRecipe } from '../core/strategies/recipe';
import { describeRecipe, recipeFields, recipeFromFields } from '../core/strategies/recipe-fields';
import { checkOwnId, checkRecipe, type Checked } from '../core/strategies/recipe-schema';
import type { OptionValue } from '../core/strategies/types';

export { RECIPE_FIELDS, type RecipeField } from '../core/strategies/recipe-fields';

export interface OwnStrategy {
  /** `my-1`, `my-2`, …: never derived from the name, which may hold anything (an e-mail address too). */
  id: string;
  /** The name the person gave it. */
  label: string;
  /** The preset it started from: a link writes only the fields that differ from its lab defaults. */
  from: PresetId;
  enabled: boolean;
  /** The recipe as fields (every field, also those that do not apply). */
  fields: Record<string, OptionValue>;
}

/** What the editor hands over: a name and the fields, started from a preset. */
export type OwnDraft = Pick<OwnStrategy, 'label' | 'from' | 'fields'>;

const LABEL_MAX = 80;

/** The fields of a preset as it is set now (its options in the Train panel). */
export const presetFields = (from: PresetId, options: Record<string, unknown> = {}) =>
  recipeFields(presetRecipe(from, options));

/** The next free id: one more than the largest `my-N` in use. */
export function nextOwnId(existing: readonly { id: string }[]): string {
  const used = existing.map((o) => /^my-(\d+)$/.exec(o.id)?.[1]).filter((n): n is string => n !== undefined);
  return `my-${Math.max(0, ...used.map(Number)) + 1}`;
}

/**
 * The draft as a strategy the lab can train, or one line saying why not: a name of 1–80 characters that no
 * other strategy has, a preset to start from, and fields that make a valid recipe.
 */
export function checkOwnStrategy(
  candidate: OwnDraft & { id: string; enabled?: boolean },
  others: readonly { id: string; label: string }[],
): Checked<OwnStrategy> {
  const id = checkOwnId(candidate.id);
  if (!id.ok) return id;
  const label = typeof candidate.label === 'string' ? candidate.label.trim() : '';
  if (label === '' || label.length > LABEL_MAX)
    return { ok: false, reason: `the name must be 1–${LABEL_MAX} characters` };
  const taken = [...CATALOGUE, ...others.filter((o) => o.id !== candidate.id)].find(
    (o) => o.label.toLowerCase() === label.toLowerCase(),
  );
  if (taken) return { ok: false, reason: `the name "${label}" is taken; choose another` };
  const from = presetOf(String(candidate.from));
  if (!from) return { ok: false, reason: `no strategy is named ${String(candidate.from)}` };
  const recipe = checkRecipe(recipeFromFields(candidate.fields));
  if (!recipe.ok) return recipe;
  return {
    ok: true,
    value: {
      id: candidate.id,
      label,
      from: from.id,
      enabled: candidate.enabled ?? true,
      // Every field, normalised: the fields of the recipe they describe.
      fields: recipeFields(recipe.value),
    },
  };
}

/** What training and the preview are sent for an own strategy. */
export const ownChoice = (own: OwnStrategy): OwnRecipe => ({
  id: own.id,
  label: own.label,
  recipe: recipeFromFields(own.fields),
});

/** A line on what the own strategy does. */
export const ownSummary = (own: OwnStrategy): string =>
  `Started from ${presetOf(own.from)?.label ?? own.from}: ${describeRecipe(recipeFromFields(own.fields))}.`;
