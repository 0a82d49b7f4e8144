/**
 * `npm run bench:node [-- --quick]`: the CLI path's half of `npm run bench` — runComparison in Node on
 * wasm and cpu, on the same data sizes and presets, with import rows/s, tf.memory() after each run and the
 * load average; and a sweep of 5 values × 5 seeds of one strategy on the sample (runSweep, one thread).
 * Writes bench/results-node.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { activateBackend } from '../src/core/backend/activate-backend';
import { importTasksFromText } from '../src/core/data/import-tasks';
import { summarizeDataset, type DatasetSummary } from '../src/core/data/summarize-dataset';
import type { Dataset } from '../src/core/data/task';
import { runComparison } from '../src/core/comparison/run-comparison';
import { planSweep, presetBase } from '../src/core/sweep/plan-sweep';
import { runSweep } from '../src/core/sweep/run-sweep';
import { CATALOGUE } from '../src/core/strategies/catalogue';
import { quickOptions } from '../src/store/settings-slice';
import { arithmeticDone, denseGmacs } from '../src/core/training/simd/arithmetic';
import { ensureGeneratedFiles, load1, median, writeResults } from './bench/bench-util';
import { DATA_FILES, type DataName, type Scenario } from './bench/lab-driver';

const quick = process.argv.includes('--quick');
const SCENARIOS: Omit<Scenario, 'backend'>[] = [
  { data: 'sample', preset: 'lab', runs: 5, budgetMs: 120_000 },
  ...(quick
    ? []
    : ([
        { data: 'sample', preset: 'seed-faithful', runs: 3, budgetMs: 240_000 },
        { data: 'medium', preset: 'lab', runs: 1, budgetMs: 360_000 },
        { data: '100k', preset: 'lab', runs: 1, budgetMs: 600_000 },
        { data: '1m-10k', preset: 'lab', runs: 1, budgetMs: 900_000 },
        ...(existsSync(DATA_FILES.ednet)
          ? [{ data: 'ednet', preset: 'lab', runs: 1, budgetMs: 600_000 } satisfies Omit<Scenario, 'backend'>]
          : []),
      ] satisfies Omit<Scenario, 'backend'>[])),
];
const BACKENDS = ['wasm', 'cpu'] as const;
/** Like the lab, cpu runs only the sample (and the Design note preset once): it is the slow fallback. */
const runsOn = (s: Omit<Scenario, 'backend'>, backend: string) =>
  backend === 'wasm' ? s.runs : s.data === 'sample' ? (s.preset === 'lab' ? 3 : 1) : 0;

const loaded = new Map<DataName, { dataset: Dataset; summary: DatasetSummary }>();
const imports: Record<string, number | string>[] = [];

async function load(data: DataName) {
  const cached = loaded.get(data);
  if (cached) return cached;
  const path = data === 'sample' ? 'public/samples/seed-shaped.csv' : DATA_FILES[data];
  const l = load1();
  const started = performance.now();
  const imported = importTasksFromText(readFileSync(path, 'utf8'), path);
  if (imported.kind !== 'ok') throw new Error(imported.message);
  const summary = await summarizeDataset(imported.dataset);
  const ms = performance.now() - started;
  const rows = imported.dataset.tasks.length;
  imports.push({ data, rows, load1: l, ms: Math.round(ms), rowsPerSecond: Math.round(rows / (ms / 1000)) });
  const entry = { dataset: imported.dataset, summary };
  loaded.set(data, entry);
  return entry;
}

