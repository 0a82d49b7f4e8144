/**
 * `retrain-lab compare FILE [--strategies id,…] [--seed N] [--epochs N] [--out report.json]`: train and
 * evaluate the chosen strategies (runComparison, the same pipeline as the lab's worker), print a compact
 * table and write the docs/contract.md §2 report. Progress goes to stderr. Uses core only.
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { importTasksFromText } from '../core/data/import-tasks';
import { summarizeDataset } from '../core/data/summarize-dataset';
import { activateBackend } from '../core/backend/activate-backend';
import { runComparison } from '../core/comparison/run-comparison';
import type { TailMode } from '../core/split/temporal-split';
import { STRATEGIES, getStrategy } from '../core/strategies/registry';
import type { ProgressEvent, Strategy } from '../core/strategies/types';
import { readFailure, type CliIo } from './cli-io';
import { formatCompareTable } from './compare-table';
import { exportModels, type WriteFile } from './export-models';

export const COMPARE_USAGE =
  'usage: retrain-lab compare FILE [--strategies id,…] [--seed N] [--seed-faithful] [--epochs N] [--batch-size N]\n' +
  '                           [--validation per-user-tail|global-tail] [--backend cpu|wasm] [--out report.json]\n' +
  '                           [--models DIR]  (one model bundle per trained strategy, as "Download model")';

export interface CompareArgs {
  file: string;
  strategies: Strategy<Record<string, unknown>>[];
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
export function parseCompareArgs(argv: string[]): CompareArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      strategies: { type: 'string' },
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
  const [file, ...extra] = positionals;
  if (!file) throw new Error('missing FILE');
  if (extra.length > 0) throw new Error(`unexpected argument "${extra[0]}"`);
  const ids = values.strategies
    ? values.strategies
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
  const unknown = ids.find((id) => !getStrategy(id));
  if (unknown)
    throw new Error(`unknown strategy "${unknown}" (known: ${STRATEGIES.map((s) => s.id).join(', ')})`);
  const validation = values.validation ?? 'per-user-tail';
  if (validation !== 'per-user-tail' && validation !== 'global-tail')
    throw new Error(`unknown --validation "${validation}"`);
  const backend = values.backend ?? 'cpu';
  if (backend !== 'cpu' && backend !== 'wasm')
    throw new Error(`--backend must be cpu or wasm, got "${backend}"`);
  return {
    file,
    strategies: ids.length > 0 ? STRATEGIES.filter((s) => ids.includes(s.id)) : [...STRATEGIES],
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

/** The strategy's options with the command-line overrides applied to the knobs it has. */
function optionsFor(strategy: Strategy<Record<string, unknown>>, args: CompareArgs): Record<string, unknown> {
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
    args = parseCompareArgs(argv);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${COMPARE_USAGE}\n`);
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
  const { report, trained } = await runComparison({
    dataset: imported.dataset,
    summary,
    strategies: args.strategies.map((s) => ({ id: s.id, options: optionsFor(s, args) })),
    seed: args.seed,
    validation: { mode: args.validation },
    backend: tf.getBackend(),
    onProgress: (e) => {
      if (!started.has(e.strategyId)) {
        started.add(e.strategyId);
        io.stderr(`training ${getStrategy(e.strategyId)?.label ?? e.strategyId}\n`);
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
