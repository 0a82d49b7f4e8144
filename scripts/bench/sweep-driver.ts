/**
 * The bench's sweep row (issue 16's budget: ≤ 30 s here): in a new page on the sample with every setting at
 * its default (Backend Auto, Training workers Auto, Lab default), Balanced sampling's cap swept over
 * 25,50,100,150,300 with 5 repeats — click "Run sweep" → "Sweep done", and the longest gap between frames.
 */
import type { Browser } from '@playwright/test';
import { load1, wallSummary } from './bench-util';
import { openLab } from './lab-driver';
import { textMatches } from './train-once';

export async function measureSweep(
  browser: Browser,
  url: string,
  runs: number,
): Promise<{
  runs: { wallMs: number; longestFrameGapMs: number; load1: number }[];
  summary: Record<string, string | number>;
}> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const out: { wallMs: number; longestFrameGapMs: number; load1: number }[] = [];
  try {
    const page = await context.newPage();
    await openLab(page, url);
    const panel = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: '6. Sweep a setting' }) });
    const status = '[data-testid="sweep-status"]';
    for (let i = 0; i < runs; i++) {
      await panel.getByLabel('Sweep from').selectOption({ label: '3. Balanced sampling' });
      await panel.getByLabel('Parameter', { exact: true }).selectOption({ label: 'Cap per user' });
      await panel.getByLabel('Values', { exact: true }).fill('25,50,100,150,300');
      await panel.getByLabel('Sweep repeats').fill('5');
      // A string, not a function: tsx names inner functions with a helper the page does not have.
      await page.evaluate(`(() => {
        window.__gaps = []; window.__stop = false;
        let last = performance.now();
        const tick = (t) => { window.__gaps.push(t - last); last = t; if (!window.__stop) requestAnimationFrame(tick); };
        requestAnimationFrame(tick);
      })()`);
      const l = load1();
      const started = performance.now();
      await panel.getByRole('button', { name: 'Run sweep' }).click();
      // Past the previous run's "Sweep done" first.
      await textMatches(page, status, /^(?!Sweep done)/, 10_000).catch(() => undefined);
      const wallMs = (await textMatches(page, status, /^Sweep done/, 300_000)) - started;
      const gaps = await page.evaluate(() => {
        const w = window as unknown as { __gaps: number[]; __stop: boolean };
        w.__stop = true;
        return w.__gaps;
      });
      out.push({ wallMs: Math.round(wallMs), longestFrameGapMs: Math.round(Math.max(0, ...gaps)), load1: l });
      console.error(`  sweep ${i + 1}: ${(wallMs / 1000).toFixed(2)} s (load ${l})`);
    }
  } finally {
    await context.close();
  }
  return {
    runs: out,
    summary: {
      data: 'sample',
      what: 'sweep: Balanced sampling, cap 25…300 (5 values) × 5 seeds, Lab default, Auto',
      ...wallSummary(out),
      longestFrameGap_ms: Math.max(...out.map((r) => r.longestFrameGapMs)),
      load1: out.map((r) => r.load1).join(' '),
    },
  };
}
