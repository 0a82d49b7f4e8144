/**
 * The lab's settings as URL query parameters, both ways, so a link reproduces a comparison. Links stay
 * short and readable — only what differs from the defaults is written, e.g. `?seed=7&backend=wasm&mask=1
 * &off=per-user,progressive&t.maxSaturatedShare=0.1&full-retrain.epochs=5&data=3f9cab12de45`, and own
 * strategies as `own.my-1=weighted-loss:Half weights&my-1.weightExponent=0.5` (own-strategy-link.ts) —
 * and whatever a link asks that cannot apply is left out and said in plain words.
 */
import { DEFAULT_THRESHOLDS, type VerdictThresholds } from '../core/evaluation/verdicts';
import type { BackendChoice, OptionValue, StrategyMeta, WorkersChoice } from '../worker/protocol';
import {
  BOOLEAN_RULE,
  formatValue,
  optionRule,
  parseValue,
  SEED_RULE,
  THRESHOLD_RULES,
  type Rule,
} from './setting-rules';
import { decodeOwnStrategies, encodeOwnStrategies, OWN_PREFIX } from './own-strategy-link';
import type { OwnStrategy } from './own-strategies';
import { DEFAULT_SEED, type StrategySettings } from './settings-slice';

/** Everything a link carries (the dataset it was made for travels beside it). */
export interface LinkSettings {
  seed: number;
  backend: BackendChoice;
  workers: WorkersChoice;
  thresholds: VerdictThresholds;
  maskIds: boolean;
  strategies: Record<string, StrategySettings>;
  /** Own strategies, in order. */
  own: readonly OwnStrategy[];
}

const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'webgl', 'wasm', 'cpu'];
export const WORKERS_CHOICES: readonly WorkersChoice[] = ['auto', 1, 2, 3, 4];
const THRESHOLD_PREFIX = 't.';
const FIXED_KEYS = new Set(['seed', 'backend', 'workers', 'mask', 'off', 'data']);
const SHORT_FINGERPRINT = 12;

/** Keys this module writes: the fixed ones, thresholds and `strategy.option` (any key with a dot). */
export const isSettingKey = (key: string): boolean => FIXED_KEYS.has(key) || key.includes('.');

export function defaultLinkSettings(catalog: readonly StrategyMeta[]): LinkSettings {
  return {
    seed: DEFAULT_SEED,
    backend: 'auto',
    workers: 'auto',
    thresholds: { ...DEFAULT_THRESHOLDS },
    maskIds: false,
    strategies: Object.fromEntries(
      catalog.map((m) => [m.id, { enabled: true, options: { ...m.defaultOptions } }]),
    ),
    own: [],
  };
}

/** The first hex digits of a `sha256:…` fingerprint: enough to tell datasets apart in a link. */
export const shortFingerprint = (fingerprint: string): string =>
  fingerprint
    .replace(/^sha256:/, '')
    .slice(0, SHORT_FINGERPRINT)
    .toLowerCase();

/** Whether a link's `data=` (a prefix of the hex digest) names this fingerprint. */
export const sameDataset = (linkDataset: string, fingerprint: string): boolean =>
  fingerprint
    .replace(/^sha256:/, '')
    .toLowerCase()
    .startsWith(linkDataset.toLowerCase());

/** The parameters of the settings, defaults left out; `dataset` is a fingerprint (full or short). */
export function encodeSettings(
  settings: LinkSettings,
  catalog: readonly StrategyMeta[],
  dataset?: string,
): URLSearchParams {
  const params = new URLSearchParams();
  if (settings.seed !== DEFAULT_SEED) params.set('seed', String(settings.seed));
  if (settings.backend !== 'auto') params.set('backend', settings.backend);
  if (settings.workers !== 'auto') params.set('workers', String(settings.workers));
  if (settings.maskIds) params.set('mask', '1');
  const off = [
    ...catalog.filter((m) => settings.strategies[m.id]?.enabled === false).map((m) => m.id),
    ...settings.own.filter((o) => !o.enabled).map((o) => o.id),
  ];
  if (off.length > 0) params.set('off', off.join(','));
  for (const key of Object.keys(DEFAULT_THRESHOLDS) as (keyof VerdictThresholds)[]) {
    const value = settings.thresholds[key];
    if (value !== DEFAULT_THRESHOLDS[key]) params.set(THRESHOLD_PREFIX + key, formatValue(value));
  }
  for (const meta of catalog) {
    const options = settings.strategies[meta.id]?.options ?? {};
    for (const [key, defaultValue] of Object.entries(meta.defaultOptions)) {
      const value = options[key];
      if (value !== undefined && value !== defaultValue) params.set(`${meta.id}.${key}`, formatValue(value));
    }
  }
  for (const [key, value] of encodeOwnStrategies(settings.own)) params.set(key, value);
  if (dataset) params.set('data', shortFingerprint(dataset));
  return params;
}

export interface GeneralPart {
  seed?: number;
  backend?: BackendChoice;
  workers?: WorkersChoice;
  thresholds: Partial<VerdictThresholds>;
  maskIds?: boolean;
  /** The short fingerprint of the dataset the link was made for. */
  dataset?: string;
  problems: string[];
}

const shown = (value: string): string => (value.length > 40 ? `${value.slice(0, 40)}…` : value);
const problem = (key: string, value: string, reason: string): string =>
  `Ignored link setting ${key}=${shown(value)}: ${reason}.`;

/** Later duplicates win, as a person appending `&seed=8` to a link expects. */
const entriesOf = (params: URLSearchParams): [string, string][] => [
  ...new Map([...params.entries()]).entries(),
];

