/**
 * `retrain-lab sweep FILE --strategy id --param NAME --values a,b,… [--param2 NAME --values2 …]
 * [--repeats N] [--out sweep.json]`: one or two recipe parameters of one strategy (a preset or an own
 * recipe) swept over values, every point trained on every seed by the lab's own pipeline (runSweep), a
 * table printed and the sweep document (docs/sweeps.md) written. Progress goes to stderr. Uses core only.
 */
import * as tf from '@tensorflow/tfjs';
import { presetOf } from '../core/strategies/catalogue';
import {
  parseSweepValues,
  planSweep,
  presetBase,
  type SweepBase,
  type SweepPlan,
} from '../core/sweep/plan-sweep';
import { runSweep } from '../core/sweep/run-sweep';
import { SWEEP_PARAMS } from '../core/sweep/sweep-params';
import type { CliIo } from './cli-io';
import { argsOrExit, type CommandSpec, parseCommand, UsageError } from './command-spec';
import type { WriteFile } from './export-models';
import { loadTaskFile, runProgress, textReader } from './load-task-file';
import { loadOwnRecipes, withEpochsAndBatch } from './own-recipes';
import { optionsFor, parseRunArgs, runOptionSpecs, type RunArgs } from './run-options';
import { formatSweepTable } from './sweep-table';
import { startThreadLanes } from './thread-lanes';

/** Repeats a sweep trains each point with unless told: intervals need seeds. */
const SWEEP_REPEATS = 5;

export const SWEEP_SPEC: CommandSpec = {
  name: 'sweep',
  args: 'FILE',
  summary:
    'sweep one or two recipe parameters of one strategy over values, with repeats; write the sweep document',
  details:
    'Every value (or pair of values) is an own recipe trained on each seed by the same pipeline as compare and\n' +
    'the lab; prints per value the metrics with 95 % intervals, pass rates and the paired difference from the\n' +
    "strategy's own value, and writes the sweep document (docs/sweeps.md). Exit 0 when at least one value\n" +
    'trained, 1 when every one failed, 2 when the file or the arguments are refused.',
  options: {
    strategy: {
      type: 'string',
      value: 'id',
      help: 'what to sweep: one of the six by id (with its lab defaults and the overrides below) or an own recipe by its id',
    },
    param: { type: 'string', value: 'NAME', help: 'the parameter to sweep (below)' },
    values: { type: 'string', value: 'a,b,…', help: 'its values, comma-separated (e.g. 25,50,100,150,300)' },
    param2: { type: 'string', value: 'NAME', help: 'a second parameter: every pair of values (a grid)' },
    values2: { type: 'string', value: 'a,b,…', help: "the second parameter's values" },
    ...runOptionSpecs(SWEEP_REPEATS),
    out: {
      type: 'string',
      value: 'sweep.json',
      help: 'write the sweep document (docs/sweeps.md) to this file',
    },
  },
  more: () => [
    'parameters:',
    ...SWEEP_PARAMS.map((p) => `  ${p.name.padEnd(22)}${p.label}`),
    'strategy ids: full-retrain, architecture-fixes, balanced-sampling, weighted-loss, progressive, per-user',
  ],
};

export interface SweepArgs extends RunArgs {
  file: string;
  strategy: string;
  axes: { name: string; text: string }[];
  out?: string;
}

/** Parse the arguments after `sweep`; throws a one-line UsageError. */
export function parseSweepArgs(argv: string[]): SweepArgs {
  const parsed = parseCommand(SWEEP_SPEC, argv);
  if (parsed.kind === 'help') throw new UsageError('--help is answered by sweepCommand');
  const values = parsed.values as Partial<Record<string, string>>;
  const [file, ...extra] = parsed.positionals;
  if (!file) throw new UsageError('missing FILE');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (!values.strategy) throw new UsageError('missing --strategy id');
  if (!values.param || values.values === undefined)
    throw new UsageError('missing --param NAME --values a,b,…');
  if ((values.param2 === undefined) !== (values.values2 === undefined))
    throw new UsageError('--param2 and --values2 go together');
  const axes = [{ name: values.param, text: values.values }];
  if (values.param2 !== undefined) axes.push({ name: values.param2, text: values.values2 as string });
  return {
    file,
    strategy: values.strategy,
    axes,
    out: values.out,
    ...parseRunArgs(parsed.values, SWEEP_REPEATS),
  };
}

/** The base the arguments name and the plan over it; throws a one-line Error. */
export async function sweepPlanOf(
  args: SweepArgs,
  readText: (path: string) => Promise<string>,
): Promise<SweepPlan> {
  const preset = presetOf(args.strategy);
  let base: SweepBase;
  if (preset) base = presetBase(preset.id, optionsFor(preset, args));
  else {
    const own = (await loadOwnRecipes(args.recipes, args.recipeFiles, readText)).find(
      (r) => r.id === args.strategy,
    );
    if (!own)
      throw new Error(
        `unknown strategy "${args.strategy}": one of the six by id, or an own recipe given with --recipe / --recipe-file`,
      );
    base = withEpochsAndBatch(own, args.epochs, args.batchSize);
  }
  return planSweep(
    base,
    args.axes.map((a) => ({ name: a.name, values: parseSweepValues(a.name, a.text) })),
  );
}

export async function sweepCommand(
  argv: string[],
  io: CliIo,
  readFile: (path: string) => Promise<string | Uint8Array>,
  writeFile?: WriteFile,
): Promise<number> {
  const args = argsOrExit(SWEEP_SPEC, argv, parseSweepArgs, io);
  if (typeof args === 'number') return args;
  let plan: SweepPlan;
  try {
    plan = await sweepPlanOf(args, textReader(readFile));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 2;
  }
  // Lane threads start now: they load their code while this thread reads and summarises the file.
  const threads = startThreadLanes(Math.min(args.threads, plan.points.length) - 1);
  const loaded = await loadTaskFile(args.file, args.backend, io, readFile);
  if (loaded === 2) {
    await threads.close();
    return 2;
  }
  const { dataset, summary, content } = loaded;
  io.stderr(
    `${dataset.tasks.length} tasks, ${summary.users.length} users; backend ${tf.getBackend()}; ` +
      `${plan.points.length} values × ${args.repeats} seeds of ${plan.base.label}\n`,
  );
  const labels = new Map(plan.points.map((p) => [p.id, p.label]));
  threads.give({ fileName: args.file, content, backend: args.backend });
  const { lanes } = threads;
  let doc;
  try {
    doc = await runSweep({
      plan,
      dataset,
      summary,
      seed: args.seed,
      repeats: args.repeats,
      validation: { mode: args.validation },
      backend: tf.getBackend(),
      lanes,
      onProgress: runProgress(io, (id) => labels.get(id) ?? id),
      onLaneLost: (lane, id, reason) =>
        io.stderr(`${lane.name} could not train ${id} (${reason}); this thread trains it\n`),
    });
  } finally {
    await Promise.all(lanes.map((lane) => lane.close()));
  }
  io.stdout(formatSweepTable(doc));
  if (args.out) {
    if (!writeFile) throw new Error('no writeFile given for --out');
    await writeFile(args.out, `${JSON.stringify(doc, null, 2)}\n`);
    io.stderr(`sweep written to ${args.out}\n`);
  }
  const failed = doc.points.filter((p) => p.status === 'failed');
  if (failed.length > 0)
    io.stderr(
      `${failed.length} of ${doc.points.length} values failed: ${failed.map((p) => p.label).join(', ')}\n`,
    );
  return failed.length === doc.points.length ? 1 : 0;
}
