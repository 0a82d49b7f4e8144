/**
 * The options `compare` and `sweep` share — own recipes, seeds and repeats, epoch and batch overrides, the
 * design note's settings, validation, backend, threads, the monotone response — declared once and parsed
 * once, plus how they become a preset's options. Uses core only.
 */
import type { TailMode } from '../core/split/temporal-split';
import type { CatalogueEntry } from '../core/strategies/catalogue';
import { UsageError, type OptionSpec } from './command-spec';
import { threadBudget } from './thread-lanes';

/** The shared option table; `defaultRepeats` is what --repeats defaults to in this command. */
export const runOptionSpecs = (defaultRepeats: number): Record<string, OptionSpec> => ({
  recipe: {
    type: 'string',
    value: 'JSON',
    multiple: true,
    help: 'an own recipe, e.g. \'{"id":"soft","from":"weighted-loss","weightExponent":0.5}\' (fields not given come from "from"; docs/recipes.md); repeatable',
  },
  'recipe-file': {
    type: 'string',
    value: 'PATH',
    multiple: true,
    help: 'a JSON file holding one recipe or an array of them; repeatable',
  },
  seed: { type: 'string', value: 'N', help: 'seed of every random choice, an integer ≥ 0 (default 42)' },
  repeats: {
    type: 'string',
    value: 'N',
    help: `train every strategy with N seeds (--seed, --seed + 1, …; default ${defaultRepeats}): intervals and pass rates`,
  },
  'design-note': {
    type: 'boolean',
    help: "the six with the design note's own settings (batch 32, its epochs) instead of the lab's defaults (own recipes train as declared)",
  },
  'seed-faithful': { type: 'boolean', help: 'the former name of --design-note' },
  epochs: {
    type: 'string',
    value: 'N',
    help: 'set every epoch option (epochs, pretrainEpochs, finetuneEpochs) of every strategy, own recipes included, to N ≥ 1',
  },
  'batch-size': { type: 'string', value: 'N', help: 'set every batchSize option to N ≥ 1' },
  validation: {
    type: 'string',
    value: 'per-user-tail|global-tail',
    help: "how each phase carves validation rows: each user's last 20 % (default) or the last 20 % of all",
  },
  backend: { type: 'string', value: 'cpu|wasm', help: 'tfjs backend to train on (default cpu)' },
  threads: {
    type: 'string',
    value: 'N',
    help: 'threads training strategies side by side, this one included (default: one per core, up to 4)',
  },
  'monotone-response': {
    type: 'boolean',
    help: 'every strategy with P(correct) never falling when the outcome-history features rise (docs/monotone-response.md)',
  },
  'monotone-counts': {
    type: 'boolean',
    help: 'with --monotone-response: the task counts join the monotone features (implies it)',
  },
});

export interface RunArgs {
  /** --recipe values, as given (JSON texts). */
  recipes: string[];
  /** --recipe-file paths. */
  recipeFiles: string[];
  seed: number;
  /** Seeds per strategy: seed, seed + 1, … */
  repeats: number;
  /** Sets every epoch option (epochs, pretrainEpochs, finetuneEpochs) when given. */
  epochs?: number;
  batchSize?: number;
  /** The design note's own settings (batch 32, its epochs) instead of the lab's defaults. */
  seedFaithful: boolean;
  validation: TailMode;
  backend: 'cpu' | 'wasm';
  /** Every strategy with the monotone response on (and, with monotoneCounts, the task counts too). */
  monotoneResponse: boolean;
  monotoneCounts: boolean;
  /** Threads training side by side, the main one included (default: one per core, up to 4). */
  threads: number;
}

export const positiveInt = (v: string | undefined, name: string, min = 1): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\s*[-+]?\d+\s*$/.test(v) || !Number.isSafeInteger(n) || n < min)
    throw new UsageError(`--${name} must be an integer ≥ ${min}, got "${v}"`);
  return n;
};

type RunValues = Partial<Record<string, string>> & {
  recipe?: string[];
  'recipe-file'?: string[];
  'design-note'?: boolean;
  'seed-faithful'?: boolean;
  'monotone-response'?: boolean;
  'monotone-counts'?: boolean;
};

/** The shared options from parseCommand's values; throws a one-line UsageError. */
export function parseRunArgs(raw: Record<string, unknown>, defaultRepeats: number): RunArgs {
  const values = raw as RunValues;
  const validation = values.validation ?? 'per-user-tail';
  if (validation !== 'per-user-tail' && validation !== 'global-tail')
    throw new UsageError(`unknown --validation "${validation}" (per-user-tail or global-tail)`);
  const backend = values.backend ?? 'cpu';
  if (backend !== 'cpu' && backend !== 'wasm')
    throw new UsageError(`--backend must be cpu or wasm, got "${backend}"`);
  return {
    recipes: values.recipe ?? [],
    recipeFiles: values['recipe-file'] ?? [],
    seed: positiveInt(values.seed, 'seed', 0) ?? 42,
    repeats: positiveInt(values.repeats, 'repeats') ?? defaultRepeats,
    epochs: positiveInt(values.epochs, 'epochs'),
    batchSize: positiveInt(values['batch-size'], 'batch-size'),
    seedFaithful: values['design-note'] === true || values['seed-faithful'] === true,
    validation,
    backend,
    monotoneResponse: values['monotone-response'] === true || values['monotone-counts'] === true,
    monotoneCounts: values['monotone-counts'] === true,
    threads: positiveInt(values.threads, 'threads') ?? 1 + threadBudget(),
  };
}

/** A preset's options with the command-line overrides applied to the knobs it has. */
export function optionsFor(strategy: CatalogueEntry, args: RunArgs): Record<string, unknown> {
  const o: Record<string, unknown> = args.seedFaithful ? { ...strategy.seedOptions } : {};
  for (const key of Object.keys(strategy.defaultOptions)) {
    if (args.epochs !== undefined && /^(epochs|pretrainEpochs|finetuneEpochs)$/.test(key))
      o[key] = args.epochs;
    if (args.batchSize !== undefined && key === 'batchSize') o[key] = args.batchSize;
    if (args.monotoneResponse && key === 'monotoneResponse') o[key] = true;
    if (args.monotoneCounts && key === 'monotoneCounts') o[key] = true;
  }
  return o;
}
