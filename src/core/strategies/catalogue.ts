/**
 * The one list of strategies: the design note's six, in its order, each a preset of the recipe with its id,
 * label, summary, colour, cost rank, options (design note's and the lab's defaults) and option docs.
 * Ids, schemas, lane order, colours, galleries, the worker's catalog, the CLI and the tests all read it;
 * adding a strategy is one file in presets/ and one entry here. Pure: no tfjs.
 */
import { labDefaults, mergeOptions } from './common-options';
import { architectureFixes } from './presets/architecture-fixes';
import { balancedSampling } from './presets/balanced-sampling';
import type { PresetDefinition } from './presets/define-preset';
import { fullRetrain } from './presets/full-retrain';
import { perUser } from './presets/per-user';
import { progressive } from './presets/progressive';
import { weightedLoss } from './presets/weighted-loss';
import type { Recipe } from './recipe';
import type { OptionValue } from './types';

const DEFINITIONS = [
  fullRetrain,
  architectureFixes,
  balancedSampling,
  weightedLoss,
  progressive,
  perUser,
] as const;

/** The six strategies' ids, as a type. */
export type PresetId = (typeof DEFINITIONS)[number]['id'];

/** A catalogue entry: the preset, with the lab's defaults (its design-note settings under the batch rule). */
export interface CatalogueEntry extends PresetDefinition<PresetId> {
  /** The lab's defaults: the design note's settings under the lab's batch rule (labDefaults). */
  defaultOptions: Record<string, OptionValue>;
}

export const CATALOGUE: readonly CatalogueEntry[] = DEFINITIONS.map((p) => ({
  ...(p as unknown as PresetDefinition<PresetId>),
  defaultOptions: labDefaults({ ...p.seedOptions }) as Record<string, OptionValue>,
}));

/** The six ids in the design note's order (a non-empty tuple, as zod's enum wants it). */
export const PRESET_IDS = CATALOGUE.map((p) => p.id) as unknown as readonly [PresetId, ...PresetId[]];

export function presetOf(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((p) => p.id === id);
}

/** The recipe a preset runs with these options (defaults filled in); throws on an option it cannot use. */
export function presetRecipe(id: PresetId, options: Record<string, unknown> = {}): Recipe {
  const preset = presetOf(id) as CatalogueEntry;
  return preset.recipe(mergeOptions(preset.defaultOptions, options as Partial<Record<string, OptionValue>>));
}
