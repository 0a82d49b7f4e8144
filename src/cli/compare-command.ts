/**
 * `retrain-lab compare FILE [--strategies id,…] [--recipe JSON]… [--seed N] [--epochs N] [--out report.json]`:
 * train and evaluate the chosen strategies and own recipes (runComparison, the same pipeline as the lab's
 * worker), print a compact table and write the docs/contract.md §2 report. Progress goes to stderr. Uses
 * core only.
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { importTasksFromText } from '../core/data/import-tasks';
import { summarizeDataset } from '../core/data/summarize-dataset';
import { activateBackend } from '../core/backend/activate-backend';
import { runComparison } from '../core/comparison/run-comparison';
import type { TailMode } from '../core/split/temporal-split';
import { CATALOGUE, presetOf, type CatalogueEntry } from '../core/strategies/catalogue';
import type { OwnRecipe } from '../core/strategies/recipe';
import { checkRecipe } from '../core/strategies/recipe-schema';
import type { StrategyChoice } from '../core/strategies/strategy-spec';
import type { ProgressEvent } from '../core/strategies/types';
import { readFailure, type CliIo } from './cli-io';
import { loadOwnRecipes, withEpochsAndBatch } from './own-recipes';
import { formatCompareTable } from './compare-table';
import { exportModels, type WriteFile } from './export-models';

export const COMPARE_USAGE =
  'usage: retrain-lab compare FILE [--strategies id,…] [--recipe JSON]… [--recipe-file PATH]… [--seed N]\n' +
  '                           [--seed-faithful] [--epochs N] [--batch-size N] [--validation per-user-tail|global-tail]\n' +
  '                           [--backend cpu|wasm] [--out report.json] [--models DIR]\n' +
  '  --strategies id,…   which to train: the six by id, and own recipes by theirs (default: all six and every recipe)\n' +
  '  --recipe JSON       an own recipe, e.g. \'{"id":"soft","from":"weighted-loss","weightExponent":0.5}\'\n' +
  '                      (fields not given come from "from"; see docs/recipes.md); repeatable\n' +
  '  --recipe-file PATH  a JSON file holding one recipe or an array of them; repeatable\n' +
  "  --seed-faithful     the six with the design note's own settings (own recipes train as declared)\n" +
  '  --epochs N, --batch-size N  every epoch count / batch size of every strategy, own recipes included\n' +
  '  --models DIR        one model bundle per trained strategy, as "Download model"';

export interface CompareArgs {
  file: string;
  /** Ids named by --strategies (the six and own recipes); undefined = all. */
  ids?: string[];
  /** --recipe values, as given (JSON texts). */
  recipes: string[];
  /** --recipe-file paths. */
  recipeFiles: string[];
  seed: number;
  /** Sets every epoch option (epochs, pretrainEpochs, finetuneEpochs) when given. */
  epochs?: number;
  batchSize?: number;
  /** The design note's own settings (batch 32, its epochs) instead of the lab's defaults. */
  seedFaithful: boolean;
  validation: TailMode;
  backend: 'cpu' | 'wasm';
  out?: string;
  /** Directory to write one model bundle per trained strategy into. */
  models?: string;
}

const positiveInt = (v: string | undefined, name: string, min = 1): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${v}"`);
  return n;
};

/** Parse the arguments after `compare`; throws a one-line Error on anything wrong. */
export function parseCompareArgs(argv: string[]): CompareArgs | { help: true } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      strategies: { type: 'string' },
      recipe: { type: 'string', multiple: true },
      'recipe-file': { type: 'string', multiple: true },
      seed: { type: 'string' },
      epochs: { type: 'string' },
      'batch-size': { type: 'string' },
      'seed-faithful': { type: 'boolean' },
      validation: { type: 'string' },
      backend: { type: 'string' },
      out: { type: 'string' },
      models: { type: 'string' },
    },
  });
  if (values.help) return { help: true };
  const [file, ...extra] = positionals;
  if (!file) throw new Error('missing FILE');
  if (extra.length > 0) throw new Error(`unexpected argument "${extra[0]}"`);
  const ids = values.strategies
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids?.length === 0) throw new Error('--strategies names no strategy');
  const validation = values.validation ?? 'per-user-tail';
  if (validation !== 'per-user-tail' && validation !== 'global-tail')
    throw new Error(`unknown --validation "${validation}"`);
  const backend = values.backend ?? 'cpu';
  if (backend !== 'cpu' && backend !== 'wasm')
    throw new Error(`--backend must be cpu or wasm, got "${backend}"`);
  return {
    file,
    ...(ids ? { ids } : {}),
    recipes: values.recipe ?? [],
    recipeFiles: values['recipe-file'] ?? [],
    seed: positiveInt(values.seed, 'seed', 0) ?? 42,
    epochs: positiveInt(values.epochs, 'epochs'),
    batchSize: positiveInt(values['batch-size'], 'batch-size'),
    seedFaithful: values['seed-faithful'] === true,
    validation,
    backend,
    out: values.out,
    models: values.models,
  };
}

