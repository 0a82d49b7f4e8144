// Journey: the lab as a person meets it, on a phone (360 px) and a desktop (1440 px): it loads without a
// console error or a failed request (favicon included), no view scrolls sideways, and axe finds no serious
// or critical violation on any view — before training and with every chart drawn.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './pages/lab-page';

const VIEWS = ['Lab', 'Try a learner', 'Run history', 'Stakeholder summary'];
const WIDTHS = [360, 1440];

async function seriousViolations(page: Page): Promise<string[]> {
  // The hidden views are left out: axe checks nothing in them, yet walked the Lab view's charts and tables
  // on every other view (about 0.4 s each).
  const axe = await new AxeBuilder({ page }).exclude('[role="tabpanel"][hidden]').analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function checkEveryView(lab: LabPage, when: string): Promise<void> {
  for (const width of WIDTHS) {
    await lab.page.setViewportSize({ width, height: 900 });
    for (const view of VIEWS) {
      await lab.openView(view);
      await expect(lab.page.getByRole('tabpanel', { name: view })).toBeVisible();
      expect(await lab.horizontalOverflow(), `${when}, ${view} at ${width} px scrolls sideways`).toBe(0);
      expect(await seriousViolations(lab.page), `${when}, ${view} at ${width} px`).toEqual([]);
    }
  }
  await lab.openView('Lab');
}

test('every view fits 360 px and 1440 px, loads cleanly and passes axe', async ({ page }) => {
  test.setTimeout(420_000);
  const consoleErrors: string[] = [];
  const failed: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
  const lab = new LabPage(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await lab.open();
  // The icon the browser asks for is served, not a 404.
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(icon).toBeTruthy();
  expect((await page.request.get(new URL(icon ?? '', page.url()).href)).status()).toBe(200);
  await expect(lab.tab('Lab')).toBeVisible();

  await checkEveryView(lab, 'untrained');
  await lab.trainQuickly();
  await expect(page.getByRole('figure', { name: /response to consecutive answers/i })).toBeVisible();
  await checkEveryView(lab, 'trained');

  // A wide table scrolls inside its own box at 360 px, and the box can be scrolled by keyboard.
  await page.setViewportSize({ width: 360, height: 800 });
  const box = page.getByRole('region', { name: 'Training influence (scrolls sideways)' });
  await expect(box).toBeVisible();
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await expect(box).toHaveAttribute('tabindex', '0');

  expect(consoleErrors).toEqual([]);
  expect(failed).toEqual([]);
});
