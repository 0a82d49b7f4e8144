/**
 * What one of the six strategies is, as data: its id, label, one-line summary, colour, cost rank, the
 * design note's settings with a line of docs per option, and the recipe those options describe. A preset
 * file exports one of these and catalogue.ts lists it. No tfjs.
 */
import type { Recipe } from '../recipe';
import type { OptionValue } from '../types';

export interface PresetDefinition<
  Id extends string = string,
  O extends Record<string, OptionValue> = Record<string, OptionValue>,
> {
  id: Id;
  /** e.g. "1. Full retrain (no changes)"; the number is the design note's. */
  label: string;
  /** One sentence on what it does and what the design note expects of it. */
  summary: string;
  /** Its colour in every chart and legend (Okabe–Ito, colour-blind safe). */
  color: string;
  /** 1 = the longest to train: lanes take strategies in this order, so none is left alone at the end. */
  costRank: number;
  /** The design note's own settings (batch 32, its epochs): the Design note preset. */
  seedOptions: O;
  /** One line per option: meaning and unit. */
  optionDocs: Record<keyof O & string, string>;
  /** The recipe these options describe (throws a one-line Error on an option it cannot use). */
  recipe(options: O): Recipe;
}

/** Keeps the id's literal type, so the catalogue can name the six ids as a type. */
export const definePreset = <const Id extends string, O extends Record<string, OptionValue>>(
  preset: PresetDefinition<Id, O>,
): PresetDefinition<Id, O> => preset;
