/**
 * The Sweep panel's form as the store reads it: which bases there are (the six with the options set for
 * them in the Train panel, and every own strategy), which parameters each can vary (with label and doc),
 * and the draft checked by core's own planning — the same the worker does — into a sweep request, or the
 * one-line reason, placed by the field it concerns. Pure helpers over the state.
 */
import { presetOf } from '../core/strategies/catalogue';
import { recipeFields, recipeFromFields } from '../core/strategies/recipe-fields';
import { parseSweepValues, planSweep, sweepBaseOf } from '../core/sweep/plan-sweep';
import { SWEEP_PARAMS } from '../core/sweep/sweep-params';
import type { OptionValue } from '../core/strategies/types';
import type { SweepBaseRequest, SweepRunRequest } from '../worker/protocol';
import type { LabState } from './create-lab-store';

export interface SweepDraft {
  /** A preset id or an own strategy's id. */
  base: string;
  param: string;
  /** "25,50,100,150,300" */
  values: string;
  /** '' for none. */
  param2: string;
  values2: string;
  repeats: number;
}

export const DEFAULT_SWEEP_DRAFT: SweepDraft = {
  base: 'balanced-sampling',
  param: 'capPerUser',
  values: '25,50,100,150,300',
  param2: '',
  values2: '',
  repeats: 5,
};

export interface SweepParamChoice {
  name: string;
  label: string;
  doc: string;
  /** Whether it changes anything in this base. */
  applies: boolean;
}

type State = Pick<LabState, 'catalog' | 'strategies' | 'ownStrategies'>;

/** What the base select offers: the six, then own strategies. */
export const sweepBases = (state: State): { id: string; label: string }[] => [
  ...state.catalog.map((m) => ({ id: m.id, label: m.label })),
  ...state.ownStrategies.map((o) => ({ id: o.id, label: o.label })),
];

/** The base as the worker is sent it, and as core plans it. @throws RangeError for an unknown base. */
export function baseRequest(state: State, id: string): SweepBaseRequest {
  const own = state.ownStrategies.find((o) => o.id === id);
  if (own) return { kind: 'own', id: own.id, label: own.label, recipe: recipeFromFields(own.fields) };
  if (!presetOf(id)) throw new RangeError(`there is no strategy ${id}`);
  return { kind: 'preset', id, options: state.strategies[id]?.options ?? {} };
}

/** Every sweepable parameter, marked whether it changes anything in the base. */
export function sweepParamChoices(state: State, baseId: string): SweepParamChoice[] {
  let fields: Record<string, OptionValue> = {};
  try {
    fields = recipeFields(sweepBaseOf(baseRequest(state, baseId)).recipe);
  } catch {
    // A base whose options are refused: every parameter is listed, none marked.
  }
  return SWEEP_PARAMS.map((p) => ({ name: p.name, label: p.label, doc: p.doc, applies: p.applies(fields) }));
}

export type CheckedDraft =
  | { ok: true; request: SweepRunRequest; points: number }
  | { ok: false; field: 'base' | 'values' | 'values2' | 'repeats'; reason: string };

/** The draft as a sweep request with the lab's seed, backend, workers and thresholds, or why not. */
export function checkSweepDraft(
  state: State & Pick<LabState, 'seed' | 'backend' | 'workers' | 'thresholds'>,
  draft: SweepDraft,
): CheckedDraft {
  let base: SweepBaseRequest;
  try {
    base = baseRequest(state, draft.base);
    sweepBaseOf(base);
  } catch (error) {
    return { ok: false, field: 'base', reason: (error as Error).message };
  }
  if (!Number.isInteger(draft.repeats) || draft.repeats < 1 || draft.repeats > 20)
    return { ok: false, field: 'repeats', reason: 'repeats: a whole number from 1 to 20' };
  const axes: SweepRunRequest['axes'] = [];
  const fields = [
    ['values', draft.param, draft.values],
    ['values2', draft.param2, draft.values2],
  ] as const;
  for (const [field, name, text] of fields) {
    if (name === '') continue;
    try {
      axes.push({ name, values: parseSweepValues(name, text) });
    } catch (error) {
      return { ok: false, field, reason: (error as Error).message };
    }
  }
  try {
    const plan = planSweep(sweepBaseOf(base), axes);
    const { seed, backend, workers, thresholds } = state;
    const request = { base, axes, seed, repeats: draft.repeats, backend, workers, thresholds };
    return { ok: true, request, points: plan.points.length };
  } catch (error) {
    // A refusal names the parameter first ("capPerUser: …"): shown by that parameter's values.
    const reason = (error as Error).message;
    const field = draft.param2 !== '' && reason.startsWith(draft.param2) ? 'values2' : 'values';
    return { ok: false, field, reason };
  }
}

/** Values to start from when a parameter is picked (the examples; others start empty). */
export const SUGGESTED_VALUES: Readonly<Record<string, string>> = {
  capPerUser: '25,50,100,150,300',
  weightExponent: '0,0.25,0.5,0.75,1',
  finetuneRateRatio: '1,0.3,0.1,0.03',
  userRateRatio: '1,0.3,0.1,0.03',
  minTasks: '5,10,20,50',
  userL2: '0.001,0.01,0.1',
  userEmbeddingDim: '4,8,16,32',
  epochs: '5,10,20,40',
  learningRate: '0.0003,0.001,0.003',
  monotoneResponse: 'off,on',
};

type Inputs = State & Pick<LabState, 'seed' | 'backend' | 'workers' | 'thresholds'>;
let lastInputs: Inputs | undefined;

/** What checking a draft reads of the state, as one object that changes only when one of them does. */
export function sweepInputs(s: LabState): Inputs {
  const l = lastInputs;
  if (
    l &&
    l.catalog === s.catalog &&
    l.strategies === s.strategies &&
    l.ownStrategies === s.ownStrategies &&
    l.seed === s.seed &&
    l.backend === s.backend &&
    l.workers === s.workers &&
    l.thresholds === s.thresholds
  )
    return l;
  const { catalog, strategies, ownStrategies, seed, backend, workers, thresholds } = s;
  lastInputs = { catalog, strategies, ownStrategies, seed, backend, workers, thresholds };
  return lastInputs;
}