async function measure(scenario: Omit<Scenario, 'backend'>, backend: (typeof BACKENDS)[number]) {
  const { dataset, summary } = await load(scenario.data);
  const strategies = CATALOGUE.map((s) => ({
    id: s.id,
    options:
      scenario.preset === 'quick'
        ? quickOptions(s.defaultOptions)
        : scenario.preset === 'seed-faithful'
          ? s.seedOptions
          : {},
  }));
  const runs: {
    load1: number;
    wallMs: number;
    numTensors: number;
    strategyMs: Record<string, number>;
    trainMacs: number;
  }[] = [];
  for (let i = 0; i < runsOn(scenario, backend); i++) {
    const l = load1();
    const macsBefore = arithmeticDone().trainMacs;
    const started = performance.now();
    let done = 0;
    try {
      const { report, trained } = await runComparison({
        dataset,
        summary,
        strategies,
        seed: 42,
        backend,
        signal: AbortSignal.timeout(scenario.budgetMs),
        onStrategyDone: () => done++,
      });
      const wallMs = Math.round(performance.now() - started);
      for (const model of trained.values()) model.dispose();
      runs.push({
        load1: l,
        wallMs,
        numTensors: tf.memory().numTensors,
        strategyMs: Object.fromEntries(report.strategies.map((s) => [s.id, Math.round(s.trainMs)])),
        trainMacs: arithmeticDone().trainMacs - macsBefore,
      });
    } catch (error) {
      const s = ((performance.now() - started) / 1000).toFixed(0);
      return {
        ...scenario,
        backend,
        status: 'over budget',
        note: `${s} s, ${done} of 6 done: ${String(error)}`,
        runs,
      };
    }
  }
  const ids = Object.keys(runs[0]?.strategyMs ?? {});
  return {
    ...scenario,
    backend,
    status: 'ok',
    runs,
    wall_s: runs.length ? Number((median(runs.map((r) => r.wallMs)) / 1000).toFixed(1)) : null,
    strategyMs: Object.fromEntries(ids.map((id) => [id, median(runs.map((r) => r.strategyMs[id] ?? NaN))])),
  };
}

/** The sweep budget case: cap 25…300 of balanced sampling, 5 seeds each, Lab default, one thread. */
async function measureSweep(): Promise<Record<string, number | string>> {
  const { dataset, summary } = await load('sample');
  const plan = planSweep(presetBase('balanced-sampling'), [
    { name: 'capPerUser', values: [25, 50, 100, 150, 300] },
  ]);
  const l = load1();
  const started = performance.now();
  const doc = await runSweep({ plan, dataset, summary, seed: 42, repeats: 5, backend: tf.getBackend() });
  const wallMs = performance.now() - started;
  const trainMs = doc.points.reduce((sum, p) => sum + (p.status === 'ok' ? p.trainMs : 0), 0);
  return {
    data: 'sample',
    what: 'sweep capPerUser × 5 values × 5 seeds (balanced sampling)',
    backend: tf.getBackend(),
    wall_s: Number((wallMs / 1000).toFixed(1)),
    train_s: Number((trainMs / 1000).toFixed(1)),
    load1: l,
  };
}

async function main(): Promise<void> {
  if (!quick) ensureGeneratedFiles();
  const results = [];
  const sweeps: Record<string, number | string>[] = [];
  for (const backend of BACKENDS) {
    const activation = await activateBackend(backend);
    if (!activation.ok) throw new Error(activation.reason);
    for (const scenario of SCENARIOS) {
      if (runsOn(scenario, backend) === 0) continue;
      console.error(`${scenario.data} ${scenario.preset} ${backend} (load ${load1()})`);
      const result = await measure(scenario, backend);
      console.error(`  → ${result.status} ${'wall_s' in result ? result.wall_s : result.note}`);
      results.push(result);
    }
    if (backend === 'wasm') {
      console.error(`sweep 5 × 5 on the sample, wasm (load ${load1()})`);
      sweeps.push(await measureSweep());
    }
  }
  console.log(
    `\nCLI-path benchmark (Node ${process.version}, runComparison) — ${os.cpus().length} cores; seconds`,
  );
  const dense = denseGmacs();
  console.log(`dense kernel alone (512 × 53 → 64): ${dense.toFixed(2)} GMAC/s`);
  console.table(
    results.map((r) => {
      const last = r.runs[r.runs.length - 1];
      const trainS = last ? Object.values(last.strategyMs).reduce((a, b) => a + b, 0) / 1000 : NaN;
      const rate = last ? last.trainMacs / 1e9 / trainS : NaN;
      return {
        data: r.data,
        preset: r.preset,
        backend: r.backend,
        n: r.runs.length,
        wall_s: 'wall_s' in r ? r.wall_s : r.note,
        train_GMAC: last ? Number((last.trainMacs / 1e9).toFixed(1)) : '–',
        GMACps: Number.isFinite(rate) ? Number(rate.toFixed(2)) : '–',
        of_dense: Number.isFinite(rate) ? `${Math.round((100 * rate) / dense)} %` : '–',
        tensors: r.runs.map((x) => x.numTensors).join(' '),
        load1: r.runs.map((x) => x.load1).join(' '),
      };
    }),
  );
  console.table(sweeps);
  console.table(imports);
  writeResults('results-node', {
    sweeps,
    denseGmacs: dense,
    generatedAt: new Date().toISOString(),
    quick,
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', node: process.version },
    imports,
    results,
  });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
