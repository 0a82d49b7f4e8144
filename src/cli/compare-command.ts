/**
 * `retrain-lab compare FILE [--strategies id,…] [--recipe JSON]… [--seed N] [--repeats N] [--epochs N]
 * [--out report.json] [--predictions FILE.csv]`: train and evaluate the chosen strategies and own recipes
 * on every seed (runComparison, the same pipeline as the lab's worker), print a table with intervals and
 * the recommendation, write the docs/contract.md §2b report and the held-out predictions. Progress goes to
 * stderr. Uses core only.
 */
import * as tf from '@tensorflow/tfjs';
import { optionNotices } from '../core/comparison/option-notices';
import { runComparison } from '../core/comparison/run-comparison';
import { heldOutOf } from '../core/comparison/evaluation-setup';
import { predictionsCsv } from '../core/report/predictions-csv';
import { CATALOGUE, presetOf } from '../core/strategies/catalogue';
import type { OwnRecipe } from '../core/strategies/recipe';
import { checkRecipe } from '../core/strategies/recipe-schema';
import { resolveChoice, type StrategyChoice } from '../core/strategies/strategy-spec';
import type { CliIo } from './cli-io';
import { loadTaskFile, runProgress, textReader } from './load-task-file';
import { argsOrExit, type CommandSpec, parseCommand, UsageError } from './command-spec';
import { loadOwnRecipes, withEpochsAndBatch } from './own-recipes';
import { formatCompareTable } from './compare-table';
import type { Report } from '../core/report/report-types';
import { exportModels, type WriteFile } from './export-models';
import { optionsFor, parseRunArgs, runOptionSpecs, type RunArgs } from './run-options';
import { startThreadLanes, type ThreadLane } from './thread-lanes';

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
    ...runOptionSpecs(1),
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
  },
  more: () => ['strategy ids:', ...CATALOGUE.map((s) => `  ${s.id.padEnd(20)}${s.label}`)],
};

export interface CompareArgs extends RunArgs {
  file: string;
  /** Ids named by --strategies (the six and own recipes); undefined = all. */
  ids?: string[];
  /** Where to write the held-out predictions CSV. */
  predictions?: string;
  out?: string;
  /** Directory to write one model bundle per trained strategy into. */
  models?: string;
}

/** Parse the arguments after `compare`; throws a one-line Error on anything wrong. */
export function parseCompareArgs(argv: string[]): CompareArgs {
  const parsed = parseCommand(COMPARE_SPEC, argv);
  if (parsed.kind === 'help') throw new UsageError('--help is answered by compareCommand');
  const { positionals } = parsed;
  const values = parsed.values as Partial<Record<string, string>>;
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError('missing FILE');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const ids = values.strategies
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids?.length === 0) throw new UsageError('--strategies names no strategy');
  return {
    file,
    ...(ids ? { ids } : {}),
    ...parseRunArgs(parsed.values, 1),
    predictions: values.predictions,
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

export async function compareCommand(
  argv: string[],
  io: CliIo,
  /** Bytes (binary files and the size limit are recognised) or, from tests, text. */
  readFile: (path: string) => Promise<string | Uint8Array>,
  writeFile?: WriteFile,
): Promise<number> {
  const args = argsOrExit(COMPARE_SPEC, argv, parseCompareArgs, io);
  if (typeof args === 'number') return args;
  let strategies: StrategyChoice[];
  try {
    strategies = selectStrategies(
      args,
      await loadOwnRecipes(args.recipes, args.recipeFiles, textReader(readFile)),
    );
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 2;
  }
  // Lane threads start now: they load their code while this thread reads and summarises the file.
  const threads = startThreadLanes(Math.min(args.threads, strategies.length) - 1);
  const loaded = await loadTaskFile(args.file, args.backend, io, readFile);
  if (loaded === 2) {
    await threads.close();
    return 2;
  }
  const { dataset, summary, content } = loaded;
  const { tasks } = dataset;
  io.stderr(
    `${tasks.length} tasks, ${summary.users.length} users; backend ${tf.getBackend()}, ` +
      (args.repeats > 1 ? `seeds ${args.seed}–${args.seed + args.repeats - 1}\n` : `seed ${args.seed}\n`),
  );
  const { trainIndices } = heldOutOf(tasks).split;
  for (const choice of strategies) {
    const spec = resolveChoice(choice);
    for (const notice of optionNotices(spec.options, tasks, trainIndices))
      io.stderr(`${spec.label}: ${notice}\n`);
  }
  const labels = new Map(strategies.map((s) => [s.id, 'label' in s ? s.label : presetOf(s.id)?.label]));
  threads.give({ fileName: args.file, content, backend: args.backend });
  const { lanes } = threads;
  const heldBy = new Map<string, ThreadLane>();
  let result: Awaited<ReturnType<typeof runComparison>>;
  try {
    result = await runComparison({
      dataset,
      summary,
      strategies,
      seed: args.seed,
      repeats: args.repeats,
      validation: { mode: args.validation },
      backend: tf.getBackend(),
      onProgress: runProgress(io, (id) => labels.get(id) ?? id),
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
      await exportModels(args.models, { dataset, summary, report, trained, elsewhere }, io, writeFile);
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
