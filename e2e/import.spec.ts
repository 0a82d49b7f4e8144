// Journey: a data scientist opens the lab (sample loaded), imports good and bad exports, and never
// loses the dataset already loaded to a bad file.
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/lab-page';

test('the lab opens with the sample loaded and shows who dominates', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await expect(lab.userRow('bulk@example.com')).toContainText('846');
  await expect(lab.userRow('bulk@example.com')).toContainText('92.3%');
  await expect(lab.userRow('asss77@example.com')).toContainText('0.3%');
  await lab.loadSampleButton.click();
  await expect(lab.taskCount).toHaveText('917');
});

test('a refused file is explained and the loaded dataset stays', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const fingerprint = await lab.fingerprint.textContent();
  await lab.importFile('fixtures/bad/missing-topic-difficulty.csv');
  await expect(lab.alert).toContainText(
    'missing-topic-difficulty.csv is missing the required columns topic, difficulty',
  );
  await expect(lab.alert).toContainText('The dataset already loaded is kept.');
  await expect(lab.taskCount).toHaveText('917');
  await expect(lab.fingerprint).toHaveText(fingerprint ?? '');

  await lab.importFile('fixtures/bad/png-image.csv');
  await expect(lab.alert).toContainText('png-image.csv looks like a binary file');
  await expect(lab.taskCount).toHaveText('917');
});

test('the JSON twin of the sample has the same fingerprint', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  const csvFingerprint = await lab.fingerprint.textContent();
  expect(csvFingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  await lab.importFile('fixtures/seed-shaped.json');
  await expect(page.getByRole('heading', { name: /seed-shaped\.json/ })).toBeVisible();
  await expect(lab.fingerprint).toHaveText(csvFingerprint ?? '');
});

test('skipped rows are listed with row, column, reason and value; names stay plain text', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.importFile('fixtures/bad/bad-difficulty.csv');
  await expect(lab.taskCount).toHaveText('5');
  await expect(lab.alert).toContainText('1 row of bad-difficulty.csv was skipped');
  await expect(lab.alert.getByRole('row').nth(1)).toContainText('difficulty');
  await expect(lab.alert).toContainText('extreme');

  await lab.importFile('fixtures/bad/html-and-formula-names.csv');
  await expect(lab.usersTable).toContainText('<img');
  await expect(page.locator('img')).toHaveCount(0);
});
