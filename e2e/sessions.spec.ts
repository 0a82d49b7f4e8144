// Journeys: restore never drops silently. A first visit trains on the auto-loaded sample and reloads:
// the results come back. Two tabs each keep their own dataset across reloads; a new tab restores the
// latest session and says it came from another open tab.
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './pages/lab-page';

const OTHERS = [
  '1. Full retrain (no changes)',
  '2. Full retrain (with fixes)',
  '3. Balanced sampling',
  '5. Progressive training',
  '6. Per-user models',
];

/** The sample without its first `drop` rows, as a file of its own (so each tab's data is told apart). */
async function sampleWithout(drop: number, path: string): Promise<string> {
  const lines = (await readFile('fixtures/seed-shaped.csv', 'utf8')).trim().split('\n');
  await writeFile(path, [lines[0], ...lines.slice(1 + drop)].join('\n'));
  return path;
}

/** Session writes wait a moment after the last change: give them that before leaving a page. */
const settle = (page: Page) => page.waitForTimeout(1500);

test('a first visit: results trained on the auto-loaded sample come back after a reload', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  await lab.open();
  await expect(page.getByTestId('session-note')).toHaveCount(0);
  await lab.quickPreset();
  for (const label of OTHERS) await page.getByRole('checkbox', { name: label, exact: true }).uncheck();
  await page.getByLabel('Backend').selectOption('wasm');
  await lab.trainAll();
  await expect(lab.status).toHaveText('All strategies trained', { timeout: 240_000 });
  const metrics = page.getByRole('table', { name: 'Held-out metrics by strategy' });
  const row = await metrics.getByRole('row').filter({ hasText: '4. Weighted loss' }).textContent();
  await settle(page);

  // A plain visit (the link now holds these settings, and a link's settings win over the kept ones).
  await page.goto('/');
  await expect(page.getByTestId('session-note')).toContainText(
    /Restored from your last session: settings \(seed 42\), seed-shaped\.csv \(sample\), results of 1 strategy/,
  );
  await expect(metrics.getByRole('row').filter({ hasText: '4. Weighted loss' })).toHaveText(row ?? '');
  await expect(page.getByTestId('session-note')).not.toContainText('Not restored');
});

test('two tabs keep their own datasets; a new tab says whose session it restored', async ({
  context,
}, testInfo) => {
  test.setTimeout(240_000);
  const a = new LabPage(await context.newPage());
  await a.open();
  const b = new LabPage(await context.newPage());
  await b.page.goto('/');
  // B had no session of its own: it took A's (the sample), and said so.
  await expect(b.page.getByTestId('session-note')).toContainText(
    'Restored from the session of another open tab of the lab (this tab keeps its own from now on)',
  );
  await a.importFile(await sampleWithout(117, testInfo.outputPath('tab-a.csv')));
  await expect(a.taskCount).toHaveText('800');
  // A's session write waits 400 ms after its import, and A is a background tab now (B was opened last), so
  // Chromium may hold that timer up to the next second: B's import must come after it, or A's write lands
  // last and a new tab rightly restores A's (seen once in CI).
  await settle(a.page);
  await b.importFile(await sampleWithout(17, testInfo.outputPath('tab-b.csv')));
  await expect(b.taskCount).toHaveText('900');
  await settle(a.page);

  // Each reload brings back the tab's own dataset, whoever wrote last.
  await a.page.reload();
  await expect(a.taskCount).toHaveText('800');
  await expect(a.page.getByTestId('session-note')).toContainText(
    'Restored from your last session: tab-a.csv',
  );
  await b.page.reload();
  await expect(b.taskCount).toHaveText('900');
  // B took A's session when it opened, settings included, and keeps them as its own.
  await expect(b.page.getByTestId('session-note')).toContainText(
    'Restored from your last session: settings (seed 42), tab-b.csv',
  );

  // A new tab has none of its own: it restores the latest saved one, and says it is another tab's.
  const c = new LabPage(await context.newPage());
  await c.page.goto('/');
  await expect(c.page.getByTestId('session-note')).toContainText(
    /^Restored from the session of another open tab of the lab \(this tab keeps its own from now on\): .*tab-b\.csv/,
  );
  await expect(c.taskCount).toHaveText('900');
});
