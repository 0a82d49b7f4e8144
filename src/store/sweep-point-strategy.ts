/**
 * "Use this value" on a sweep's point: for an own strategy swept, its fields with the point's value(s)
 * set (by the same rule the sweep used, ratios after plain fields); for a preset, a new own strategy with
 * the recipe the point trained, named "Balanced sampling · Cap per user 100". Pure over the state.
 */
import { presetOf } from '../core/strategies/catalogue';
import { recipeFields } from '../core/strategies/recipe-fields';
import type { Checked } from '../core/strategies/recipe-schema';
import type { OptionValue } from '../core/strategies/types';
import { sweepParam } from '../core/sweep/sweep-params';
import type { LabState } from './create-lab-store';
import type { OwnDraft } from './own-strategies';

type State = Pick<LabState, 'sweepResult' | 'ownStrategies' | 'catalog'>;

const LABEL_MAX = 80;

/** A name no strategy has yet: the wished one, else with " (2)", " (3)", … */
function freeName(wish: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  const base = wish.length > LABEL_MAX - 5 ? `${wish.slice(0, LABEL_MAX - 6)}…` : wish;
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!used.has(`${base} (${n})`.toLowerCase())) return `${base} (${n})`;
}

/** The draft to keep, and the own strategy it replaces (absent: a new one). */
export function sweepPointStrategy(
  state: State,
  pointId: string,
): Checked<{ update?: string; draft: OwnDraft }> {
  const document = state.sweepResult;
  const point = document?.points.find((p) => p.id === pointId);
  if (!document || !point) return { ok: false, reason: `there is no sweep point ${pointId}` };
  const preset = presetOf(document.base.id);
  const own = state.ownStrategies.find((o) => o.id === document.base.id);
  if (own) {
    // Plain fields first, so that a ratio reads the rate the strategy trains with.
    const params = Object.keys(point.values)
      .map((name) => sweepParam(name))
      .filter((p) => p !== undefined)
      .sort((a, b) => Number(a.derived) - Number(b.derived));
    let fields: Record<string, OptionValue> = { ...own.fields };
    for (const param of params) fields = param.set(fields, point.values[param.name] as OptionValue);
    return { ok: true, value: { update: own.id, draft: { label: own.label, from: own.from, fields } } };
  }
  if (!preset) return { ok: false, reason: `"${document.base.label}" is no longer among the strategies` };
  const name = preset.label.replace(/^\d+\.\s*/, '');
  const taken = [...state.catalog.map((m) => m.label), ...state.ownStrategies.map((o) => o.label)];
  return {
    ok: true,
    value: {
      draft: {
        label: freeName(`${name} · ${point.label}`, taken),
        from: preset.id,
        fields: recipeFields(point.recipe),
      },
    },
  };
}
