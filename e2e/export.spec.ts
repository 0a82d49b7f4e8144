// Journeys: take a trained model away and bring it back. Save to browser → reload → Load saved model;
// Download model → load it from the file; both must predict exactly as the trained model did. With ids
// masked the bundle holds no e-mail; a file that is not a bundle is refused with the reason. "Use it in
// Python" shows predict.py's command lines for the chosen strategy, copyable, and predict.py itself.
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { LabPage } from './pages/lab-page';

const OTHERS = [
  '1. Full retrain (no changes)',
  '2. Full retrain (with fixes)',
  '3. Balanced sampling',
  '5. Progressive training',
];

async function trainTwo(page: Page, lab: LabPage) {
  await lab.open();
  await lab.quickPreset();
  for (const label of OTHERS) await page.getByRole('checkbox', { name: label, exact: true }).uncheck();
  await page.getByLabel('Backend').selectOption('wasm');
  await lab.trainAll();
  await expect(lab.status).toHaveText('All strategies trained', { timeout: 180_000 });
}

async function downloadModel(page: Page): Promise<{ path: string; name: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download model' }).click(),
  ]);
  return { path: await download.path(), name: download.suggestedFilename() };
}

/** The self-check line says "Same predictions" and its largest P(correct) difference is ≤ 1e-6. */
async function expectSamePredictions(page: Page) {
  const check = page.getByTestId('self-check');
  await expect(check).toContainText('Same predictions', { timeout: 60_000 });
  const diff = Number(/largest difference is (\S+) in P/.exec((await check.textContent()) ?? '')?.[1]);
  expect(diff).toBeLessThanOrEqual(1e-6);
}

test('Save to browser, reload, Load saved model: same predictions, scored on the current data', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  await trainTwo(page, lab);
  await page.getByLabel('Strategy to export').selectOption('per-user');
  await page.getByRole('button', { name: 'Save to browser' }).click();
  await expect(page.getByText(/^Saved retrain-lab-per-user-\d{4}-\d\d-\d\d\.zip \(/)).toBeVisible();
  const saved = page.getByRole('table', { name: 'Saved models' });
  await expect(saved.getByRole('row')).toHaveCount(2);

  await page.reload();
  await expect(lab.taskCount).toHaveText('917');
  await expect(saved.getByRole('rowheader', { name: /retrain-lab-per-user/ })).toBeVisible();
  await page.getByRole('button', { name: 'Load saved model' }).click();
  await expect(page.getByRole('heading', { name: /^Loaded model: retrain-lab-per-user/ })).toBeVisible({
    timeout: 60_000,
  });
  await expectSamePredictions(page);
  await expect(page.getByText(/shared base \+ 2 per-user pairs/)).toBeVisible();
  await expect(page.getByTestId('loaded-auc')).toHaveText(/^0\.\d{3}$/);

  await page.getByRole('button', { name: 'Delete saved model' }).click();
  await expect(page.getByText('No saved models yet.')).toBeVisible();
});

test('Download model, load it from the file: same predictions; masked bundles hold no e-mail; other files refused', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  await trainTwo(page, lab);
  await page.getByLabel('Strategy to export').selectOption('weighted-loss');
  const plain = await downloadModel(page);
  expect(plain.name).toMatch(/^retrain-lab-weighted-loss-\d{4}-\d\d-\d\d\.zip$/);
  const files = unzipSync(await readFile(plain.path));
  expect(Object.keys(files).sort()).toEqual([
    'README.txt',
    'manifest.json',
    'models/shared/correctness/model.json',
    'models/shared/correctness/weights.bin',
    'models/shared/time/model.json',
    'models/shared/time/weights.bin',
  ]);
  expect(strFromU8(files['README.txt'] as Uint8Array)).toContain(
    'tensorflowjs_converter --input_format=tfjs_layers_model --output_format=keras',
  );

  // "Use it in Python": the snippet names the file just downloaded and the loaded export; copy and script.
  const snippet = page.getByLabel('Python snippet');
  await expect(page.getByRole('heading', { name: 'Use it in Python' })).toBeVisible();
  await expect(snippet).toContainText(`python3 predict.py ${plain.name} seed-shaped.csv --self-check`);
  await expect(snippet).toContainText(`bundle = predict.load_bundle("${plain.name}")`);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy Python snippet' }).click();
  await expect(page.getByText('Snippet copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet.textContent());
  const [script] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download predict.py' }).click(),
  ]);
  expect(script.suggestedFilename()).toBe('predict.py');
  expect(await readFile(await script.path(), 'utf8')).toMatch(
    /^#!\/usr\/bin\/env python3\n[\s\S]*def self_check\(/,
  );

  const named = testInfo.outputPath(plain.name);
  await writeFile(named, await readFile(plain.path));
  await page.getByLabel('Load model file').setInputFiles(named);
  await expect(page.getByRole('heading', { name: `Loaded model: ${plain.name}` })).toBeVisible({
    timeout: 60_000,
  });
  await expectSamePredictions(page);

  await page.getByLabel('Mask user IDs').check();
  await page.getByLabel('Strategy to export').selectOption('per-user');
  const masked = await downloadModel(page);
  await expect(snippet).toContainText(
    `python3 predict.py ${masked.name} seed-shaped.csv --user-map auto --out`,
  );
  for (const [name, bytes] of Object.entries(unzipSync(await readFile(masked.path))))
    if (!name.endsWith('.bin')) expect(strFromU8(bytes), name).not.toContain('@');
  const maskedPath = testInfo.outputPath('masked.zip');
  await writeFile(maskedPath, await readFile(masked.path));
  await page.getByLabel('Load model file').setInputFiles(maskedPath);
  await expect(page.getByRole('heading', { name: 'Loaded model: masked.zip' })).toBeVisible({
    timeout: 60_000,
  });
  await expectSamePredictions(page);

  const notABundle = testInfo.outputPath('tasks.zip');
  await writeFile(notABundle, 'user_id,topic\nbulk,Calculus\n');
  await page.getByLabel('Load model file').setInputFiles(notABundle);
  await expect(page.getByText(/^tasks\.zip was not loaded: it is not a readable zip archive/)).toBeVisible();
  // The model loaded before stays.
  await expect(page.getByRole('heading', { name: 'Loaded model: masked.zip' })).toBeVisible();
});
