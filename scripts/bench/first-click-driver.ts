/**
 * The bench's first-click row: what a person meets — a new browser context (no cache, no IndexedDB), the
 * lab opened, "Train all strategies" clicked as soon as the sample shows, every setting at its default —
 * timed to all six's first results and to every seed done.
 */
import type { Browser } from '@playwright/test';
import { load1, median, wallSummary } from './bench-util';
import { openLab } from './lab-driver';
import { downloadReport, trainOnce } from './train-once';

export interface FirstClickMeasure {
  load1: number;
  /** goto → the sample's 917 tasks shown. */
  readyMs: number;
  /** Train all strategies clicked (at once, Backend = Auto) → "All strategies trained". */
  wallMs: number;
  /** Clicked → every strategy's first seed done (the table shows six results, intervals still to come). */
  firstResultsMs: number | null;
  backendLine: string;
  strategyMs: Record<string, number>;
}

/**
 * What a person meets: a new browser context (no cache, no IndexedDB), the lab opened, "Train all
 * strategies" clicked as soon as the sample shows, with every setting at its default (Backend Auto,
 * Training workers Auto, Lab default). Each run is a fresh context.
 */
export async function measureFirstClick(
  browser: Browser,
  url: string,
  runs: number,
): Promise<{ runs: FirstClickMeasure[]; summary: Record<string, string | number> }> {
  const out: FirstClickMeasure[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ acceptDownloads: true });
    try {
      const page = await context.newPage();
      const l = load1();
      const opened = performance.now();
      await openLab(page, url);
      const readyMs = performance.now() - opened;
      const outcome = await trainOnce(page, 120_000);
      if ('reached' in outcome) throw new Error(`first click over budget: ${outcome.reached}`);
      const report = await downloadReport(page);
      out.push({
        load1: l,
        readyMs: Math.round(readyMs),
        wallMs: Math.round(outcome.wallMs),
        firstResultsMs: outcome.firstResultsMs === undefined ? null : Math.round(outcome.firstResultsMs),
        backendLine: (await page.getByTestId('backend-decision').textContent()) ?? '',
        // Every seed's training (report schema 2 `runs[]`), so rates over repeated runs count all the work done.
        strategyMs: Object.fromEntries(
          report.strategies.map((s) => [
            s.id,
            Math.round((s.runs ?? [s]).reduce((sum, r) => sum + r.trainMs, 0)),
          ]),
        ),
      });
      console.error(`  first click ${i + 1}: ${(outcome.wallMs / 1000).toFixed(2)} s (load ${l})`);
    } finally {
      await context.close();
    }
  }
  return {
    runs: out,
    summary: {
      data: 'sample',
      preset: 'lab',
      backend: 'auto (fresh page)',
      workersChosen: 'auto',
      ...wallSummary(out),
      // Six results on the page, seed 1 (the remaining seeds add intervals and pass rates after).
      firstResults_s: Number((median(out.map((r) => r.firstResultsMs ?? NaN)) / 1000).toFixed(2)),
      ready_s: Number((median(out.map((r) => r.readyMs)) / 1000).toFixed(2)),
      load1: out.map((r) => r.load1).join(' '),
    },
  };
}
