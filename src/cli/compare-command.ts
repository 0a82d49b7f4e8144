/**
 * `retrain-lab compare FILE [--strategies id,…] [--recipe JSON]… [--seed N] [--repeats N] [--epochs N]
 * [--out report.json] [--predictions FILE.csv]`: train and evaluate the chosen strategies and own recipes
 * on every seed (runComparison, the same pipeline as the lab's worker), print a table with intervals and
 * the recommendation, write the docs/contract.md §2b report and the held-out predictions. Progress goes to
 * stderr. Uses core only.
 */
import * as tf from '@tensorflow/tfjs';
import { importTasksFromBytes, importTasksFromText } from '../core/data/import-tasks';
import { summarizeDataset } from '../core/data/summarize-dataset';
import { activateBackend } from '../core/backend/activate-backend';
import { optionNotices } from '../core/comparison/option-notices';
import { runComparison, TEST_SHARE } from '../core/comparison/run-comparison';
import { temporalSplit } from '../core/split/temporal-split';
import type { TailMode } from '../core/split/temporal-split';
import { predictionsCsv } from '../core/report/predictions-csv';
import { CATALOGUE, presetOf, type CatalogueEntry } from '../core/strategies/catalogue';
import type { OwnRecipe } from '../core/strategies/recipe';
import { checkRecipe } from '../core/strategies/recipe-schema';
import { resolveChoice, type StrategyChoice } from '../core/strategies/strategy-spec';
import type { ProgressEvent } from '../core/strategies/types';
import { readFailure, type CliIo } from './cli-io';
import {
  asksForHelp,
  commandHelp,
  parseCommand,
  usageRefusal,
  UsageError,
  type CommandSpec,
} from './command-spec';
import { loadOwnRecipes, withEpochsAndBatch } from './own-recipes';
import { formatCompareTable } from './compare-table';
import type { Report } from '../core/report/report-types';
import { exportModels, type WriteFile } from './export-models';
import { spawnThreadLane, threadBudget, type ThreadLane } from './thread-lanes';

export const COMPARE_SPEC: CommandSpec = {
  name: 'compare',
  args: 'FILE',
  summary: 'train and compare the retraining strategies on a task export, write the report',
  details:
    'The same pipeline as the lab: trains every strategy on each seed, prints a table with intervals and the\n' +
    'recommendation, writes the docs/contract.md §2b report and the held-out predictions; progress\n' +
    'goes to stderr. Exit 0 when at least one strategy trained (failed ones are named on stderr), 1 when every\n' +
    'strategy failed, 2 when the file or the arguments are refused.',
  options: {
    strategies: {
      type: 'string',
      value: 'id,…',
      help: 'which to train, comma-separated: the six by id (below), own recipes by theirs (default: all)',
    },
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
      help: 'train every strategy with N seeds (--seed, --seed + 1, …; default 1): intervals and pass rates',
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
    out: {
      type: 'string',
      value: 'report.json',
      help: 'write the report (docs/contract.md §2b) to this file',
    },
    predictions: {
      type: 'string',
      value: 'FILE.csv',
      help: "write one CSV row per held-out task and seed with every strategy's predictions",
    },
    models: {
      type: 'string',
      value: 'DIR',
      help: 'write one model bundle per trained strategy into DIR (the zip of "Download model")',
    },
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
  },
  more: () => ['strategy ids:', ...CATALOGUE.map((s) => `  ${s.id.padEnd(20)}${s.label}`)],
};

export interface CompareArgs {
  file: string;
  /** Ids named by --strategies (the six and own recipes); undefined = all. */
  ids?: string[];
  /** --recipe values, as given (JSON texts). */
  recipes: string[];
  /** --recipe-file paths. */
  recipeFiles: string[];
  seed: number;
  /** Seeds per strategy: seed, seed + 1, … */
  repeats: number;
  /** Where to write the held-out predictions CSV. */
  predictions?: string;
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
  /** Every strategy with the monotone response on (and, with monotoneCounts, the task counts too). */
  monotoneResponse: boolean;
  monotoneCounts: boolean;
  /** Threads training side by side, the main one included (default: one per core, up to 4). */
  threads: number;
}

