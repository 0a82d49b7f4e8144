/**
 * `npm run bench [-- --quick]`: drives the built lab in headless Chromium as a person would (Backend
 * select, preset, "Train all strategies", "Download report") and records per strategy and data size the
 * train time on wasm, cpu and webgl, click → "All strategies trained", the longest main-thread task, the
 * worker's tf tensor count after each run, import rows/s and the load average. Writes bench/results.json.
 */
import os from 'node:os';
import type { Page } from '@playwright/test';
import { ensureGeneratedFiles, launchChromium, startPreview, writeResults } from './bench/bench-util';
import { measureRun, openLab, type Scenario, type ScenarioResult } from './bench/lab-driver';

const quick = process.argv.includes('--quick');
const PORT = 4191;
const OUT_DIR = 'dist-e2e-bench'; // ignored by git (dist-e2e-*), apart from every E2E_PORT build

// Budgets cap what SwiftShader and the big file may take; beyond them a row says so instead of a time.
const SCENARIOS: Scenario[] = [
  { data: 'sample', preset: 'quick', backend: 'wasm', runs: 5, budgetMs: 120_000 },
  { data: 'sample', preset: 'quick', backend: 'cpu', runs: quick ? 1 : 3, budgetMs: 180_000 },
  { data: 'sample', preset: 'quick', backend: 'webgl', runs: 1, budgetMs: quick ? 90_000 : 150_000 },
  ...(quick
    ? []
    : ([
        { data: 'sample', preset: 'seed-faithful', backend: 'wasm', runs: 3, budgetMs: 240_000 },
        { data: 'sample', preset: 'seed-faithful', backend: 'cpu', runs: 1, budgetMs: 300_000 },
        { data: 'sample', preset: 'seed-faithful', backend: 'webgl', runs: 1, budgetMs: 0 },
        { data: 'medium', preset: 'quick', backend: 'wasm', runs: 3, budgetMs: 240_000 },
        { data: '100k', preset: 'quick', backend: 'wasm', runs: 1, budgetMs: 240_000 },
      ] satisfies Scenario[])),
];

async function main(): Promise<void> {
  if (!quick) ensureGeneratedFiles();
  const preview = await startPreview(PORT, { outDir: OUT_DIR });
  const browser = await launchChromium();
  const results: ScenarioResult[] = [];
  try {
    const page: Page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await openLab(page, preview.url);
    for (const scenario of SCENARIOS) {
      console.error(
        `${scenario.data} ${scenario.preset} ${scenario.backend} (load ${os.loadavg()[0]?.toFixed(2)})`,
      );
      const result = await measureRun(page, scenario, results);
      results.push(result);
      console.error(`  → ${JSON.stringify(result.summary)}`);
    }
  } finally {
    await browser.close();
    preview.stop();
  }
  printTable(results);
  writeResults('results', {
    generatedAt: new Date().toISOString(),
    quick,
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', node: process.version },
    results,
  });
}

function printTable(results: ScenarioResult[]): void {
  console.log(`\nlab benchmark (headless Chromium) — ${os.cpus().length} cores; seconds, medians`);
  console.table(results.map((r) => r.summary));
  const ids = [...new Set(results.flatMap((r) => Object.keys(r.strategyMs)))];
  console.log('train time per strategy (s, median):');
  console.table(
    Object.fromEntries(
      results
        .filter((r) => Object.keys(r.strategyMs).length > 0)
        .map((r) => [
          `${r.scenario.data} ${r.scenario.preset} ${r.scenario.backend}`,
          Object.fromEntries(
            ids.map((id) => [id, r.strategyMs[id] === undefined ? '–' : r.strategyMs[id] / 1000]),
          ),
        ]),
    ),
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
