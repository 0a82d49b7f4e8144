/**
 * A sweep's plan: the base recipe, one or two parameters with their values, and one own recipe per value
 * (per cell of the grid with two), checked before anything trains. Every refusal is one line naming the
 * parameter or the value. Point ids are point-1, point-2, … in row-major order (first parameter outer).
 */
import { presetOf, presetRecipe } from '../strategies/catalogue';
import type { OwnRecipe, Recipe } from '../strategies/recipe';
import { recipeFields, recipeFromFields } from '../strategies/recipe-fields';
import { checkRecipe } from '../strategies/recipe-schema';
import type { OptionValue } from '../strategies/types';
import { parseFieldText } from '../strategies/value-text';
import { SWEEP_PARAMS, sweepParam, type SweepParam } from './sweep-params';

/** What is swept: a preset (with the lab's defaults and any option overrides) or an own recipe. */
export interface SweepBase {
  id: string;
  label: string;
  recipe: Recipe;
}

export interface SweepAxisRequest {
  name: string;
  values: readonly OptionValue[];
}

export interface SweepAxis {
  name: string;
  label: string;
  values: OptionValue[];
}

export interface SweepPointPlan {
  id: string;
  /** e.g. "Cap per user 25 · Weight exponent 0.5". */
  label: string;
  /** The swept parameters' values at this point, by parameter name. */
  values: Record<string, OptionValue>;
  recipe: Recipe;
}

export interface SweepPlan {
  base: SweepBase;
  axes: SweepAxis[];
  points: SweepPointPlan[];
  /** The point every other is compared with: the base's own values when swept, else the first point. */
  reference: string;
}

/** Bounds that keep a sweep something a page can show and a person can wait for. */
export const SWEEP_LIMITS = { axes: 2, valuesPerAxis: 12, points: 60 } as const;

/** A preset with its lab defaults (and option overrides, as a comparison would train it) as a sweep's base. */
export function presetBase(id: string, options: Record<string, unknown> = {}): SweepBase {
  const preset = presetOf(id);
  if (!preset) throw new RangeError(`unknown strategy "${id}"`);
  return { id: preset.id, label: preset.label, recipe: presetRecipe(preset.id, options) };
}

/** A base as the lab names it: a preset with its option overrides, or an own recipe. */
export type SweepBaseChoice =
  { kind: 'preset'; id: string; options: Record<string, OptionValue> } | ({ kind: 'own' } & OwnRecipe);

/** The base a choice names. @throws RangeError for an unknown preset (or one of its options refused). */
export const sweepBaseOf = (choice: SweepBaseChoice): SweepBase =>
  choice.kind === 'preset'
    ? presetBase(choice.id, choice.options)
    : { id: choice.id, label: choice.label, recipe: choice.recipe };

/** "25,50,100" for a parameter → its values, each read by the parameter's rule. */
export function parseSweepValues(name: string, text: string): OptionValue[] {
  const param = knownParam(name);
  const parts = text.split(',').map((s) => s.trim());
  if (parts.some((p) => p === ''))
    throw new RangeError(`${name}: give values separated by commas, e.g. 25,50,100`);
  return parts.map((part) => {
    const parsed = parseFieldText(param.input, part);
    if (!parsed.ok) throw new RangeError(`${name}: "${part}" is ${parsed.reason}`);
    return parsed.value;
  });
}

function knownParam(name: string): SweepParam {
  const param = sweepParam(name);
  if (!param)
    throw new RangeError(
      `unknown parameter "${name}"; one of: ${SWEEP_PARAMS.map((p) => p.name).join(', ')}`,
    );
  return param;
}

/** Why a parameter changes nothing here, in words: which other setting it needs. */
function needs(param: SweepParam, fields: Readonly<Record<string, OptionValue>>): string {
  const tries: [string, OptionValue, string][] = [
    ['schedule', 'pretrain-then-finetune', 'schedule pretrain-then-finetune'],
    ['perUser', 'fine-tune', 'per-user fine-tunes (perUser fine-tune)'],
    ['architecture', 'v2', 'a user embedding (architecture v1 or v2)'],
  ];
  const hit = tries.find(([field, value]) => param.applies({ ...fields, [field]: value }));
  return hit ? `it needs ${hit[2]}` : 'it does not apply';
}

const sameValue = (a: OptionValue, b: OptionValue) => a === b;

/** The values of every axis at each point, row-major (the first axis outer). */
function grid(axes: readonly SweepAxis[]): Record<string, OptionValue>[] {
  return axes.reduce<Record<string, OptionValue>[]>(
    (cells, axis) => cells.flatMap((cell) => axis.values.map((v) => ({ ...cell, [axis.name]: v }))),
    [{}],
  );
}

/**
 * The plan of a sweep of `base` over `axes` (one or two). @throws RangeError, one line, for an unknown
 * or repeated parameter, too few, too many or repeated values, a parameter that changes nothing in this
 * recipe, or a value that makes a recipe the lab cannot train.
 */
export function planSweep(base: SweepBase, axesAsked: readonly SweepAxisRequest[]): SweepPlan {
  if (axesAsked.length < 1 || axesAsked.length > SWEEP_LIMITS.axes)
    throw new RangeError(`a sweep varies one or two parameters, not ${axesAsked.length}`);
  if (axesAsked.length === 2 && axesAsked[0]?.name === axesAsked[1]?.name)
    throw new RangeError(`${axesAsked[0]?.name} is swept twice`);
  const checked = axesAsked.map((axis) => {
    const param = knownParam(axis.name);
    if (axis.values.length < 1 || axis.values.length > SWEEP_LIMITS.valuesPerAxis)
      throw new RangeError(
        `${axis.name}: give 1 to ${SWEEP_LIMITS.valuesPerAxis} values, not ${axis.values.length}`,
      );
    axis.values.forEach((v, i) => {
      if (axis.values.findIndex((w) => sameValue(v, w)) !== i)
        throw new RangeError(`${axis.name}: ${String(v)} is given twice`);
    });
    return { param, axis: { name: param.name, label: param.label, values: [...axis.values] } };
  });
  const axes = checked.map((c) => c.axis);
  const cells = grid(axes);
  if (cells.length > SWEEP_LIMITS.points)
    throw new RangeError(
      `${cells.length} points is more than a sweep's ${SWEEP_LIMITS.points}; give fewer values`,
    );
  const baseFields = recipeFields(base.recipe);
  // Plain fields first, so that a ratio reads the rate this point trains with.
  const order = [...checked].sort((a, b) => Number(a.param.derived) - Number(b.param.derived));
  const points = cells.map((values, i): SweepPointPlan => {
    let fields: Record<string, OptionValue> = { ...baseFields };
    for (const { param } of order) fields = param.set(fields, values[param.name] as OptionValue);
    for (const { param } of checked)
      if (!param.applies(fields))
        throw new RangeError(`${param.name} changes nothing in "${base.label}": ${needs(param, fields)}`);
    const label = checked.map(({ param }) => `${param.label} ${String(values[param.name])}`).join(' · ');
    const recipe = checkRecipe(recipeFromFields(fields));
    if (!recipe.ok) throw new RangeError(`${label}: ${recipe.reason}`);
    return { id: `point-${i + 1}`, label, values, recipe: recipe.value };
  });
  const own = Object.fromEntries(checked.map(({ param }) => [param.name, param.valueIn(baseFields)]));
  const reference =
    points.find((p) =>
      checked.every(({ param }) =>
        sameValue(p.values[param.name] as OptionValue, own[param.name] as OptionValue),
      ),
    ) ?? (points[0] as SweepPointPlan);
  return { base, axes, points, reference: reference.id };
}
