/**
 * `npm run screens -- [--data sample|FILE.csv] [--out DIR] [--quick] [--second-run]`: looks at the built lab as a person
 * would — loads the data, trains every strategy, then photographs every view (tab) at 360 px and 1440 px,
 * whole pages and each panel on its own, plus one frame while the run is going. For judging layout and
 * charts by eye; nothing is asserted (the e2e journeys do that).
 */
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { launchChromium, load1, startPreview } from './bench/bench-util';

const arg = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const data = arg('data') ?? 'sample';
const out = arg('out') ?? '.scratch/screens';
const quick = process.argv.includes('--quick');
const port = Number(process.env.E2E_PORT ?? 4207) + 1000;
const WIDTHS = [1440, 360];

async function shootViews(page: Page, stem: string): Promise<void> {
  const tabs = page.getByRole('tab');
  const names = await tabs.allTextContents();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const name of names) {
      await page.getByRole('tab', { name, exact: true }).click();
      await page.waitForTimeout(600);
      const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      const docWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      console.error(`${stem} ${width}px ${name}: document ${docWidth}px wide`);
      await page.screenshot({ path: join(out, `${stem}-${width}-${slug}.png`), fullPage: true });
      const figures = page.locator('[role="tabpanel"]:not([hidden]) figure.chart');
      const figureCount = await figures.count();
      for (let i = 0; i < figureCount; i++) {
        await figures.nth(i).screenshot({ path: join(out, `${stem}-${width}-${slug}-figure${i + 1}.png`) });
      }
      const panels = page.locator('[role="tabpanel"]:not([hidden]) section.panel');
      const count = await panels.count();
      for (let i = 0; i < count; i++) {
        await panels.nth(i).screenshot({ path: join(out, `${stem}-${width}-${slug}-panel${i + 1}.png`) });
      }
    }
  }
  await page.getByRole('tab').first().click();
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const preview = await startPreview(port, { outDir: `dist-e2e-${port}` });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    page.on('console', (m) => m.type() === 'error' && console.error(`console error: ${m.text()}`));
    await page.goto(preview.url);
    await expect(page.getByTestId('task-count')).toHaveText('917', { timeout: 60_000 });
    const stem = data === 'sample' ? 'sample' : basename(data).replace(/\.[a-z]+$/, '');
    if (data !== 'sample') {
      await page.getByLabel('Import tasks').setInputFiles(data);
      await expect(page.getByTestId('task-count')).not.toHaveText('917', { timeout: 120_000 });
    }
    await shootViews(page, `${stem}-untrained`);
    await page.setViewportSize({ width: 1440, height: 900 });
    if (quick) await page.getByRole('button', { name: /^Quick/ }).click();
    const started = Date.now();
    await page.getByRole('button', { name: 'Train all strategies' }).click();
    await page.waitForTimeout(4000);
    await page
      .locator('section[aria-labelledby="train-heading"]')
      .screenshot({ path: join(out, `${stem}-training.png`) });
    await expect(page.getByRole('status').first()).toHaveText(/trained|failed|cancelled/, {
      timeout: 900_000,
    });
    console.error(`trained in ${((Date.now() - started) / 1000).toFixed(1)} s (load ${load1()})`);
    if (process.argv.includes('--second-run')) {
      // A second, quicker run with another seed: the history shows what changed, and two runs to compare.
      await page.getByRole('spinbutton', { name: 'Seed' }).fill('7');
      await page.getByRole('button', { name: /^Quick/ }).click();
      await page.getByRole('button', { name: 'Train all strategies' }).click();
      await expect(page.getByRole('status').first()).toHaveText(/trained|failed|cancelled/, {
        timeout: 900_000,
      });
    }
    // Try a learner with the three latest answers flipped, so the changes show.
    await page.getByRole('tab', { name: 'Try a learner' }).click();
    for (const n of [6, 7, 8]) {
      const toggle = page.getByRole('button', { name: new RegExp(`^Answer ${n}: `) });
      if ((await toggle.count()) > 0) await toggle.click();
    }
    await page.getByRole('tab', { name: 'Lab' }).click();
    await page.waitForTimeout(1500);
    await shootViews(page, stem);
  } finally {
    await browser.close();
    preview.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
