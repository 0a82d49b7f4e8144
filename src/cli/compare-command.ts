/**
 * `retrain-lab compare FILE [--strategies id,…] [--seed N] [--epochs N] [--out report.json]`: train the chosen
 * strategies on a temporal split, score the held-out tasks, print a compact table and write a minimal report
 * (CONTRACT.md §2; the evaluation work fills in the rest). Progress goes to stderr. Uses core only.
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { importTasksFromText } from '../core/data/import-tasks';
import { summarizeDataset } from '../core/data/summarize-dataset';
import { auc } from '../core/evaluation/auc';
import { predictionDistribution } from '../core/evaluation/distribution';
import { logLoss } from '../core/evaluation/log-loss';
import { buildTaskContexts } from '../core/features/task-context';
import { temporalSplit, type TailMode } from '../core/split/temporal-split';
import { STRATEGIES, getStrategy } from '../core/strategies/registry';
import type { ProgressEvent, Strategy, TrainedStrategy } from '../core/strategies/types';
import { registerSegmentSumKernels } from '../core/training/segment-sum-kernels';
import type { CliIo } from './cli-io';

export const COMPARE_USAGE =
  'usage: retrain-lab compare FILE [--strategies id,…] [--seed N] [--epochs N] [--batch-size N]\n' +
  '                           [--validation per-user-tail|global-tail] [--backend cpu|wasm] [--out report.json]';

export interface CompareArgs {
  file: string;
  strategies: Strategy<Record<string, unknown>>[];
  seed: number;
  /** Sets every epoch option (epochs, pretrainEpochs, finetuneEpochs) when given. */
  epochs?: number;
  batchSize?: number;
  validation: TailMode;
  backend: 'cpu' | 'wasm';
  out?: string;
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
      validation: { type: 'string' },
      backend: { type: 'string' },
      out: { type: 'string' },
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
    validation,
    backend,
    out: values.out,
  };
}

/** The strategy's options with the command-line overrides applied to the knobs it has. */
function optionsFor(strategy: Strategy<Record<string, unknown>>, args: CompareArgs): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const key of Object.keys(strategy.defaultOptions)) {
    if (args.epochs !== undefined && /^(epochs|pretrainEpochs|finetuneEpochs)$/.test(key))
      o[key] = args.epochs;
    if (args.batchSize !== undefined && key === 'batchSize') o[key] = args.batchSize;
  }
  return o;
}

async function useBackend(name: 'cpu' | 'wasm'): Promise<void> {
  registerSegmentSumKernels();
  if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  if (!(await tf.setBackend(name))) throw new Error(`the tfjs ${name} backend could not start`);
  await tf.ready();
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

const pad = (s: string, n: number) => s.padEnd(n);
const num = (x: number | undefined, digits: number) => (x === undefined ? '–' : x.toFixed(digits));

export async function compareCommand(
  argv: string[],
  io: CliIo,
  readFile: (path: string) => Promise<string>,
  writeFile?: (path: string, text: string) => Promise<void>,
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
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(
      `${args.file} could not be read: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}.\n`,
    );
    return 2;
  }
  const imported = importTasksFromText(text, args.file);
  if (imported.kind === 'refused') {
    io.stderr(`${imported.message}\n`);
    return 2;
  }
  const { tasks } = imported.dataset;
  try {
    await useBackend(args.backend);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 2;
  }

  const summary = await summarizeDataset(imported.dataset);
  const split = temporalSplit(tasks, 0.2, 'per-user-tail');
  const contexts = buildTaskContexts(tasks);
  const held = split.testIndices.map((i) => contexts[i] as (typeof contexts)[number]);
  const labels = split.testIndices.map((i) => (tasks[i]?.isCorrect ? 1 : 0));
  const trainRate =
    split.trainIndices.filter((i) => tasks[i]?.isCorrect).length / Math.max(1, split.trainIndices.length);
  io.stderr(
    `${tasks.length} tasks, ${summary.users.length} users; training on ${split.trainIndices.length}, ` +
      `holding out ${split.testIndices.length}; backend ${tf.getBackend()}, seed ${args.seed}\n`,
  );

  const rows: Record<string, unknown>[] = [];
  const table: string[] = [
    `${pad('strategy', 34)}${pad('log loss', 10)}${pad('AUC', 7)}${pad('saturated', 11)}${pad('distinct', 12)}train s`,
    `${pad('constant rate (baseline)', 34)}${pad(
      num(
        logLoss(
          labels,
          labels.map(() => trainRate),
        ),
        4,
      ),
      10,
    )}${pad('0.500', 7)}${pad('–', 11)}${pad('1', 12)}–`,
  ];
  for (const strategy of args.strategies) {
    io.stderr(`training ${strategy.label}\n`);
    let trained: TrainedStrategy;
    try {
      trained = await strategy.train(
        { tasks, trainIndices: split.trainIndices },
        optionsFor(strategy, args),
        { seed: args.seed, onProgress: progressPrinter(io), validation: { mode: args.validation } },
      );
    } catch (error) {
      io.stderr(`${strategy.id} failed: ${(error as Error).message}\n`);
      return 1;
    }
    const { pCorrect, timeSeconds } = await trained.predict(held);
    trained.dispose();
    const dist = predictionDistribution(pCorrect);
    let absError = 0;
    split.testIndices.forEach(
      (i, j) => (absError += Math.abs((timeSeconds[j] as number) - (tasks[i]?.actualTimeSeconds ?? 0))),
    );
    const test = {
      n: held.length,
      logLoss: logLoss(labels, pCorrect),
      auc: auc(labels, pCorrect),
      timeMaeSeconds: held.length > 0 ? absError / held.length : undefined,
    };
    rows.push({
      id: trained.id,
      label: trained.label,
      options: trained.options,
      trainMs: Math.round(trained.trainMs),
      trainingInfluence: trained.trainingInfluence,
      phases: trained.phases.map(({ losses: _l, valLosses: _v, ...p }) => p),
      test,
      distribution: {
        counts: dist.counts,
        saturatedShare: dist.saturatedShare,
        distinctPercent: dist.distinctPercent,
        std: dist.std,
      },
    });
    table.push(
      `${pad(trained.label, 34)}${pad(num(test.logLoss, 4), 10)}${pad(num(test.auc, 3), 7)}` +
        `${pad(`${num((dist.saturatedShare ?? 0) * 100, 1)} %`, 11)}${pad(String(dist.distinctPercent), 12)}${(trained.trainMs / 1000).toFixed(1)}`,
    );
  }
  io.stdout(`${table.join('\n')}\n`);

  if (args.out) {
    const report = {
      schemaVersion: 1,
      generatedAt: new Date().toISOString(),
      seed: args.seed,
      backend: tf.getBackend(),
      dataset: {
        rows: summary.rows,
        skippedRows: summary.skippedRows,
        fingerprint: summary.fingerprint,
        users: summary.users.map((u) => ({ userId: u.userId, tasks: u.tasks, share: u.share })),
      },
      split: {
        kind: split.kind,
        trainRows: split.trainIndices.length,
        testRows: split.testIndices.length,
        perUser: split.perUser,
      },
      strategies: rows,
    };
    if (!writeFile) throw new Error('no writeFile given for --out');
    await writeFile(args.out, `${JSON.stringify(report, null, 2)}\n`);
    io.stderr(`report written to ${args.out}\n`);
  }
  return 0;
}
