/**
 * `npm run bench:import`: rows/s of import (parse + validate + summary with fingerprint) for the generated
 * 100k- and 1M-row CSVs, in Node and in the built lab in headless Chromium (file input → summary shown),
 * with the longest main-thread task seen meanwhile. Medians of 3, each row with the 1-minute load average
 * before and after its runs (the cores are shared); writes bench/results-import.json.
 * `-- --only node` or `-- --only chromium` runs one side.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { Page } from '@playwright/test';
import { importTasksFromBytes } from '../src/core/data/import-tasks';
import { summarizeDataset } from '../src/core/data/summarize-dataset';
import {
  ensureGeneratedFiles,
  GENERATED,
  launchChromium,
  load1,
  median,
  startPreview,
  writeResults,
} from './bench/bench-util';

const RUNS = 3;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
type Row = {
  where: string;
  file: string;
  rows: number;
  medianMs: number;
  rowsPerSecond: number;
  longestMainTaskMs?: number;
  workerMs?: number;
  loadBefore: number;
  loadAfter: number;
};

async function benchNode(label: string, path: string): Promise<Row> {
  const bytes = new Uint8Array(readFileSync(path));
  const loadBefore = load1();
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const result = importTasksFromBytes(bytes, path);
    if (result.kind !== 'ok') throw new Error(result.message);
    await summarizeDataset(result.dataset);
    times.push(performance.now() - started);
    rows = result.dataset.tasks.length;
  }
  const ms = median(times);
  return {
    where: 'node',
    file: label,
    rows,
    medianMs: Math.round(ms),
    rowsPerSecond: Math.round(rows / (ms / 1000)),
    loadBefore,
    loadAfter: load1(),
  };
}

async function benchChromium(page: Page, label: string, path: string): Promise<Row> {
  const rows = label.startsWith('1M') ? 1_000_000 : 100_000;
  const loadBefore = load1();
  const times: number[] = [];
  const workerTimes: number[] = [];
  let longest = 0;
  for (let i = 0; i < RUNS; i++) {
    await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
    // Re-import a dataset of another size first, so each run waits for a real change of the count.
    if (i > 0) {
      await page.getByRole('button', { name: 'Load sample data' }).click();
      await page.getByTestId('task-count').filter({ hasText: /^917$/ }).waitFor();
    }
    const started = performance.now();
    await page.getByLabel('Import tasks', { exact: true }).setInputFiles(path);
    await page
      .getByTestId('task-count')
      .filter({ hasText: rows.toLocaleString('en-US') })
      .waitFor({ timeout: 120_000 });
    times.push(performance.now() - started);
    workerTimes.push(Number(await page.getByTestId('import-seconds').textContent()) * 1000);
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    longest = Math.max(longest, ...tasks, 0);
  }
  const ms = median(times);
  return {
    where: 'chromium',
    file: label,
    rows,
    medianMs: Math.round(ms),
    rowsPerSecond: Math.round(rows / (ms / 1000)),
    workerMs: Math.round(median(workerTimes)),
    longestMainTaskMs: Math.round(longest),
    loadBefore,
    loadAfter: load1(),
  };
}

async function main(): Promise<void> {
  ensureGeneratedFiles();
  const results: Row[] = [];
  if (only !== 'chromium')
    for (const [label, path] of Object.entries(GENERATED)) results.push(await benchNode(label, path));
  if (only !== 'node') await benchAllChromium(results);
  console.log(
    `\nimport benchmark — ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, node ${process.version}; median of ${RUNS}`,
  );
  console.table(results);
  writeResults('results-import', { generatedAt: new Date().toISOString(), cores: os.cpus().length, results });
}

async function benchAllChromium(results: Row[]): Promise<void> {
  const preview = await startPreview();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => w.__longTasks.push(e.duration)),
      ).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(preview.url);
    await page.getByTestId('task-count').filter({ hasText: /^917$/ }).waitFor();
    for (const [label, path] of Object.entries(GENERATED))
      results.push(await benchChromium(page, label, path));
  } finally {
    await browser.close();
    preview.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
