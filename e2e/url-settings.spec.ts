// Journeys: a link carries the lab's settings — opening it sets the lab up, the URL follows every change
// and survives a reload, a bad value is explained and the rest still applies, and the page copies its link.
import { expect, test, type Page } from '@playwright/test';
import { LabPage } from './pages/lab-page';

const card = (page: Page, label: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: label }) });
const seedField = (page: Page) => page.getByLabel('Seed', { exact: true });
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

async function openLink(page: Page, link: string): Promise<LabPage> {
  const lab = new LabPage(page);
  await page.goto(link);
  await expect(lab.taskCount).toHaveText('917');
  await expect(page.getByRole('checkbox', { name: '6. Per-user models' })).toBeVisible();
  return lab;
}

async function epochsOfFullRetrain(page: Page) {
  const fullRetrain = card(page, '1. Full retrain (no changes)');
  const open = await fullRetrain.locator('details').evaluate((d) => (d as HTMLDetailsElement).open);
  if (!open) await fullRetrain.getByText(/^Options/).click();
  return fullRetrain.getByLabel('Epochs', { exact: true });
}

test('a link sets the lab up, the URL follows the settings, and a reload keeps them', async ({ page }) => {
  const lab = await openLink(page, '/?keep=me&seed=7&full-retrain.epochs=5&off=per-user&mask=1#top');
  await expect(seedField(page)).toHaveValue('7');
  await expect(card(page, '1. Full retrain (no changes)').getByText('Options (changed)')).toBeVisible();
  await expect(await epochsOfFullRetrain(page)).toHaveValue('5');
  await expect(page.getByRole('checkbox', { name: '6. Per-user models' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: '5. Progressive training' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Mask user IDs' })).toBeChecked();
  await expect(page.getByTestId('link-problems')).toHaveCount(0);
  await expect(page.getByTestId('link-dataset')).toHaveCount(0);

  // The loaded dataset is named in the link; other parameters and the hash stay.
  const fingerprint = (await lab.fingerprint.textContent()) ?? '';
  await expect.poll(() => param(page, 'data')).toBe(fingerprint.replace('sha256:', '').slice(0, 12));
  expect(param(page, 'keep')).toBe('me');
  expect(new URL(page.url()).hash).toBe('#top');

  const historyLength = await page.evaluate(() => history.length);
  await seedField(page).fill('8');
  await expect.poll(() => param(page, 'seed')).toBe('8');
  await page.getByRole('checkbox', { name: '6. Per-user models' }).check();
  await expect.poll(() => param(page, 'off')).toBeNull();
  // Settings are replaced in place, not pushed: Back still leaves the lab.
  expect(await page.evaluate(() => history.length)).toBe(historyLength);

  await page.reload();
  await expect(lab.taskCount).toHaveText('917');
  await expect(seedField(page)).toHaveValue('8');
  await expect(await epochsOfFullRetrain(page)).toHaveValue('5');
  await expect(page.getByRole('checkbox', { name: '6. Per-user models' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Mask user IDs' })).toBeChecked();
});

test('a bad value is explained, the rest of the link applies and trains', async ({ page }) => {
  test.setTimeout(180_000);
  const others = 'architecture-fixes,balanced-sampling,weighted-loss,progressive,per-user';
  const lab = await openLink(
    page,
    `/?seed=abc&backend=wasm&full-retrain.epochs=2&full-retrain.batchSize=0&off=${others}&data=000000000000`,
  );
  const problems = page.getByTestId('link-problems');
  await expect(problems).toContainText('Ignored link setting seed=abc: not a number.');
  await expect(problems).toContainText('Ignored link setting full-retrain.batchSize=0: must be at least 1.');
  await expect(lab.alert).toHaveCount(0); // role="alert" is for import problems
  const fingerprint = (await lab.fingerprint.textContent()) ?? '';
  await expect(page.getByTestId('link-dataset')).toHaveText(
    `This link was made for dataset 000000000000; the loaded data (${fingerprint.slice(7, 19)}) differs, so results will not match.`,
  );
  await expect(seedField(page)).toHaveValue('42');
  await expect(page.getByLabel('Backend')).toHaveValue('wasm');
  // The URL drops what was ignored and names the data now loaded.
  await expect.poll(() => param(page, 'data')).toBe(fingerprint.slice(7, 19));
  expect(param(page, 'seed')).toBeNull();
  expect(param(page, 'full-retrain.batchSize')).toBeNull();

  await lab.trainAll();
  await expect(lab.status).toHaveText('All strategies trained', { timeout: 150_000 });
  const report = (await lab.downloadReport()) as {
    seed: number;
    backend: string;
    strategies: { id: string; options: { epochs: number; batchSize: number } }[];
  };
  expect(report.seed).toBe(42);
  expect(report.backend).toBe('wasm');
  expect(report.strategies.map((s) => [s.id, s.options.epochs, s.options.batchSize])).toEqual([
    ['full-retrain', 2, 32],
  ]);
});

test('the copied link opens the lab with the same settings', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openLink(page, '/?t.maxVarianceRatio=4');
  await seedField(page).fill('11');
  await page.getByRole('checkbox', { name: '3. Balanced sampling' }).uncheck();
  // Copied at once, before the debounced URL update: the link is built from the settings themselves.
  await page.getByRole('button', { name: 'Copy link to these settings' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const link = new URL(copied);
  expect(link.searchParams.get('seed')).toBe('11');
  expect(link.searchParams.get('off')).toBe('balanced-sampling');
  expect(link.searchParams.get('t.maxVarianceRatio')).toBe('4');

  // Without a clipboard the link is offered in a selected read-only field.
  await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  await page.getByRole('button', { name: 'Copy link to these settings' }).click();
  const field = page.getByLabel(/Link to these settings/);
  await expect(field).toHaveValue(copied);
  await expect(field).toBeFocused();

  await openLink(page, link.pathname + link.search);
  await expect(seedField(page)).toHaveValue('11');
  await expect(page.getByRole('checkbox', { name: '3. Balanced sampling' })).not.toBeChecked();
});
