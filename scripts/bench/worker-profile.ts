/**
 * `npx tsx scripts/bench/worker-profile.ts [--data ednet|100k|1m-10k] [--repeats N] [--out DIR]`: CPU profiles
 * of the lab worker and its training helpers during one click of "Train all strategies" on a fresh page (the
 * sample by default, Auto), built without minifying so the profiles name the functions. Writes one
 * .cpuprofile per worker (open them in Chrome's DevTools) and prints each worker's busiest functions.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, startPreview } from './bench-util';
import { loadData, openLab, type DataName } from './lab-driver';
import { trainOnce } from './train-once';
import { workerSessions, type ProfileNode, type WorkerSession } from './worker-sessions';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const data = option('--data') as DataName | undefined;
const repeats = option('--repeats');
const out = option('--out') ?? 'bench/worker-profiles';

/** The SIMD kernels' functions in the order of simd-kernels.wat: V8 names them wasm-function[i]. */
const KERNELS = [
  ...readFileSync('src/core/training/simd/simd-kernels.wat', 'utf8').matchAll(
    /^\s*\(func (?:\(export "(\w+)"\)|\$(\w+))/gm,
  ),
].map((m) => m[1] ?? m[2]);

/** A frame's name; the kernels' by their .wat names (tfjs's own wasm module is idle in fused training). */
function frameName({ functionName }: ProfileNode['callFrame']): string {
  const kernel = /^wasm-function\[(\d+)\]$/.exec(functionName);
  const known = kernel ? KERNELS[Number(kernel[1])] : undefined;
  return known ? `${functionName} ${known}` : functionName || '(anonymous)';
}

/** Self time per function of a profile, ms, busiest first. */
function selfTimes(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }) {
  const name = new Map(profile.nodes.map((n) => [n.id, frameName(n.callFrame)]));
  const ms = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const fn = name.get(id) ?? '?';
    ms.set(fn, (ms.get(fn) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...ms].sort((a, b) => b[1] - a[1]);
}

async function startProfiling(sessions: WorkerSession[]): Promise<void> {
  for (const s of sessions) {
    await s.send('Profiler.enable');
    await s.send('Profiler.setSamplingInterval', { interval: 200 });
    await s.send('Profiler.start');
  }
}

async function main(): Promise<void> {
  const { url, stop } = await startPreview(4398, { outDir: 'dist-e2e-profile', minify: false });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    const cdp = await page.context().newCDPSession(page);
    const workers = await workerSessions(cdp);
    await openLab(page, url);
    if (data) await loadData(page, data);
    if (repeats) await page.getByLabel('Repeats', { exact: true }).fill(repeats);
    const sessions = await workers.all();
    await startProfiling(sessions);
    const outcome = await trainOnce(page, 600_000);
    mkdirSync(out, { recursive: true });
    console.log(
      `click → done: ${'wallMs' in outcome ? (outcome.wallMs / 1000).toFixed(2) : outcome.reached} s`,
    );
    for (const [i, s] of sessions.entries()) {
      const { profile } = (await s.send('Profiler.stop')) as {
        profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
      };
      const file = join(out, `${i === 0 ? 'lab-worker' : `helper-${i}`}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      const top = selfTimes(profile).slice(0, 15);
      console.log(`\n${file} (${s.url.split('/').pop()})`);
      console.table(top.map(([fn, ms]) => ({ function: fn, self_ms: Math.round(ms) })));
    }
  } finally {
    await browser.close();
    stop();
  }
}

void main();
