// Journeys of issue 20's adversarial cases, each as a person meets it: option values a link would refuse,
// a learning rate that diverges, an import asked for mid-run, a file too big to read, durations of years,
// a zip bomb and a bundle whose stored rows were emptied. Each says what happened in plain words.
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { LabPage } from './pages/lab-page';

const ALL = [
  '1. Full retrain (no changes)',
  '2. Full retrain (with fixes)',
  '3. Balanced sampling',
  '4. Weighted loss',
  '5. Progressive training',
  '6. Per-user models',
];

/** The option field of a strategy (its options are in a collapsed section until opened). */
async function option(page: Page, strategy: string, name: string) {
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('checkbox', { name: strategy, exact: true }) });
  const details = card.locator('details');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
    await card.getByText(/^Options/).click();
  return { card, field: card.getByLabel(name, { exact: true }) };
}

async function only(page: Page, keep: string[]) {
  for (const label of ALL) {
    const box = page.getByRole('checkbox', { name: label, exact: true });
    if (keep.includes(label)) await box.check();
    else await box.uncheck();
  }
}

test('option fields refuse what a link refuses; surprising values are explained in the card', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.quickPreset();
  const train = page.getByRole('button', { name: 'Train all strategies' });
  const { card, field } = await option(page, '4. Weighted loss', 'Batch size (rows)');
  const refusals: [string, string][] = [
    ['0', 'Batch size (rows) must be at least 1: not applied.'],
    ['0.5', 'Batch size (rows) not a whole number: not applied.'],
  ];
  for (const [typed, reason] of refusals) {
    await field.fill(typed);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(card.getByText(reason)).toBeVisible();
    await expect(train).toBeDisabled();
    await expect(card.getByRole('button', { name: 'Train only this' })).toBeDisabled();
  }
  await field.fill('64');
  await expect(field).not.toHaveAttribute('aria-invalid');
  await expect(train).toBeEnabled();

  const epochs = (await option(page, '4. Weighted loss', 'Epochs')).field;
  await epochs.fill('-5');
  await expect(card.getByText('Epochs must be at least 0: not applied.')).toBeVisible();
  await epochs.fill('0');
  await expect(card.getByRole('list', { name: 'What the options of 4. Weighted loss do' })).toHaveText(
    'epochs is 0: nothing trains, so this strategy is scored with its untrained (random) initial weights.',
  );
  const perUser = await option(page, '6. Per-user models', 'Tasks for an own model');
  await perUser.field.fill('100000');
  await expect(
    perUser.card.getByRole('list', { name: 'What the options of 6. Per-user models do' }),
  ).toContainText(
    /minTasks is 100000, above every user's training tasks \(the most any user has is \d+\): no per-user model is trained/,
  );
});

test('a diverging strategy fails by name and the status counts it; the others are kept', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  await lab.open();
  await lab.quickPreset();
  await only(page, ['1. Full retrain (no changes)', '4. Weighted loss']);
  await (await option(page, '4. Weighted loss', 'Learning rate')).field.fill('1e9');
  await page.getByLabel('Backend').selectOption('wasm');
  await lab.trainAll();
  await expect(lab.status).toHaveText('1 trained, 1 failed', { timeout: 240_000 });
  await expect(
    page
      .getByText(
        /4\. Weighted loss: training diverged at epoch \d+ \(learning rate 1e9 is probably too high\)/,
      )
      .first(),
  ).toBeVisible();
  const metrics = page.getByRole('table', { name: 'Held-out metrics by strategy' });
  await expect(metrics.getByRole('row').filter({ hasText: '1. Full retrain (no changes)' })).toBeVisible();
});

test('importing during a run asks first: keep training, or stop and import; the status follows the data', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  await lab.open();
  await lab.importMedium();
  await page.getByLabel('Backend').selectOption('wasm');
  await lab.trainAll();
  await expect(lab.status).toHaveText(/^Training/);

  await lab.loadSampleButton.click();
  const ask = page.getByRole('group', { name: 'Import while training' });
  await expect(ask).toContainText('Importing seed-shaped.csv (sample) stops that run');
  await ask.getByRole('button', { name: 'Keep training' }).click();
  await expect(page.getByText('seed-shaped.csv (sample) was not imported: training goes on.')).toBeVisible();
  await expect(lab.taskCount).toHaveText('20,000');
  await expect(lab.status).toHaveText(/^Training/);

  await lab.loadSampleButton.click();
  await ask.getByRole('button', { name: 'Stop training and import' }).click();
  await expect(lab.taskCount).toHaveText('917', { timeout: 60_000 });
  await expect(lab.status).toHaveText('Not trained yet');
  await expect(page.getByText('Train the strategies to compare them here')).toBeVisible();
});