/**
 * What to train: the six (or those --strategies names) with the command-line overrides, then the own
 * recipes (or those it names). Throws a one-line Error for an id that is neither.
 */
export function selectStrategies(args: CompareArgs, own: readonly OwnRecipe[]): StrategyChoice[] {
  const known = [...CATALOGUE.map((p) => p.id), ...own.map((r) => r.id)];
  const unknown = args.ids?.find((id) => !known.includes(id));
  if (unknown) throw new Error(`unknown strategy "${unknown}" (known: ${known.join(', ')})`);
  const wanted = (id: string) => args.ids?.includes(id) ?? true;
  return [
    ...CATALOGUE.filter((p) => wanted(p.id)).map((p) => ({ id: p.id, options: optionsFor(p, args) })),
    ...own
      .filter((r) => wanted(r.id))
      .map((r) => {
        const changed = withEpochsAndBatch(r, args.epochs, args.batchSize);
        const checked = checkRecipe(changed.recipe);
        if (!checked.ok) throw new Error(`recipe "${r.id}": ${checked.reason}`);
        return changed;
      }),
  ];
}

/** The strategy's options with the command-line overrides applied to the knobs it has. */
function optionsFor(strategy: CatalogueEntry, args: CompareArgs): Record<string, unknown> {
  const o: Record<string, unknown> = args.seedFaithful ? { ...strategy.seedOptions } : {};
  for (const key of Object.keys(strategy.defaultOptions)) {
    if (args.epochs !== undefined && /^(epochs|pretrainEpochs|finetuneEpochs)$/.test(key))
      o[key] = args.epochs;
    if (args.batchSize !== undefined && key === 'batchSize') o[key] = args.batchSize;
  }
  return o;
}

/** One line per finished head-phase, so a long run shows it is alive without flooding the terminal. */
function progressPrinter(io: CliIo) {
  return (e: ProgressEvent) => {
    if (e.epoch !== e.epochs && e.epoch % 10 !== 0) return;
    const who = e.userId ? ` ${e.userId}` : '';
    const val = e.valLoss === null ? '' : ` val ${e.valLoss.toFixed(4)}`;
    io.stderr(
      `  ${e.strategyId} ${e.phase}${who} ${e.head} epoch ${e.epoch}/${e.epochs} loss ${e.loss.toFixed(4)}${val}\n`,
    );
  };
}

export async function compareCommand(
  argv: string[],
  io: CliIo,
  readFile: (path: string) => Promise<string>,
  writeFile?: WriteFile,
): Promise<number> {
  let args: CompareArgs;
  try {
    const parsed = parseCompareArgs(argv);
    if ('help' in parsed) {
      io.stdout(`${COMPARE_USAGE}\n`);
      return 0;
    }
    args = parsed;
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${COMPARE_USAGE}\n`);
    return 2;
  }
  let strategies: StrategyChoice[];
  try {
    strategies = selectStrategies(args, await loadOwnRecipes(args.recipes, args.recipeFiles, readFile));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(args.file);
  } catch (error) {
    io.stderr(readFailure(args.file, error));
    return 2;
  }
  const imported = importTasksFromText(text, args.file);
  if (imported.kind === 'refused') {
    io.stderr(`${imported.message}\n`);
    return 2;
  }
  const { tasks } = imported.dataset;
  const activation = await activateBackend(args.backend);
  if (!activation.ok) {
    io.stderr(`${activation.reason}\n`);
    return 2;
  }
  const printProgress = progressPrinter(io);

  const summary = await summarizeDataset(imported.dataset);
  io.stderr(
    `${tasks.length} tasks, ${summary.users.length} users; backend ${tf.getBackend()}, seed ${args.seed}\n`,
  );
  const started = new Set<string>();
  const labels = new Map(strategies.map((s) => [s.id, 'label' in s ? s.label : presetOf(s.id)?.label]));
  const { report, trained } = await runComparison({
    dataset: imported.dataset,
    summary,
    strategies,
    seed: args.seed,
    validation: { mode: args.validation },
    backend: tf.getBackend(),
    onProgress: (e) => {
      if (!started.has(e.strategyId)) {
        started.add(e.strategyId);
        io.stderr(`training ${labels.get(e.strategyId) ?? e.strategyId}\n`);
      }
      printProgress(e);
    },
  });
  try {
    if (args.models) {
      if (!writeFile) throw new Error('no writeFile given for --models');
      await exportModels(args.models, { dataset: imported.dataset, summary, report, trained }, io, writeFile);
    }
  } finally {
    for (const model of trained.values()) model.dispose();
  }
  io.stdout(formatCompareTable(report));
  if (args.out) {
    if (!writeFile) throw new Error('no writeFile given for --out');
    await writeFile(args.out, `${JSON.stringify(report, null, 2)}\n`);
    io.stderr(`report written to ${args.out}\n`);
  }
  return report.strategies.some((s) => s.status === 'failed') ? 1 : 0;
}
