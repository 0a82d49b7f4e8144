/**
 * The bench's cancel rows (issue 18: "Cancel ≤ 1 s in every phase"): on one data set, in a new page with every
 * setting at its default (Backend Auto, Training workers Auto, Lab default, 5 repeats), one full run gives its
 * length; then runs are cancelled at fixed shares of it (scoring the reference rows, training, the last
 * strategies, the comparisons) and each row times click "Cancel training" → "Cancelling" (the worker has
 * stopped training) and → "Training cancelled" (what finished has its intervals and comparisons).
 */
import type { Browser, Page } from '@playwright/test';
import { load1 } from './bench-util';
import { loadData, openLab, type DataName } from './lab-driver';
import { DONE, STATUS, textMatches, trainOnce } from './train-once';

/** When to cancel, as shares of a full run's length. */
const AT = [0.02, 0.1, 0.3, 0.6, 0.9, 0.97];

export interface CancelMeasure {
  /** The share of a full run at which Cancel was clicked, and seconds since Train. */
  at: number;
  clickedAfterMs: number;
  /** What the status said when Cancel was clicked (the phase). */
  statusAtClick: string;
  /** Click → status "Cancelling" (the worker stopped training); `finished` when the run ended first. */
  stoppedMs: number | 'finished';
  /** Click → status "Training cancelled" (what finished has its intervals and comparisons). */
  cancelMs: number | 'finished';
  load1: number;
}

async function cancelAt(page: Page, afterMs: number, at: number): Promise<CancelMeasure> {
  const status = page.getByRole('status');
  const l = load1();
  await page.getByRole('button', { name: 'Train all strategies' }).click();
  const started = performance.now();
  await page.waitForTimeout(afterMs);
  const statusAtClick = (await status.textContent()) ?? '';
  const cancel = page.getByRole('button', { name: 'Cancel training' });
  const clicked = performance.now();
  // The run may end between looking and clicking: a click that cannot happen is a run that finished.
  const took = await cancel
    .click({ timeout: 2_000 })
    .then(() => true)
    .catch(() => false);
  if (!took) {
    await status.filter({ hasText: DONE }).waitFor({ timeout: 120_000 });
    return {
      at,
      clickedAfterMs: Math.round(clicked - started),
      statusAtClick,
      stoppedMs: 'finished',
      cancelMs: 'finished',
      load1: l,
    };
  }
  const ackAt = await textMatches(
    page,
    STATUS,
    /^Cancelling|Training cancelled|All strategies trained/,
    120_000,
  );
  const endAt = await textMatches(page, STATUS, /Training cancelled|All strategies trained/, 120_000);
  const text = (await status.textContent()) ?? '';
  const finished = text.includes(DONE);
  return {
    at,
    clickedAfterMs: Math.round(clicked - started),
    statusAtClick: statusAtClick.slice(0, 90),
    stoppedMs: finished ? 'finished' : Math.round(ackAt - clicked),
    cancelMs: finished ? 'finished' : Math.round(endAt - clicked),
    load1: l,
  };
}

export async function measureCancel(
  browser: Browser,
  url: string,
  data: DataName,
): Promise<{ fullRunMs: number; rows: CancelMeasure[]; summary: Record<string, string | number> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await openLab(page, url);
    await loadData(page, data);
    // The second full run is the reference: the first pays for warming up, and later ones do not.
    let fullRunMs = 0;
    for (let i = 0; i < 2; i++) {
      const outcome = await trainOnce(page, 900_000);
      if ('reached' in outcome) throw new Error(`a full run of ${data} passed 900 s: ${outcome.reached}`);
      fullRunMs = outcome.wallMs;
    }
    const rows: CancelMeasure[] = [];
    for (const at of AT) {
      const row = await cancelAt(page, at * fullRunMs, at);
      rows.push(row);
      console.error(`  cancel at ${Math.round(at * 100)} %: ${JSON.stringify(row)}`);
    }
    const seconds = (pick: (r: CancelMeasure) => number | 'finished') => {
      const times = rows.map(pick).filter((t): t is number => typeof t === 'number');
      return times.length ? Math.max(...times) / 1000 : '–';
    };
    return {
      fullRunMs: Math.round(fullRunMs),
      rows,
      summary: {
        data,
        what: 'click Cancel → "Cancelling" / "Training cancelled", at shares of a full run (Auto, Lab default, 5 repeats)',
        fullRun_s: Math.round(fullRunMs / 100) / 10,
        cancels: rows.filter((r) => typeof r.cancelMs === 'number').length,
        worstStopped_s: seconds((r) => r.stoppedMs),
        worstCancelled_s: seconds((r) => r.cancelMs),
        each_s: rows
          .map((r) =>
            typeof r.cancelMs === 'number'
              ? `${(r.stoppedMs as number) / 1000}/${r.cancelMs / 1000}`
              : r.cancelMs,
          )
          .join(', '),
      },
    };
  } finally {
    await context.close();
  }
}