test('a file too big to read is refused by its size, durations of years are clipped with a warning', async ({
  page,
}, testInfo) => {
  const lab = new LabPage(page);
  await lab.open();
  const big = testInfo.outputPath('huge-export.csv');
  await writeFile(big, '');
  await truncate(big, 601_000_000); // sparse: no disk used
  await lab.importFile(big);
  await expect(lab.alert).toContainText(
    'huge-export.csv is 601 MB; the lab reads up to 250 MB — split the export (by date or by users) or sample it, then import a part. The dataset already loaded is kept.',
  );
  await expect(lab.taskCount).toHaveText('917');

  const lines = (await readFile('fixtures/seed-shaped.csv', 'utf8')).trim().split('\n');
  const odd = lines.map((line, i) => {
    if (i === 0 || i % 8 !== 0) return line;
    const cells = line.split(',');
    cells[5] = i % 16 === 0 ? '1e308' : String(3 * 365.25 * 86400);
    return cells.join(',');
  });
  const path = testInfo.outputPath('long-times.csv');
  await writeFile(path, [...odd, odd[1]].join('\n'));
  await lab.importFile(path);
  await expect(lab.taskCount).toHaveText('918');
  const warnings = page.getByRole('note', { name: 'Import warnings' });
  await expect(warnings).toContainText(/114 tasks last longer than 6 hours \(longest 3\.2e\+300 years/);
  await expect(warnings).toContainText('Their times are clipped to 6 hours');
  await expect(warnings).toContainText(
    "1 row repeats an earlier row's user, time and topic (first: row 918 repeats row 1",
  );
});

test('Load model file refuses a zip bomb and a bundle whose stored rows were emptied, naming why', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  await lab.open();
  await lab.quickPreset();
  await only(page, ['4. Weighted loss']);
  await page.getByLabel('Backend').selectOption('wasm');
  await lab.trainAll();
  await expect(lab.status).toHaveText('All strategies trained', { timeout: 240_000 });
  await page.getByLabel('Strategy to export').selectOption('weighted-loss');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download model' }).click(),
  ]);
  const files = unzipSync(await readFile(await download.path()));

  // 80 MB of zeros in a few dozen kilobytes, under the manifest's name, declared as 5 kB.
  const bombFiles = { ...files, 'manifest.json': [new Uint8Array(80 * 1024 * 1024), { level: 9 }] as const };
  const bomb = zipSync(bombFiles as never);
  const view = new DataView(bomb.buffer, bomb.byteOffset);
  for (let at = 0; at + 4 < bomb.length; at++) {
    const sig = view.getUint32(at, true);
    const nameAt = sig === 0x02014b50 ? at + 46 : sig === 0x04034b50 ? at + 30 : -1;
    if (nameAt < 0 || strFromU8(bomb.subarray(nameAt, nameAt + 13)) !== 'manifest.json') continue;
    view.setUint32(sig === 0x02014b50 ? at + 24 : at + 22, 5000, true);
  }
  const bombPath = testInfo.outputPath('bomb.zip');
  await writeFile(bombPath, bomb);
  await page.getByLabel('Load model file').setInputFiles(bombPath);
  await expect(
    page.getByText(
      /^bomb\.zip was not loaded: manifest\.json inflates to more than the 67,108,864 bytes it can hold \(a zip bomb or a corrupt file\)\.$/,
    ),
  ).toBeVisible({ timeout: 30_000 });

  const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array)) as Record<string, unknown>;
  const emptied = zipSync({
    ...files,
    'manifest.json': strToU8(
      JSON.stringify({
        ...manifest,
        selfCheck: { ...(manifest.selfCheck as object), taskIndices: [], pCorrect: [], timeSeconds: [] },
      }),
    ),
  });
  const emptiedPath = testInfo.outputPath('emptied.zip');
  await writeFile(emptiedPath, emptied);
  await page.getByLabel('Load model file').setInputFiles(emptiedPath);
  await expect(
    page.getByText(
      'emptied.zip was not loaded: it stores no held-out rows, so it cannot show that it predicts as the trained model did.',
    ),
  ).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/on the 0 held-out rows/)).toHaveCount(0);
});
