/**
 * The step probe in headless Chromium: builds scripts/bench/probe/ with Vite (its own outDir and port),
 * runs the probe on the page's main thread and in a module worker, and lists the .wasm files fetched.
 *   npx tsx scripts/bench/probe-browser.ts [wasm|cpu] [--no-minify]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { build, preview } from 'vite';
import { launchChromium } from './bench-util';

const backend = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'wasm';
const minify = !process.argv.includes('--no-minify');
// With --cpu-profile the page-thread probe runs under the DevTools profiler and its profile is written out.
const cpuProfile = process.argv.includes('--cpu-profile');
// With --timeout-yield trainHead yields between epochs with setTimeout(0) again (before/after comparison).
const timeoutYield = process.argv.includes('--timeout-yield');
const root = resolve('scripts/bench/probe');
const outDir = resolve('dist-e2e-probe');
const port = 4192;
mkdirSync('bench', { recursive: true });

await build({
  root,
  configFile: false,
  logLevel: 'error',
  worker: { format: 'es' },
  build: { outDir, emptyOutDir: true, target: 'es2022', minify },
  resolve: {
    alias: timeoutYield ? [{ find: /^\.\/yield-task$/, replacement: resolve(root, 'timeout-yield.ts') }] : [],
  },
});
const server = await preview({
  root,
  configFile: false,
  logLevel: 'error',
  build: { outDir },
  preview: { host: '127.0.0.1', port, strictPort: true },
});
// PROBE_CHROMIUM_ARGS, e.g. "--js-flags=--no-maglev --trace-deopt" (several: separated by |), to test an engine setting against the default.
const extraArgs = process.env.PROBE_CHROMIUM_ARGS?.split('|').filter(Boolean) ?? [];
const browser = await launchChromium(extraArgs);
try {
  const context = await browser.newContext();
  const wasmFiles: string[] = [];
  context.on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasmFiles.push(r.url().replace(/^.*\//, ''));
  });
  const page = await context.newPage();
  page.on('console', (m) => console.error(`[page] ${m.text()}`));
  await page.goto(`http://127.0.0.1:${port}/`);
  const csv = readFileSync('public/samples/seed-shaped.csv', 'utf8');
  type Probe = (csv: string, backend: string) => Promise<unknown>;
  const run = async (where: 'page' | 'worker') => ({
    where,
    loadBefore: os.loadavg()[0],
    ...((await page.evaluate(
      ([fn, text, b]) =>
        (window as unknown as Record<string, Probe>)[fn as string]?.(text as string, b as string),
      [where === 'page' ? '__probePage' : '__probeWorker', csv, backend],
    )) as object),
  });
  const results = [await run('worker')];
  const cdp = cpuProfile ? await context.newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  results.push(await run('page'));
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync('bench/results-probe-page.cpuprofile.json', JSON.stringify(profile));
    console.error('wrote bench/results-probe-page.cpuprofile.json');
  }
  console.log(JSON.stringify({ minify, timeoutYield, extraArgs, wasmFiles, results }, null, 1));
} finally {
  await browser.close();
  await new Promise<void>((r) => server.httpServer.close(() => r()));
}