/** What needs no catalog: seed, backend, thresholds, mask and the dataset — applied as the page opens. */
export function decodeGeneral(params: URLSearchParams): GeneralPart {
  const out: GeneralPart = { thresholds: {}, problems: [] };
  const check = (key: string, value: string, rule: Rule) => {
    const parsed = parseValue(rule, value);
    if (!parsed.ok) out.problems.push(problem(key, value, parsed.reason));
    return parsed.ok ? parsed.value : undefined;
  };
  for (const [key, value] of entriesOf(params)) {
    if (key === 'seed') {
      const seed = check(key, value, SEED_RULE);
      if (typeof seed === 'number') out.seed = seed;
    } else if (key === 'mask') {
      const mask = check(key, value, BOOLEAN_RULE);
      if (typeof mask === 'boolean') out.maskIds = mask;
    } else if (key === 'backend') {
      const choice = BACKEND_CHOICES.find((b) => b === value.trim().toLowerCase());
      if (choice) out.backend = choice;
      else out.problems.push(problem(key, value, `not one of ${BACKEND_CHOICES.join(', ')}`));
    } else if (key === 'workers') {
      const choice = WORKERS_CHOICES.find((w) => String(w) === value.trim().toLowerCase());
      if (choice !== undefined) out.workers = choice;
      else out.problems.push(problem(key, value, `not one of ${WORKERS_CHOICES.join(', ')}`));
    } else if (key === 'data') {
      const hex = value.trim().replace(/^sha256:/i, '');
      if (/^[0-9a-f]{6,64}$/i.test(hex)) out.dataset = hex.slice(0, SHORT_FINGERPRINT).toLowerCase();
      else out.problems.push(problem(key, value, 'not a dataset fingerprint'));
    } else if (key.startsWith(THRESHOLD_PREFIX)) {
      const name = key.slice(THRESHOLD_PREFIX.length) as keyof VerdictThresholds;
      if (!Object.hasOwn(THRESHOLD_RULES, name)) {
        out.problems.push(problem(key, value, `no verdict threshold is named ${name}`));
        continue;
      }
      const threshold = check(key, value, THRESHOLD_RULES[name]);
      if (typeof threshold === 'number') out.thresholds[name] = threshold;
    }
  }
  return out;
}

/**
 * Every catalog strategy's settings (the defaults overlaid with the link's, checked against the catalog)
 * and the own strategies the link declares.
 */
export function decodeStrategies(
  params: URLSearchParams,
  catalog: readonly StrategyMeta[],
): { strategies: Record<string, StrategySettings>; own: OwnStrategy[]; problems: string[] } {
  const { strategies } = defaultLinkSettings(catalog);
  const entries = entriesOf(params);
  const decodedOwn = decodeOwnStrategies(entries, problem);
  const problems: string[] = [];
  for (const [key, value] of entries) {
    if (key === 'off') {
      for (const id of value.split(',').map((s) => s.trim())) {
        // Looked up in the catalog: `strategies['__proto__']` would reach Object.prototype.
        const settings = catalog.some((m) => m.id === id) ? strategies[id] : undefined;
        if (settings) settings.enabled = false;
        else if (id !== '' && !decodedOwn.ids.has(id))
          problems.push(problem(key, id, `no strategy is named ${id}`));
      }
      continue;
    }
    if (!key.includes('.') || key.startsWith(THRESHOLD_PREFIX)) continue;
    const dot = key.indexOf('.');
    const [id, name] = [key.slice(0, dot), key.slice(dot + 1)];
    // An own strategy's declaration and fields: read by decodeOwnStrategies.
    if (`${id}.` === OWN_PREFIX || decodedOwn.ids.has(id)) continue;
    const meta = catalog.find((m) => m.id === id);
    const settings = meta && strategies[meta.id];
    if (!meta || !settings) {
      problems.push(problem(key, value, `no strategy is named ${id}`));
    } else if (!Object.hasOwn(meta.defaultOptions, name)) {
      problems.push(problem(key, value, `${id} has no option ${name}`));
    } else {
      const parsed = parseValue(optionRule(name, meta.defaultOptions[name] as OptionValue), value);
      if (parsed.ok) settings.options[name] = parsed.value;
      else problems.push(problem(key, value, parsed.reason));
    }
  }
  return { strategies, own: decodedOwn.own, problems: [...problems, ...decodedOwn.problems] };
}

/** The whole link read at once: the settings it gives on top of the defaults, and what it could not. */
export function decodeSettings(
  params: URLSearchParams,
  catalog: readonly StrategyMeta[],
): { settings: LinkSettings; dataset?: string; problems: string[] } {
  const general = decodeGeneral(params);
  const { strategies, own, problems } = decodeStrategies(params, catalog);
  const defaults = defaultLinkSettings(catalog);
  return {
    settings: {
      seed: general.seed ?? defaults.seed,
      backend: general.backend ?? defaults.backend,
      workers: general.workers ?? defaults.workers,
      thresholds: { ...defaults.thresholds, ...general.thresholds },
      maskIds: general.maskIds ?? defaults.maskIds,
      strategies,
      own,
    },
    dataset: general.dataset,
    problems: [...general.problems, ...problems],
  };
}

// Commas, colons and dots read better bare, and are safe in a query value.
const encodePart = (s: string): string => encodeURIComponent(s).replace(/%2C/gi, ',').replace(/%3A/gi, ':');

/**
 * A query string (`?…`, or '' when empty) with the settings' parameters in place of any the search had;
 * other parameters are kept as they were written, in their order, ahead of the settings.
 */
export function mergeSearch(search: string, params: URLSearchParams): string {
  const others = search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part !== '' && !isSettingKey(new URLSearchParams(part).keys().next().value ?? ''));
  const own = [...params.entries()].map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`);
  const all = [...others, ...own];
  return all.length > 0 ? `?${all.join('&')}` : '';
}
