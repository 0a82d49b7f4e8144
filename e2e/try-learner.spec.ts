// Journey: "Try a learner" — pick a user and flip their recent answers (by mouse and by keyboard), then a
// new learner with only the answers given and a changed time: every trained strategy's P(correct) and
// predicted time update at once.
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/lab-page';
import { LearnerPage } from './pages/learner-page';

test('editing a learner’s recent answers updates every strategy’s predictions at once', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  const learner = new LearnerPage(page);
  await lab.open();
  await lab.openView('Try a learner');
  await expect(learner.view).toContainText('Train the strategies in the Lab');
  await lab.openView('Lab');
  await lab.trainQuickly();
  await lab.openView('Try a learner');

  await expect(learner.learner).toHaveValue('0');
  await expect(learner.learner.locator('option:checked')).toHaveText('bulk@example.com (846 tasks)');
  await expect(learner.answers).toHaveCount(8);
  await expect(learner.predictions.getByRole('row')).toHaveCount(7);
  const before = await learner.readPredictions();
  expect(Object.keys(before)).toHaveLength(6);
  for (const value of Object.values(before)) expect(value).toMatch(/^\d+\.\d% \d+(\.\d)? s/);

  // Flip the three most recent answers to incorrect: at least one strategy answers differently.
  for (const n of [6, 7, 8]) {
    const toggle = learner.toggle(n);
    if ((await toggle.getAttribute('aria-pressed')) === 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  }
  await expect
    .poll(async () => JSON.stringify(await learner.readPredictions()))
    .not.toBe(JSON.stringify(before));
  await expect(learner.predictions).toContainText(/[+−]\d+\.\d pts/);

  // By keyboard: Space on a focused toggle flips it back.
  await learner.toggle(8).focus();
  await page.keyboard.press('Space');
  await expect(learner.toggle(8)).toHaveAttribute('aria-pressed', 'true');
  // A new learner: no history until answers are added.
  await learner.learner.selectOption({ label: 'A new learner (no history)' });
  await expect(learner.answers).toHaveCount(0);
  await expect(learner.predictions.getByRole('row')).toHaveCount(7);
  await learner.view.getByRole('button', { name: 'Add an answer' }).click();
  await learner.view.getByRole('button', { name: 'Add an answer' }).click();
  await expect(learner.answers).toHaveCount(2);
  // With two answers, a much longer time moves the predicted times (for a user with 846 tasks one
  // answer's time hardly moves the mean).
  const withTime = await learner.readPredictions();
  await learner.time(2).fill('900');
  await expect
    .poll(async () => JSON.stringify(await learner.readPredictions()))
    .not.toBe(JSON.stringify(withTime));
  await learner.difficulty.selectOption('hard');
  await expect(learner.predictions).toHaveAccessibleName(/^Next task for a new learner: .*, hard\./);
});
