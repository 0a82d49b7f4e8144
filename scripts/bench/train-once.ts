/**
 * One click of "Train all strategies" as the bench times it: to the run's end ("All strategies trained"),
 * and to when every strategy shows its first seed's result; and the report downloaded afterwards.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';

export const DONE = 'All strategies trained';

/** The report of the runs shown, as "Download report" saves it. */
export async function downloadReport(page: Page): Promise<{
  strategies: {
    id: string;
    trainMs: number;
    runs?: { trainMs: number }[];
    test?: { logLoss: number | null };
  }[];
}> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download report' }).click(),
  ]);
  return JSON.parse(await readFile(await download.path(), 'utf8')) as never;
}

/**
 * Resolves, with this process's performance.now(), once the text of `selector` in the page matches
 * `pattern`, read every 25 ms in the page. Not a locator's waitFor: it re-checks at growing intervals (up to
 * 500 ms and more), which added 0.5–1 s to every time measured with it (a 5-seed first click the page showed
 * done at 4.7 s was timed at 5.6–5.7 s).
 */
export function textMatches(page: Page, selector: string, pattern: RegExp, timeout: number): Promise<number> {
  return page
    .waitForFunction(
      ({ at, source, flags }) =>
        new RegExp(source, flags).test(document.querySelector(at)?.textContent ?? ''),
      { at: selector, source: pattern.source, flags: pattern.flags },
      { polling: 25, timeout },
    )
    .then(() => performance.now());
}

/** The training status (one per page). */
export const STATUS = '[role="status"]';

/**
 * Resolves when the status says that at least `strategies` runs are done ("… (6 of 30 runs done)") or
 * that the run ended: with seed-major order, about when every strategy shows its first seed's result.
 */
function firstResults(page: Page, strategies: number, started: number): Promise<number> {
  return page
    .waitForFunction(
      ({ n, done }) => {
        const text = document.querySelector('[role="status"]')?.textContent ?? '';
        const m = /\((\d+) of \d+ runs done\)/.exec(text);
        return (m !== null && Number(m[1]) >= n) || text.includes(done);
      },
      { n: strategies, done: DONE },
      { polling: 25, timeout: 120_000 },
    )
    .then(() => performance.now() - started);
}

/** Trains once; on a spent budget the run is cancelled and `reached` says how far it got. */
export async function trainOnce(
  page: Page,
  budgetMs: number,
): Promise<{ wallMs: number; firstResultsMs?: number } | { reached: string; ms: number }> {
  const status = page.getByRole('status');
  const started = performance.now();
  await page.getByRole('button', { name: 'Train all strategies' }).click();
  await textMatches(page, STATUS, new RegExp(`^(?!${DONE})`), 10_000).catch(() => undefined);
  // Watched once the status no longer reads the previous run's "All strategies trained".
  const first = firstResults(page, 6, started).catch(() => undefined);
  try {
    const wallMs = (await textMatches(page, STATUS, new RegExp(DONE), budgetMs)) - started;
    return { wallMs, firstResultsMs: await first };
  } catch {
    const reached = (await status.textContent()) ?? '';
    const ms = performance.now() - started;
    await page.getByRole('button', { name: 'Cancel training' }).click();
    await status.filter({ hasText: /cancelled|failed/i }).waitFor({ timeout: 120_000 });
    return { reached, ms };
  }
}
