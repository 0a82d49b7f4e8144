/**
 * Quality at the Lab default's training budget against a converged reference: runs the whole comparison
 * (runComparison, wasm, Lab default) for each seed at the normal budget (epochs × EPOCH_ROWS rows per phase)
 * and at `--scale` times it, and tables per-user (macro) log loss and AUC per strategy — mean over seeds
 * with a 95 % t interval — and the paired gap default ÷ reference − 1 with its interval.
 *
 *   npx tsx scripts/bench/quality-at-budget.ts FILE [--seeds 1-10] [--scales 1,10] [--uniform] [--max-batch N]
 *     [--patience N] [--lab-patience N] [--budget-rate R] [--strategies a,b] [--table-only] [--compare KEY,KEY]
 *
 * Runs are stored under the rows an epoch counts in full: "4000u20000" for the rule (scale ×
 * EPOCH_ROWS, and scale × USER_EPOCH_ROWS for phases that train a user embedding), "4000" with --uniform
 * (scale × EPOCH_ROWS for every phase: the rule before 2026-12-07), "Infinity" every epoch — so results
 * stay comparable when the rule changes. Each (rows, seed) result is kept in bench/quality-<name>.json as it finishes, so a run can be stopped
 * and resumed (several processes may work on different seeds); --table-only prints what is there.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { activateBackend } from '../../src/core/backend/activate-backend';
import { importTasksFromText } from '../../src/core/data/import-tasks';
import { summarizeDataset } from '../../src/core/data/summarize-dataset';
import { runComparison } from '../../src/core/comparison/run-comparison';
import { CATALOGUE } from '../../src/core/strategies/catalogue';
import {
  BUDGET_RATE,
  EPOCH_ROWS,
  LAB_PATIENCE,
  pinBatchRule,
  USER_EPOCH_ROWS,
} from '../../src/core/training/loop/batch-rule';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seeds: { type: 'string', default: '1-10' },
    scales: { type: 'string', default: '1,10' },
    /** The batch rule's cap for the runs of this invocation (stored under "<rows>@b<cap>"). */
    'max-batch': { type: 'string' },
    /** Early-stopping patience for every scaled phase of this invocation (stored under "<rows>@p<patience>"). */
    patience: { type: 'string' },
    /** LAB_PATIENCE for this invocation (stored with "@lp<patience>" when not 0). */
    'lab-patience': { type: 'string' },
    /** BUDGET_RATE for this invocation (stored with "@br<rate>" when not 0). */
    'budget-rate': { type: 'string' },
    /** Only these strategies (ids), added to what a seed already holds. */
    strategies: { type: 'string' },
    'table-only': { type: 'boolean', default: false },
    /** Every phase at scale × EPOCH_ROWS, user embedding or not. */
    uniform: { type: 'boolean', default: false },
    /** Which stored runs the table compares, e.g. "20000@b128,200000" (default: the two scales given). */
    compare: { type: 'string' },
  },
});
const file = positionals[0] ?? '../shared/data/ednet/ednet-kt1-all.csv';
const seeds = values.seeds.includes('-')
  ? (([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i))(
      values.seeds.split('-').map(Number) as [number, number],
    )
  : values.seeds.split(',').map(Number);
const scales = values.scales.split(',').map(Number);
const maxBatch = values['max-batch'] ? Number(values['max-batch']) : undefined;
const patience = values.patience ? Number(values.patience) : undefined;
const labPatience = values['lab-patience'] ? Number(values['lab-patience']) : LAB_PATIENCE;
const budgetRate = values['budget-rate'] ? Number(values['budget-rate']) : BUDGET_RATE;
const chosen = values.strategies ? CATALOGUE.filter((s) => values.strategies?.split(',').includes(s.id)) : CATALOGUE;
const rowsOf = (scale: number) => ({
  epochRows: scale * EPOCH_ROWS,
  userEpochRows: scale * (values.uniform ? EPOCH_ROWS : USER_EPOCH_ROWS),
});
/** "4000u20000@lp3": the rows an epoch counts (one number when every phase has the same), then the pins. */
function keyOf(scale: number): string {
  const { epochRows, userEpochRows } = rowsOf(scale);
  const rows = epochRows === userEpochRows ? `${epochRows}` : `${epochRows}u${userEpochRows}`;
  const pins = [
    maxBatch ? `@b${maxBatch}` : '',
    labPatience > 0 ? `@lp${labPatience}` : '',
    budgetRate > 0 ? `@br${budgetRate}` : '',
    patience !== undefined ? `@p${patience}` : '',
  ];
  return rows + pins.join('');
}
const store = `bench/quality-${basename(file).replace(/\.[^.]+$/, '')}.json`;

interface Point {
  macroLogLoss: number | null;
  macroAuc: number | null;
  logLoss: number | null;
  auc: number | null;
  trainMs: number;
}
type Store = Record<string, Record<string, Record<string, Point>>>; // rows → seed → strategy → point

const load = (): Store => (existsSync(store) ? (JSON.parse(readFileSync(store, 'utf8')) as Store) : {});

async function run(): Promise<void> {
  const imported = importTasksFromText(readFileSync(file, 'utf8'), file);
  if (imported.kind !== 'ok') throw new Error(imported.message);
  const summary = await summarizeDataset(imported.dataset);
  const activation = await activateBackend('wasm');
  if (!activation.ok) throw new Error(activation.reason);
  for (const scale of scales)
    for (const seed of seeds) {
      const held = load()[keyOf(scale)]?.[seed];
      if (held && chosen.every((s) => held[s.id])) continue;
      pinBatchRule({
        ...rowsOf(scale),
        ...(maxBatch ? { maxBatch } : {}),
        ...(patience !== undefined ? { patience } : {}),
        labPatience,
        budgetRate,
      });
      const started = performance.now();
      const { report, trained } = await runComparison({
        dataset: imported.dataset,
        summary,
        strategies: chosen.map((s) => ({ id: s.id })),
        seed,
        backend: 'wasm',
      });
      for (const model of trained.values()) model.dispose();
      const points = Object.fromEntries(
        report.strategies.map((s) => [
          s.id,
          s.status === 'ok'
            ? {
                macroLogLoss: s.testMacroByUser.logLoss ?? null,
                macroAuc: s.testMacroByUser.auc ?? null,
                logLoss: s.test.logLoss ?? null,
                auc: s.test.auc ?? null,
                trainMs: Math.round(s.trainMs),
              }
            : {
                macroLogLoss: null,
                macroAuc: null,
                logLoss: null,
                auc: null,
                trainMs: Math.round(s.trainMs),
              },
        ]),
      );
      const all = load(); // another process may have written meanwhile
      const bySeed = (all[keyOf(scale)] ??= {});
      bySeed[seed] = { ...bySeed[seed], ...points };
      writeFileSync(store, `${JSON.stringify(all, null, 1)}\n`);
      console.error(
        `scale ${scale} seed ${seed}: ${((performance.now() - started) / 1000).toFixed(0)} s (load ${os.loadavg()[0]?.toFixed(1)})`,
      );
    }
  pinBatchRule({});
}

/** Two-sided 95 % t quantiles by degrees of freedom (1–30). */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

function meanCi(xs: number[]): { mean: number; half: number } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, half: NaN };
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  return { mean, half: ((T95[n - 2] ?? 1.96) * sd) / Math.sqrt(n) };
}

