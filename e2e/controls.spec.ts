// Journey: controls a person can read — options by human name with their id beside them, the preset in use
// marked (and unmarked by a hand edit), file inputs that are buttons; text and status that follow the data
// (the dominant-user story only where one user holds half the tasks; a new import resets "trained"); and a
// "Saved …" confirmation that goes away by itself.
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/lab-page';

const BALANCED = 'fixtures/medium.csv';

test('options, presets, file buttons, data-following text and status, fleeting confirmations', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  await lab.open();

  // The sample: one user holds 92 % of the tasks — the design note's story.
  await expect(page.getByRole('banner')).toContainText('bulk@example.com holds 92.3% of the tasks');
  await expect(page.getByTestId('dataset-story')).toContainText('bulk@example.com owns 92.3% of all tasks');
  await expect(page.getByTestId('influence-balanced-sampling')).toContainText(
    /carries \d+\.\d% of the training loss instead of 9\d\.\d%/,
  );

  // Human option names, the id as secondary text (its description).
  const progressive = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('checkbox', { name: '5. Progressive training' }) });
  await progressive.getByText('Options').click();
  const rate = progressive.getByRole('spinbutton', { name: 'Pretraining learning rate', exact: true });
  await expect(rate).toBeVisible();
  await expect(rate).toHaveAccessibleDescription(/^pretrainLearningRate /);

  // The preset in use is pressed; a hand edit leaves none pressed; choosing one presses it.
  const presets = page.getByRole('group', { name: 'Presets' });
  await expect(presets.getByRole('button', { name: 'Lab default' })).toHaveAttribute('aria-pressed', 'true');
  await rate.fill('0.002');
  await expect(presets.getByRole('button', { pressed: true })).toHaveCount(0);
  await expect(presets).toContainText('options edited by hand');
  await presets.getByRole('button', { name: 'Quick (epochs ÷ 10)' }).click();
  await expect(presets.getByRole('button', { name: 'Quick (epochs ÷ 10)' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(presets.getByRole('button', { name: 'Lab default' })).toHaveAttribute('aria-pressed', 'false');

  // File inputs are buttons with their names.
  for (const name of ['Import tasks', 'Load model file']) {
    const input = page.getByLabel(name, { exact: true });
    await expect(input).toHaveAttribute('type', 'file');
    expect(await input.evaluate((el) => el.parentElement?.classList.contains('button'))).toBe(true);
  }

  for (const label of [
    '2. Full retrain (with fixes)',
    '3. Balanced sampling',
    '5. Progressive training',
    '6. Per-user models',
  ])
    await page.getByRole('checkbox', { name: label }).uncheck();
  await lab.trainAll();
  await expect(lab.status).toHaveText('All strategies trained', { timeout: 240_000 });

  // "Saved …" confirms, then goes away by itself.
  await page.getByRole('button', { name: 'Save to browser' }).click();
  const saved = page.getByText(/^Saved retrain-lab-.*\.zip .* in this browser\.$/);
  await expect(saved).toBeVisible();
  await expect(saved).toBeHidden({ timeout: 15_000 });

  // Other data: the status no longer says trained, and the text tells the balanced story.
  await lab.importFile(BALANCED);
  await expect(lab.taskCount).toHaveText('20,000');
  await expect(lab.status).toHaveText('Not trained yet');
  await expect(page.getByRole('banner')).toContainText('The data loaded now is balanced');
  await expect(page.getByTestId('dataset-story')).toContainText(
    'The data is balanced: no user holds half of the tasks',
  );
  await expect(page.getByRole('banner')).not.toContainText('dominant');
});
