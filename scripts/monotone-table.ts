/**
 * The monotone response table of docs/monotone-response.md from `train-all.ts --json` runs: for each
 * sample and strategy, the runs without and with `monotoneResponse`, as means with 95 % t intervals over
 * seeds, the paired difference in per-user log loss (same seeds), and each check's pass count.
 *
 *   npx tsx scripts/monotone-table.ts "real=off.json,on.json" "simulated=off.json,on.json"
 */
import { readFile } from 'node:fs/promises';
import { seedInterval } from './seed-sweep-metrics';

interface Run {
  strategy: string;
  seed: number;
  userLogLoss: number;
  auc: number;
  responseGap: number;
  correctAboveIncorrect: boolean;
  continuous: boolean;
  responsive: boolean;
  generalizes: boolean;
}
interface RunFile {
  file: string;
  rows: number;
  backend: string;
  seeds: number[];
  runs: Run[];
}

const f = (x: number, d: number) => (x >= 0 ? '' : '−') + Math.abs(x).toFixed(d);
const ci = (xs: number[], d: number) => {
  const s = seedInterval(xs);
  return `${f(s.mean, d)} [${f(s.lo, d)}, ${f(s.hi, d)}]`;
};
const count = (runs: Run[], pick: (r: Run) => boolean) => `${runs.filter(pick).length}/${runs.length}`;

const lines: string[] = [
  '| sample | strategy | monotone | per-user log loss | Δ vs off (paired) | AUC | responseGap | responsive | continuous | generalizes | all three |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
];
const notes: string[] = [];
for (const arg of process.argv.slice(2)) {
  const [label, paths] = arg.split('=') as [string, string];
  const [off, on] = (await Promise.all(
    paths.split(',').map(async (p) => JSON.parse(await readFile(p, 'utf8')) as RunFile),
  )) as [RunFile, RunFile];
  notes.push(
    `${label}: ${off.file} (${off.rows} rows), backend ${off.backend}, seeds ${off.seeds.join(',')}; ` +
      `every monotone run has afterCorrect[5] ≥ afterIncorrect[5] for every user: ${on.runs.every((r) => r.correctAboveIncorrect) ? 'yes' : 'NO'}`,
  );
  for (const id of [...new Set(off.runs.map((r) => r.strategy))]) {
    const a = off.runs.filter((r) => r.strategy === id);
    const b = on.runs.filter((r) => r.strategy === id);
    const delta = b.map((r) => r.userLogLoss - (a.find((x) => x.seed === r.seed)?.userLogLoss ?? NaN));
    for (const [runs, mono] of [
      [a, 'off'],
      [b, 'on'],
    ] as const) {
      lines.push(
        `| ${label} | ${id} | ${mono} | ${ci(
          runs.map((r) => r.userLogLoss),
          3,
        )} | ${mono === 'on' ? ci(delta, 3) : ''} | ${ci(
          runs.map((r) => r.auc),
          3,
        )} | ${ci(
          runs.map((r) => r.responseGap),
          3,
        )} | ${count(runs, (r) => r.responsive)} | ${count(runs, (r) => r.continuous)} | ${count(runs, (r) => r.generalizes)} | ${count(
          runs,
          (r) => r.continuous && r.responsive && r.generalizes,
        )} |`,
      );
    }
  }
}
console.log(lines.join('\n'));
console.log();
for (const n of notes) console.log(`- ${n}`);
