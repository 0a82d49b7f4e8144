/**
 * `npx tsx scripts/bench/train-rate.ts FILE [--strategies a,b]`: the Lab default's training alone, one
 * thread, in Node: per strategy its seconds, the multiply-adds of its training steps and their rate, then the
 * sum against the dense probe's rate (issue 18's goal 5 without a browser or a second worker beside it).
 * Run two at once to see what two training threads cost each other (docs/performance.md).
 */
import { readFileSync } from 'node:fs';
import { activateBackend } from '../../src/core/backend/activate-backend';
import { heldOutOf } from '../../src/core/comparison/evaluation-setup';
import { importTasksFromText } from '../../src/core/data/import-tasks';
import { CATALOGUE } from '../../src/core/strategies/catalogue';
import { trainChoice } from '../../src/core/strategies/strategy-spec';
import { arithmeticDone, denseGmacs } from '../../src/core/training/simd/arithmetic';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? 'public/samples/seed-shaped.csv';
const listAt = args.indexOf('--strategies');
const only = listAt >= 0 ? (args[listAt + 1] ?? '').split(',') : null;

async function main(): Promise<void> {
  if (!(await activateBackend('wasm')).ok) throw new Error('the wasm backend did not start');
  const imported = importTasksFromText(readFileSync(file, 'utf8'), file);
  if (imported.kind !== 'ok') throw new Error(imported.message);
  const { tasks } = imported.dataset;
  const { trainIndices } = heldOutOf(tasks).split;
  const rows: { strategy: string; seconds: number; GMAC: number; GMACps: number }[] = [];
  for (const spec of CATALOGUE.filter((s) => !only || only.includes(s.id))) {
    const macs = arithmeticDone().trainMacs;
    const started = performance.now();
    const trained = await trainChoice({ id: spec.id }, { tasks, trainIndices }, { seed: 42 });
    const ms = performance.now() - started;
    trained.dispose();
    const done = arithmeticDone().trainMacs - macs;
    rows.push({ strategy: spec.id, seconds: ms / 1000, GMAC: done / 1e9, GMACps: done / 1e6 / ms });
  }
  // Measured after the training, as the bench's probes are: the rate the kernel reaches on this machine now.
  const probe = denseGmacs();
  const seconds = rows.reduce((s, r) => s + r.seconds, 0);
  const gmac = rows.reduce((s, r) => s + r.GMAC, 0);
  const round = (v: number, d: number) => Number(v.toFixed(d));
  console.table(
    rows.map((r) => ({
      ...r,
      seconds: round(r.seconds, 2),
      GMAC: round(r.GMAC, 1),
      GMACps: round(r.GMACps, 1),
    })),
  );
  console.log(
    `all: ${seconds.toFixed(2)} s, ${gmac.toFixed(1)} GMAC at ${(gmac / seconds).toFixed(1)} GMAC/s = ` +
      `${Math.round((100 * gmac) / seconds / probe)} % of the dense probe (${probe.toFixed(1)} GMAC/s); ` +
      `validation passes ${(arithmeticDone().inferMacs / 1e9).toFixed(1)} GMAC, not counted`,
  );
}

await main();
