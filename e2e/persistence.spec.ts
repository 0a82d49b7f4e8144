// Journey: the session survives a reload — the imported file, the settings and the results come back with
// a visible "restored" note — and Clear all data removes everything, starting afresh from the sample.
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/lab-page';

const OFF = [
  '1. Full retrain (no changes)',
  '2. Full retrain (with fixes)',
  '3. Balanced sampling',
  '6. Per-user models',
];

test('dataset, settings and results are restored after a reload; Clear all data forgets them', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const lab = new LabPage(page);
  await lab.open();
  await expect(page.getByTestId('session-note')).toHaveCount(0);

  // A file of its own (the sample minus its first 117 rows), so the restore cannot be the sample.
  const lines = (await readFile('fixtures/seed-shaped.csv', 'utf8')).trim().split('\n');
  const path = testInfo.outputPath('my-export.csv');
  await writeFile(path, [lines[0], ...lines.slice(118)].join('\n'));
  await lab.importFile(path);
  await expect(lab.taskCount).toHaveText('800');

  await lab.quickPreset();
  for (const label of OFF) await page.getByRole('checkbox', { name: label, exact: true }).uncheck();
  await page.getByRole('spinbutton', { name: 'Seed' }).fill('7');
  await page.getByLabel('Backend').selectOption('wasm');
  await lab.trainAll();
  await expect(lab.status).toHaveText('All strategies trained', { timeout: 180_000 });
  const metrics = page.getByRole('table', { name: 'Held-out metrics by strategy' });
  const logLoss = await metrics.getByRole('row').filter({ hasText: '5. Progressive training' }).textContent();
  // Writes are debounced; give them a moment before leaving the page.
  await page.waitForTimeout(1500);

  // A plain reload (no settings in the link): everything comes back from IndexedDB.
  await page.goto('/');
  await expect(page.getByTestId('session-note')).toContainText(
    /Restored from your last session: settings \(seed 7\), my-export\.csv, results of 2 strategies/,
  );
  await expect(lab.taskCount).toHaveText('800');
  await expect(page.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('7');
  await expect(page.getByLabel('Backend')).toHaveValue('wasm');
  await expect(page.getByRole('checkbox', { name: '6. Per-user models', exact: true })).not.toBeChecked();
  await expect(metrics.getByRole('row').filter({ hasText: '5. Progressive training' })).toHaveText(
    logLoss ?? '',
  );

  await page.getByRole('button', { name: 'Clear all data' }).click();
  await page.getByRole('button', { name: 'Yes, clear all data' }).click();
  await expect(lab.taskCount).toHaveText('917');
  await expect(page.getByTestId('session-note')).toHaveCount(0);
  await expect(page.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('42');
  await expect(metrics).toHaveCount(0);
  // The cleared page keeps the sample it loaded as its session; that write is debounced like the others.
  await page.waitForTimeout(1500);
  await page.reload();
  await expect(lab.taskCount).toHaveText('917');
  // What comes back is the sample the cleared page loaded, and nothing of the session before it.
  await expect(page.getByTestId('session-note')).toHaveText(
    'Restored from your last session: seed-shaped.csv (sample).',
  );
});