function table(): void {
  const all = load();
  const [base, ref] = values.compare
    ? (values.compare.split(',') as [string, string])
    : [keyOf(scales[0] as number), keyOf((scales[1] ?? scales[0]) as number)];
  const fmt = (c: { mean: number; half: number }, digits = 4) =>
    `${c.mean.toFixed(digits)} ± ${c.half.toFixed(digits)}`;
  const rows: string[] = [
    `| strategy | per-user log loss, ${base} | ${ref} | gap (paired) | per-user AUC, ${base} | ${ref} | train s, ${base} → ${ref} |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const s of CATALOGUE) {
    const paired = Object.keys(all[base] ?? {}).filter(
      (seed) => all[ref]?.[seed]?.[s.id] && all[base]?.[seed]?.[s.id],
    );
    const at = (scale: string, key: keyof Point) =>
      paired
        .map((seed) => all[scale]?.[seed]?.[s.id]?.[key])
        .filter((v): v is number => typeof v === 'number');
    if (paired.length === 0) continue;
    const gap = paired
      .map((seed) => {
        const d = all[base]?.[seed]?.[s.id]?.macroLogLoss;
        const r = all[ref]?.[seed]?.[s.id]?.macroLogLoss;
        return typeof d === 'number' && typeof r === 'number' ? (d / r - 1) * 100 : NaN;
      })
      .filter(Number.isFinite);
    const g = meanCi(gap);
    const secs = (scale: string) => meanCi(at(scale, 'trainMs')).mean / 1000;
    rows.push(
      `| ${s.label} | ${fmt(meanCi(at(base, 'macroLogLoss')))} | ${fmt(meanCi(at(ref, 'macroLogLoss')))} | ` +
        `${g.mean >= 0 ? '+' : ''}${g.mean.toFixed(2)} % ± ${g.half.toFixed(2)} | ${fmt(meanCi(at(base, 'macroAuc')), 3)} | ` +
        `${fmt(meanCi(at(ref, 'macroAuc')), 3)} | ${secs(base).toFixed(1)} → ${secs(ref).toFixed(1)} |`,
    );
  }
  const n = Object.keys(all[ref] ?? {}).length;
  console.log(
    `${file}: ${n} seeds at ×${ref}, ${Object.keys(all[base] ?? {}).length} at ×${base} (mean ± 95 % t interval over seeds)\n`,
  );
  console.log(rows.join('\n'));
}

if (!values['table-only']) await run();
table();
