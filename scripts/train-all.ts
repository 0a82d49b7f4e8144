/**
 * Seed sweep over the six strategies: trains each on a task export for several seeds and prints train time,
 * held-out log loss, AUC and the continuity numbers (saturated share, distinct whole percents), with medians.
 * Small-data results swing with the seed; one run of `retrain-lab compare` is one draw of this table.
 *
 *   npx tsx scripts/train-all.ts FILE [--seeds 1,2,3] [--backend cpu|wasm] [--strategies id,…] [--epochs N]
 *     [--options '{"stepsPerEpoch":4}']   (options every strategy that has them takes, after --epochs)
 *     [--engine simd|tfjs]   (who trains: our SIMD kernels, the default off WebGL, or tfjs ops)
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { importTasksFromText } from '../src/core/data/import-tasks';
import { auc } from '../src/core/evaluation/auc';
import { predictionDistribution } from '../src/core/evaluation/distribution';
import { logLoss } from '../src/core/evaluation/log-loss';
import { buildTaskContexts } from '../src/core/features/task-context';
import { temporalSplit } from '../src/core/split/temporal-split';
import { CATALOGUE } from '../src/core/strategies/catalogue';
import { trainChoice } from '../src/core/strategies/strategy-spec';
import { registerSegmentSumKernels } from '../src/core/backend/kernels/segment-sum-kernels';
import { pinEngine } from '../src/core/training/loop/train-stacked';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seeds: { type: 'string', default: '42' },
    backend: { type: 'string', default: 'cpu' },
    strategies: { type: 'string' },
    epochs: { type: 'string' },
    options: { type: 'string' },
    engine: { type: 'string' },
  },
});
const file = positionals[0] ?? 'fixtures/seed-shaped.csv';
const imported = importTasksFromText(await readFile(file, 'utf8'), file);
if (imported.kind === 'refused') throw new Error(imported.message);
registerSegmentSumKernels();
if (values.backend === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
if (!(await tf.setBackend(values.backend))) throw new Error(`backend ${values.backend} unavailable`);
if (values.engine !== undefined) {
  if (values.engine !== 'simd' && values.engine !== 'tfjs') throw new Error('--engine must be simd or tfjs');
  pinEngine(values.engine);
}

const { tasks } = imported.dataset;
const split = temporalSplit(tasks);
const contexts = buildTaskContexts(tasks);
const held = split.testIndices.map((i) => contexts[i] as (typeof contexts)[number]);
const labels = split.testIndices.map((i) => (tasks[i]?.isCorrect ? 1 : 0));
const seeds = values.seeds.split(',').map(Number);
const ids = values.strategies?.split(',');
const epochOverride = (o: object) =>
  values.epochs === undefined
    ? {}
    : Object.fromEntries(
        Object.keys(o)
          .filter((k) => /^(epochs|pretrainEpochs|finetuneEpochs)$/.test(k))
          .map((k) => [k, Number(values.epochs)]),
      );

const given = values.options ? (JSON.parse(values.options) as Record<string, unknown>) : {};
const optionsFor = (o: object) => ({
  ...epochOverride(o),
  ...Object.fromEntries(Object.entries(given).filter(([k]) => k in o)),
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number;
console.log(
  `${file}: ${tasks.length} tasks, backend ${tf.getBackend()}, engine ${values.engine ?? 'default'}, seeds ${seeds.join(',')}`,
);
console.log('strategy             seed  train s  log loss  AUC    saturated  distinct');
for (const strategy of CATALOGUE.filter((s) => !ids || ids.includes(s.id))) {
  const runs: { ms: number; ll: number; sat: number; distinct: number }[] = [];
  for (const seed of seeds) {
    const trained = await trainChoice(
      { id: strategy.id, options: optionsFor(strategy.defaultOptions) },
      { tasks, trainIndices: split.trainIndices },
      { seed },
    );
    const { pCorrect } = await trained.predict(held);
    trained.dispose();
    const d = predictionDistribution(pCorrect);
    const run = {
      ms: trained.trainMs,
      ll: logLoss(labels, pCorrect) ?? NaN,
      sat: d.saturatedShare ?? NaN,
      distinct: d.distinctPercent,
    };
    runs.push(run);
    console.log(
      `${strategy.id.padEnd(20)} ${String(seed).padStart(4)}  ${(run.ms / 1000).toFixed(1).padStart(7)}  ${run.ll.toFixed(4)}    ` +
        `${(auc(labels, pCorrect) ?? NaN).toFixed(3)}  ${(run.sat * 100).toFixed(1).padStart(6)} %  ${String(run.distinct).padStart(8)}`,
    );
  }
  if (seeds.length > 1) {
    console.log(
      `${strategy.id.padEnd(20)} median ${(median(runs.map((r) => r.ms)) / 1000).toFixed(1).padStart(6)}  ` +
        `${median(runs.map((r) => r.ll)).toFixed(4)}           ${(median(runs.map((r) => r.sat)) * 100).toFixed(1).padStart(6)} %  ` +
        `${String(median(runs.map((r) => r.distinct))).padStart(8)}   (saturated max ${(Math.max(...runs.map((r) => r.sat)) * 100).toFixed(1)} %)`,
    );
  }
}
