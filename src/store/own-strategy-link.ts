/**
 * Own strategies in a link, compact and checked: `own.my-1=weighted-loss:Half weights` declares one (the
 * preset it started from, then its name), `my-1.weightExponent=0.5` gives each field that differs from that
 * preset's lab defaults, and `off=my-1` switches it off as for the six. Each value is parsed by its field's
 * rule, then the whole recipe is checked; a recipe the lab cannot train is left out with the reason.
 */
import { presetOf } from '../core/strategies/catalogue';
import { checkOwnId } from '../core/strategies/recipe-schema';
import type { OptionValue } from '../core/strategies/types';
import { checkOwnStrategy, presetFields, RECIPE_FIELDS, type OwnStrategy } from './own-strategies';
import { parseFieldText } from '../core/strategies/value-text';
import { formatValue } from './setting-rules';

export const OWN_PREFIX = 'own.';

/** The parameters of the own strategies, in order: each declaration, then its changed fields. */
export function encodeOwnStrategies(own: readonly OwnStrategy[]): [string, string][] {
  return own.flatMap((o) => {
    const start = presetFields(o.from);
    return [
      [`${OWN_PREFIX}${o.id}`, `${o.from}:${o.label}`] as [string, string],
      ...RECIPE_FIELDS.filter((f) => o.fields[f.name] !== start[f.name]).map(
        (f) => [`${o.id}.${f.name}`, formatValue(o.fields[f.name] as OptionValue)] as [string, string],
      ),
    ];
  });
}

export interface DecodedOwn {
  own: OwnStrategy[];
  problems: string[];
  /** Ids the link declares (valid or not): their `id.field` keys and `off` entries are theirs, not the six's. */
  ids: Set<string>;
}

/**
 * The own strategies a link declares. `entries` are the link's parameters (later duplicates already
 * won); `problem` words a refusal the way the rest of the link's are worded.
 */
export function decodeOwnStrategies(
  entries: readonly [string, string][],
  problem: (key: string, value: string, reason: string) => string,
): DecodedOwn {
  const problems: string[] = [];
  const drafts = new Map<string, Omit<OwnStrategy, 'id' | 'enabled'>>();
  for (const [key, value] of entries) {
    if (!key.startsWith(OWN_PREFIX)) continue;
    const id = key.slice(OWN_PREFIX.length);
    const colon = value.indexOf(':');
    const from = colon < 0 ? value : value.slice(0, colon);
    const checkedId = checkOwnId(id);
    if (!checkedId.ok) {
      problems.push(problem(key, value, checkedId.reason));
      continue;
    }
    const preset = presetOf(from);
    if (!preset) {
      problems.push(
        problem(key, value, 'it must start with the strategy it came from, as in weighted-loss:My name'),
      );
      continue;
    }
    drafts.set(id, {
      from: preset.id,
      label: colon < 0 ? '' : value.slice(colon + 1),
      fields: presetFields(preset.id),
    });
  }
  const enabled = new Map<string, boolean>();
  for (const [key, value] of entries) {
    if (key === 'off') {
      for (const id of value.split(',').map((s) => s.trim())) if (drafts.has(id)) enabled.set(id, false);
      continue;
    }
    const dot = key.indexOf('.');
    const draft = dot > 0 ? drafts.get(key.slice(0, dot)) : undefined;
    if (!draft || key.startsWith(OWN_PREFIX)) continue;
    const name = key.slice(dot + 1);
    const field = RECIPE_FIELDS.find((f) => f.name === name);
    if (!field) {
      problems.push(problem(key, value, `a recipe has no field ${name}`));
      continue;
    }
    const parsed = parseFieldText(field.input, value);
    if (parsed.ok) draft.fields[name] = parsed.value;
    else problems.push(problem(key, value, parsed.reason));
  }
  const own: OwnStrategy[] = [];
  for (const [id, draft] of drafts) {
    const checked = checkOwnStrategy({ id, ...draft, enabled: enabled.get(id) ?? true }, own);
    if (checked.ok) own.push(checked.value);
    else
      problems.push(
        `Ignored your strategy ${draft.label ? `"${draft.label}"` : id} from the link: ${checked.reason}.`,
      );
  }
  return { own, problems, ids: new Set(drafts.keys()) };
}
