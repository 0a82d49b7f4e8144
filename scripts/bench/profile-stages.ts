/**
 * `npx tsx scripts/bench/profile-stages.ts FILE [--backend wasm|cpu] [--strategies a,b]`: where a comparison's
 * wall time goes, stage by stage (import, summary, split and evaluation setup, baseline, then per strategy:
 * training, held-out prediction, scoring with the bootstrap, response probe, generalisation sweep). One thread,
 * Node. Prints a table; profile before optimising.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { activateBackend } from '../../src/core/backend/activate-backend';
import { importTasksFromText } from '../../src/core/data/import-tasks';
import { summarizeDataset } from '../../src/core/data/summarize-dataset';
import { evaluationSetup } from '../../src/core/comparison/evaluation-setup';
import { scoreBaseline, scoreHeldOut, scoreRecorded } from '../../src/core/evaluation/held-out-scores';
import { runResponseProbes, PROBE_STEPS } from '../../src/core/evaluation/response-probe';
import { runGeneralisationSweep } from '../../src/core/evaluation/generalisation-sweep';
import { CATALOGUE } from '../../src/core/strategies/catalogue';
import { trainChoice } from '../../src/core/strategies/strategy-spec';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? 'public/samples/seed-shaped.csv';
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const backend = (opt('backend') ?? 'wasm') as 'wasm' | 'cpu';
const only = opt('strategies')?.split(',');

const rows: Record<string, string | number>[] = [];
async function timed<T>(stage: string, work: () => T | Promise<T>, strategy = ''): Promise<T> {
  const t0 = performance.now();
  const out = await work();
  const ms = Math.round(performance.now() - t0);
  rows.push({ strategy, stage, ms });
  // As it goes: on a big file under load the whole table can take an hour.
  console.error(`  ${strategy || '·'} ${stage}: ${ms} ms (load ${os.loadavg()[0]?.toFixed(1)})`);
  return out;
}

async function main(): Promise<void> {
  console.error(`${file} on ${backend}, load ${os.loadavg()[0]?.toFixed(2)}`);
  const wall = performance.now();
  await timed('activate backend', () => activateBackend(backend));
  const text = readFileSync(file, 'utf8');
  const imported = await timed('import', () => importTasksFromText(text, file));
  if (imported.kind !== 'ok') throw new Error(imported.message);
  const { tasks } = imported.dataset;
  await timed('summary', () => summarizeDataset(imported.dataset));
  const seed = 42;
  const { split, evalData } = await timed('evaluation setup', () => evaluationSetup(tasks, { seed }));
  await timed('baseline + recorded', () => {
    scoreBaseline(tasks, split.trainIndices, split.testIndices, { seed });
    scoreRecorded(tasks, split.testIndices, { seed });
  });
  for (const strategy of CATALOGUE.filter((s) => !only || only.includes(s.id))) {
    const model = await timed(
      'train',
      () => trainChoice({ id: strategy.id }, { tasks, trainIndices: split.trainIndices }, { seed }),
      strategy.id,
    );
    const prediction = await timed(
      'predict held-out',
      () => model.predict(evalData.testContexts ?? []),
      strategy.id,
    );
    await timed(
      'score + bootstrap',
      () => scoreHeldOut(tasks, split.testIndices, prediction, { seed }),
      strategy.id,
    );
    await timed(
      'response probe',
      () => runResponseProbes(model, tasks, PROBE_STEPS, evalData.states),
      strategy.id,
    );
    await timed(
      'generalisation sweep',
      () => runGeneralisationSweep(model, tasks, evalData.states),
      strategy.id,
    );
    model.dispose();
  }
  rows.push({ strategy: '', stage: 'wall', ms: Math.round(performance.now() - wall) });
  console.table(rows);
  const byStage = new Map<string, number>();
  for (const r of rows)
    if (r.strategy) byStage.set(String(r.stage), (byStage.get(String(r.stage)) ?? 0) + Number(r.ms));
  console.table(Object.fromEntries(byStage));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
