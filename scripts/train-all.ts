/**
 * Seed sweep over the six strategies: trains each on a task export for several seeds and prints, per run
 * and as a mean with a 95 % t interval over seeds: train time, held-out log loss, per-user log loss
 * (users under 5 held-out tasks pooled), AUC, the continuity numbers, responseGap and the three checks
 * (responsive under the revised rule of docs/contract.md §2). Small-data results swing with the seed;
 * one run of `retrain-lab compare` is one draw of this table. `--json` keeps every run for tables
 * (scripts/monotone-table.ts builds docs/monotone-response.md's).
 *
 *   npx tsx scripts/train-all.ts FILE [--seeds 1,2,3] [--backend cpu|wasm] [--strategies id,…] [--epochs N]
 *     [--options '{"stepsPerEpoch":4}']   (options every strategy that has them takes, after --epochs)
 *     [--engine simd|tfjs]   (who trains: our SIMD kernels, the default off WebGL, or tfjs ops)
 *     [--json runs.json]
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { importTasksFromText } from '../src/core/data/import-tasks';
import { auc } from '../src/core/evaluation/auc';
import { predictionDistribution } from '../src/core/evaluation/distribution';
import { runGeneralisationSweep } from '../src/core/evaluation/generalisation-sweep';
import { logLoss } from '../src/core/evaluation/log-loss';
import { runResponseProbes, userStates } from '../src/core/evaluation/response-probe';
import { verdicts } from '../src/core/evaluation/verdicts';
import { buildTaskContexts } from '../src/core/features/task-context';
import { temporalSplit } from '../src/core/split/temporal-split';
import { CATALOGUE } from '../src/core/strategies/catalogue';
import { trainChoice } from '../src/core/strategies/strategy-spec';
import { registerSegmentSumKernels } from '../src/core/backend/kernels/segment-sum-kernels';
import { pinEngine } from '../src/core/training/engine-choice';
import { pooledUserLogLoss, responseGap, revisedResponsive, seedInterval } from './seed-sweep-metrics';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seeds: { type: 'string', default: '42' },
    backend: { type: 'string', default: 'cpu' },
    strategies: { type: 'string' },
    epochs: { type: 'string' },
    options: { type: 'string' },
    engine: { type: 'string' },
    json: { type: 'string' },
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
const heldUsers = split.testIndices.map((i) => tasks[i]?.userId as string);
const states = userStates(tasks);
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

/** One training run's figures (what --json keeps). */
interface Run {
  strategy: string;
  seed: number;
  trainMs: number;
  logLoss: number;
  userLogLoss: number;
  auc: number;
  saturatedShare: number;
  distinctPercent: number;
  varianceRatio: number;
  responseGap: number;
  /** Every probed user ends at least as high after 5 correct as after 5 incorrect answers (no slack). */
  correctAboveIncorrect: boolean;
  continuous: boolean;
  responsive: boolean;
  generalizes: boolean;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number;
const fmt = (x: number, d = 4) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const mark = (b: boolean) => (b ? '✓' : '✗');
console.log(
  `${file}: ${tasks.length} tasks, backend ${tf.getBackend()}, engine ${values.engine ?? 'default'}, seeds ${seeds.join(',')}` +
    (values.options ? `, options ${values.options}` : ''),
);
console.log(
  'strategy             seed  train s  log loss  user LL  AUC    saturated  distinct  var ratio  gap      C R G',
);
const runs: Run[] = [];
for (const strategy of CATALOGUE.filter((s) => !ids || ids.includes(s.id))) {
  const own: Run[] = [];
  for (const seed of seeds) {
    const trained = await trainChoice(
      { id: strategy.id, options: optionsFor(strategy.defaultOptions) },
      { tasks, trainIndices: split.trainIndices },
      { seed },
    );
    try {
      const { pCorrect } = await trained.predict(held);
      const probes = await runResponseProbes(trained, tasks, undefined, states);
      const sweep = await runGeneralisationSweep(trained, tasks, states);
      const d = predictionDistribution(pCorrect);
      const v = verdicts(d, sweep.varianceRatio, probes);
      const run: Run = {
        strategy: strategy.id,
        seed,
        trainMs: trained.trainMs,
        logLoss: logLoss(labels, pCorrect) ?? NaN,
        userLogLoss: pooledUserLogLoss(heldUsers, labels, pCorrect),
        auc: auc(labels, pCorrect) ?? NaN,
        saturatedShare: d.saturatedShare ?? NaN,
        distinctPercent: d.distinctPercent,
        varianceRatio: sweep.varianceRatio,
        responseGap: responseGap(probes),
        correctAboveIncorrect: probes.every(
          (p) => (p.afterCorrect.at(-1) as number) >= (p.afterIncorrect.at(-1) as number),
        ),
        continuous: v.continuous,
        responsive: revisedResponsive(probes),
        generalizes: v.generalizes,
      };
      own.push(run);
      console.log(
        `${strategy.id.padEnd(20)} ${String(seed).padStart(4)}  ${(run.trainMs / 1000).toFixed(1).padStart(7)}  ${fmt(run.logLoss)}    ` +
          `${fmt(run.userLogLoss)}   ${fmt(run.auc, 3)}  ${(run.saturatedShare * 100).toFixed(1).padStart(6)} %  ${String(run.distinctPercent).padStart(8)}  ` +
          `${fmt(run.varianceRatio, 2).padStart(9)}  ${fmt(run.responseGap).padStart(7)}  ${mark(run.continuous)} ${mark(run.responsive)} ${mark(run.generalizes)}`,
      );
    } finally {
      trained.dispose();
    }
  }
  runs.push(...own);
  if (seeds.length > 1) {
    const ci = (pick: (r: Run) => number, d = 4) => {
      const s = seedInterval(own.map(pick));
      return `${fmt(s.mean, d)} [${fmt(s.lo, d)}, ${fmt(s.hi, d)}]`;
    };
    const rate = (pick: (r: Run) => boolean) => `${own.filter(pick).length}/${own.length}`;
    console.log(
      `${strategy.id.padEnd(20)} mean (95 % t interval over ${own.length} seeds): log loss ${ci((r) => r.logLoss)}, ` +
        `user LL ${ci((r) => r.userLogLoss)}, AUC ${ci((r) => r.auc, 3)}, gap ${ci((r) => r.responseGap)}; ` +
        `continuous ${rate((r) => r.continuous)}, responsive ${rate((r) => r.responsive)}, generalizes ${rate((r) => r.generalizes)}, ` +
        `all three ${rate((r) => r.continuous && r.responsive && r.generalizes)}; train median ${(median(own.map((r) => r.trainMs)) / 1000).toFixed(1)} s`,
    );
  }
}
if (values.json)
  await writeFile(
    values.json,
    JSON.stringify(
      { file, rows: tasks.length, backend: tf.getBackend(), options: given, seeds, runs },
      null,
      1,
    ),
  );
