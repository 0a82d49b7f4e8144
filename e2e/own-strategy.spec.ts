// Journey: your own strategy. Start from a preset, change ingredients, name it (a recipe the lab cannot
// train is refused with the reason); it trains and compares beside the others, goes into the report with
// its recipe, exports as a model bundle that reloads with the same predictions, survives a reload, and
// travels in the link to a fresh browser; removing it removes its result.
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { validateReport } from '../src/core/report/report-schema';
import { CATALOGUE } from '../src/core/strategies/catalogue';
import { LabPage } from './pages/lab-page';

const NAME = 'Half weights, cap 100';
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);
const metrics = (page: Page) => page.getByRole('table', { name: 'Held-out metrics by strategy' });
const editor = (page: Page) => page.getByRole('form', { name: /Add your own strategy|^Edit / });

test('own strategy: make it, train, compare, export, reload, and share it by link', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  await lab.open();
  // An imported file (not the built-in sample) is kept with its results for the next visit.
  await lab.importFile('fixtures/seed-shaped.csv');
  await expect(page.getByRole('heading', { name: /Dataset: seed-shaped\.csv$/ })).toBeVisible();
  await lab.quickPreset();
  // Only the preset it starts from trains beside it, to keep the journey short.
  for (const p of CATALOGUE.filter((p) => p.id !== 'weighted-loss'))
    await page.getByRole('checkbox', { name: p.label, exact: true }).uncheck();

  await page.getByRole('button', { name: 'Add your own strategy' }).click();
  const form = editor(page);
  await form.getByLabel('Start from').selectOption({ label: '4. Weighted loss' });
  await form.getByLabel('Name').fill(NAME);
  await expect(form.getByLabel('Weight exponent')).toHaveValue('1');
  await form.getByLabel('Weight exponent').fill('0.5');
  await form.getByLabel('Cap per user', { exact: true }).selectOption('cap');
  await form.getByLabel('Cap per user: tasks kept').fill('100');
  // Schedule fields show only with their schedule.
  await expect(form.getByLabel('Fine-tune epochs')).toHaveCount(0);
  // An ingredient none of the six has: the monotone response path.
  await form.getByLabel('Monotone response').selectOption('on');
  await form.getByRole('button', { name: 'Add strategy' }).click();
  await expect(form).toHaveCount(0);

  const own = page.getByRole('checkbox', { name: NAME });
  await expect(own).toBeChecked();
  await expect(page.getByText(/at most 100 tasks per user · weights ∝ count\^−0\.5/)).toBeVisible();
  await expect.poll(() => param(page, 'own.my-1')).toBe(`weighted-loss:${NAME}`);
  expect(param(page, 'my-1.weightExponent')).toBe('0.5');
  expect(param(page, 'my-1.capPerUser')).toBe('100');
  const link = page.url();

  await page.getByLabel('Backend').selectOption('wasm');
  await lab.trainAll();
  await expect(lab.status).toHaveText('All strategies trained', { timeout: 180_000 });
  await expect(metrics(page).getByRole('rowheader', { name: NAME, exact: true })).toBeVisible();
  await expect(metrics(page).getByRole('rowheader', { name: '4. Weighted loss', exact: true })).toBeVisible();

  const report = (await lab.downloadReport()) as { strategies: Record<string, unknown>[] };
  const checked = validateReport(report);
  expect(checked.ok, checked.ok ? '' : checked.reason).toBe(true);
  expect(report.strategies.map((s) => s.id)).toEqual(['weighted-loss', 'my-1']);
  expect(report.strategies[1]).toMatchObject({
    status: 'ok',
    label: NAME,
    recipe: { architecture: 'v2', capPerUser: 100, weightExponent: 0.5 },
    options: { capPerUser: 100, weightExponent: 0.5 },
  });

  // Export it and load it back from the file.
  await page.getByLabel('Strategy to export').selectOption('my-1');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download model' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^retrain-lab-my-1-\d{4}-\d\d-\d\d\.zip$/);
  const bundle = testInfo.outputPath(download.suggestedFilename());
  await writeFile(bundle, await readFile(await download.path()));
  const manifest = JSON.parse(strFromU8(unzipSync(await readFile(bundle))['manifest.json'] as Uint8Array));
  expect(manifest.strategy).toMatchObject({ id: 'my-1', label: NAME, recipe: { weightExponent: 0.5 } });
  await page.getByLabel('Load model file').setInputFiles(bundle);
  const check = page.getByTestId('self-check');
  await expect(check).toContainText('Same predictions', { timeout: 60_000 });

  // The next visit (no settings in its link) brings the strategy and its result back from the browser.
  await page.waitForTimeout(1500); // the session is written a moment after each change
  await page.goto('/');
  await expect(page.getByTestId('session-note')).toContainText(
    /Restored from your last session: settings \(seed 42, 1 own strategy\), seed-shaped\.csv, results of 2 strategies/,
  );
  await expect(lab.taskCount).toHaveText('917');
  await expect(page.getByRole('checkbox', { name: NAME })).toBeChecked();
  await expect(metrics(page).getByRole('rowheader', { name: NAME, exact: true })).toBeVisible();

  // Masked, a name holding a user id shows the label instead.
  await page.getByRole('button', { name: `Edit ${NAME}` }).click();
  await editor(page).getByLabel('Name').fill('Tuned for bulk@example.com');
  await editor(page).getByRole('button', { name: 'Save changes' }).click();
  await page.getByLabel('Mask user IDs').check();
  await expect(page.getByRole('checkbox', { name: 'Tuned for User A' })).toBeVisible();
  await page.getByLabel('Mask user IDs').uncheck();

  // The link made before training opens the same strategy in a browser that never saw it.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByTestId('task-count')).toHaveText('917');
  await expect(other.getByRole('checkbox', { name: NAME })).toBeChecked();
  await other.getByRole('button', { name: `Edit ${NAME}` }).click();
  await expect(editor(other).getByLabel('Weight exponent')).toHaveValue('0.5');
  await expect(editor(other).getByLabel('Cap per user: tasks kept')).toHaveValue('100');
  await fresh.close();

  // Removing it removes its result, and the link forgets it.
  await page.getByRole('button', { name: 'Remove Tuned for bulk@example.com' }).click();
  await expect(page.getByRole('checkbox', { name: 'Tuned for bulk@example.com' })).toHaveCount(0);
  await expect(metrics(page).getByRole('rowheader', { name: /Tuned for/ })).toHaveCount(0);
  await expect.poll(() => param(page, 'own.my-1')).toBeNull();
});