const positiveInt = (v: string | undefined, name: string, min = 1): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\s*[-+]?\d+\s*$/.test(v) || !Number.isSafeInteger(n) || n < min)
    throw new UsageError(`--${name} must be an integer ≥ ${min}, got "${v}"`);
  return n;
};

/** Parse the arguments after `compare`; throws a one-line Error on anything wrong. */
export function parseCompareArgs(argv: string[]): CompareArgs {
  const parsed = parseCommand(COMPARE_SPEC, argv);
  if (parsed.kind === 'help') throw new UsageError('--help is answered by compareCommand');
  const { positionals } = parsed;
  const values = parsed.values as Partial<Record<string, string>> & {
    recipe?: string[];
    'recipe-file'?: string[];
    'design-note'?: boolean;
    'seed-faithful'?: boolean;
    'monotone-response'?: boolean;
    'monotone-counts'?: boolean;
  };
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError('missing FILE');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const ids = values.strategies
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids?.length === 0) throw new UsageError('--strategies names no strategy');
  const validation = values.validation ?? 'per-user-tail';
  if (validation !== 'per-user-tail' && validation !== 'global-tail')
    throw new UsageError(`unknown --validation "${validation}" (per-user-tail or global-tail)`);
  const backend = values.backend ?? 'cpu';
  if (backend !== 'cpu' && backend !== 'wasm')
    throw new UsageError(`--backend must be cpu or wasm, got "${backend}"`);
  return {
    file,
    ...(ids ? { ids } : {}),
    recipes: values.recipe ?? [],
    recipeFiles: values['recipe-file'] ?? [],
    seed: positiveInt(values.seed, 'seed', 0) ?? 42,
    repeats: positiveInt(values.repeats, 'repeats') ?? 1,
    predictions: values.predictions,
    epochs: positiveInt(values.epochs, 'epochs'),
    batchSize: positiveInt(values['batch-size'], 'batch-size'),
    seedFaithful: values['design-note'] === true || values['seed-faithful'] === true,
    validation,
    backend,
    out: values.out,
    models: values.models,
    monotoneResponse: values['monotone-response'] === true || values['monotone-counts'] === true,
    monotoneCounts: values['monotone-counts'] === true,
    threads: positiveInt(values.threads, 'threads') ?? 1 + threadBudget(),
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
    if (args.monotoneResponse && key === 'monotoneResponse') o[key] = true;
    if (args.monotoneCounts && key === 'monotoneCounts') o[key] = true;
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
  /** Bytes (binary files and the size limit are recognised) or, from tests, text. */
  readFile: (path: string) => Promise<string | Uint8Array>,
  writeFile?: WriteFile,
): Promise<number> {
  if (asksForHelp(argv)) {
    io.stdout(commandHelp(COMPARE_SPEC));
    return 0;
  }
  let args: CompareArgs;
  try {
    args = parseCompareArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(usageRefusal(COMPARE_SPEC, error.message));
    return 2;
  }
  const readText = async (path: string) => {
    const content = await readFile(path);
    return typeof content === 'string' ? content : new TextDecoder().decode(content);
  };
  let strategies: StrategyChoice[];
  try {
    strategies = selectStrategies(args, await loadOwnRecipes(args.recipes, args.recipeFiles, readText));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 2;
  }
  let content: string | Uint8Array;
  try {
    content = await readFile(args.file);
  } catch (error) {
    io.stderr(readFailure(args.file, error));
    return 2;
  }
  const imported =
    typeof content === 'string'
      ? importTasksFromText(content, args.file)
      : importTasksFromBytes(content, args.file);
  if (imported.kind === 'refused') {
    io.stderr(`${imported.message}\n`);
    return 2;
  }
  const { tasks } = imported.dataset;
  for (const warning of imported.dataset.report.warnings ?? []) io.stderr(`warning: ${warning.message}\n`);
  const activation = await activateBackend(args.backend);
  if (!activation.ok) {
    io.stderr(`${activation.reason}\n`);
    return 2;
  }
  const printProgress = progressPrinter(io);

  const summary = await summarizeDataset(imported.dataset);
  io.stderr(
    `${tasks.length} tasks, ${summary.users.length} users; backend ${tf.getBackend()}, ` +
      (args.repeats > 1 ? `seeds ${args.seed}–${args.seed + args.repeats - 1}\n` : `seed ${args.seed}\n`),
  );
  const { trainIndices } = temporalSplit(tasks, TEST_SHARE, 'per-user-tail');
  for (const choice of strategies) {
    const spec = resolveChoice(choice);
    for (const notice of optionNotices(spec.options, tasks, trainIndices))
      io.stderr(`${spec.label}: ${notice}\n`);
  }
  const started = new Set<string>();
  const labels = new Map(strategies.map((s) => [s.id, 'label' in s ? s.label : presetOf(s.id)?.label]));
  // Lane threads start now: they import the file while this thread summarises it.
  const lanes = Array.from({ length: Math.min(args.threads, strategies.length) - 1 }, (_, i) =>
    spawnThreadLane(`thread ${i + 1}`, { fileName: args.file, content, backend: args.backend }),
  );
  const heldBy = new Map<string, ThreadLane>();
  let result: Awaited<ReturnType<typeof runComparison>>;
  try {
    result = await runComparison({
      dataset: imported.dataset,
      summary,
      strategies,
      seed: args.seed,
      repeats: args.repeats,
      validation: { mode: args.validation },
      backend: tf.getBackend(),
      onProgress: (e) => {
        const key = `${e.strategyId}:${e.seedIndex}`;
        if (!started.has(key)) {
          started.add(key);
          const seedNote = e.repeats > 1 ? ` (seed ${e.seedIndex + 1} of ${e.repeats})` : '';
          io.stderr(`training ${labels.get(e.strategyId) ?? e.strategyId}${seedNote}\n`);
        }
        printProgress(e);
      },
      lanes,
      // A lane comes with a strategy's first seed only: that thread keeps the model --models packs.
      onStrategyDone: (entry, _trained, lane) => {
        if (lane) heldBy.set(entry.id, lane as ThreadLane);
      },
      onLaneLost: (lane, id, reason) =>
        io.stderr(`${lane.name} could not train ${id} (${reason}); this thread trains it\n`),
    });
  } catch (error) {
    await Promise.all(lanes.map((lane) => lane.close()));
    throw error;
  }
  const { report, trained, predictions, testIndices } = result;
  try {
    if (args.models) {
      if (!writeFile) throw new Error('no writeFile given for --models');
      const elsewhere = new Map([...heldBy].map(([id, lane]) => [id, lane.pack.bind(lane, id)] as const));
      await exportModels(
        args.models,
        { dataset: imported.dataset, summary, report, trained, elsewhere },
        io,
        writeFile,
      );
    }
  } finally {
    for (const model of trained.values()) model.dispose();
    await Promise.all(lanes.map((lane) => lane.close()));
  }
  io.stdout(formatCompareTable(report));
  if (args.out) {
    if (!writeFile) throw new Error('no writeFile given for --out');
    await writeFile(args.out, `${JSON.stringify(report, null, 2)}\n`);
    io.stderr(`report written to ${args.out}\n`);
  }
  if (args.predictions) {
    if (!writeFile) throw new Error('no writeFile given for --predictions');
    const csv = predictionsCsv({
      tasks,
      testIndices,
      strategies: [...predictions].map(([id, p]) => ({ id, ...p })),
      baseline: report.baseline,
    });
    await writeFile(args.predictions, csv);
    io.stderr(`held-out predictions written to ${args.predictions}\n`);
  }
  return compareExitCode(report, io);
}

/**
 * 0 when at least one strategy trained (the failed ones are named on stderr), 1 when every one failed:
 * a run with five good results is a result, and scripts should not throw it away.
 */
export function compareExitCode(report: Report, io: CliIo): number {
  const failed = report.strategies.filter((s) => s.status === 'failed');
  if (failed.length === 0) return 0;
  const trained = report.strategies.length - failed.length;
  const names = failed.map((s) => s.label).join(', ');
  io.stderr(
    trained > 0
      ? `${trained} trained, ${failed.length} failed: ${names}\n`
      : `every strategy failed: ${names}\n`,
  );
  return trained > 0 ? 0 : 1;
}
