// Journey: every training run is kept with the session — two runs with different seeds appear in Run
// history with what changed and their headline numbers; two are compared side by side; a run is renamed
// and one deleted, and both survive a reload (IndexedDB).
import { expect, test } from '@playwright/test';
import { HistoryPage } from './pages/history-page';
import { LabPage } from './pages/lab-page';

test('runs are kept, compared side by side, renamed and deleted across reloads', async ({ page }) => {
  test.setTimeout(420_000);
  const lab = new LabPage(page);
  const history = new HistoryPage(page);
  await lab.open();
  await lab.openView('Run history');
  await expect(history.view).toContainText('No training run yet');
  await lab.openView('Lab');

  for (const label of ['3. Balanced sampling', '5. Progressive training', '6. Per-user models'])
    await page.getByRole('checkbox', { name: label }).uncheck();
  await lab.trainQuickly();
  await expect(page.getByTestId('run-clock')).toContainText(/Last run took \d+:\d\d/);
  await page.getByRole('spinbutton', { name: 'Seed' }).fill('7');
  // A quick run may end within a second: every text the clock shows is recorded, not polled.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { clockTexts: string[] }).clockTexts = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="run-clock"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await lab.trainAll();
  await expect(lab.status).toHaveText('All strategies trained', { timeout: 240_000 });
  // While it ran: the elapsed time, and an estimate from the first run of the same work (the seed aside).
  const clockTexts = await page.evaluate(() => (window as unknown as { clockTexts: string[] }).clockTexts);
  expect(clockTexts.join('\n')).toMatch(
    /Elapsed \d+:\d\d · about \d+:\d\d left \(the same run took \d+:\d\d before\)/,
  );

  await lab.openView('Run history');
  await expect(history.runs).toHaveCount(2);
  const newest = history.run('Run 2');
  await expect(newest).toContainText('seed: 42 → 7');
  await expect(newest).toContainText('3 of 3 strategies trained');
  await newest.locator('summary', { hasText: 'Headline metrics of Run 2' }).click();
  await expect(newest.getByRole('row', { name: /4\. Weighted loss/ })).toContainText(
    /\d\.\d{3} \[\d\.\d\d–\d\.\d\d\]/,
  );
  await expect(history.run('Run 1')).toContainText('The oldest run kept');

  // Side by side: Run 1 (A) against Run 2 (B), one row per strategy, with B − A.
  await expect(history.compare.getByRole('row', { name: /^1\. Full retrain/ })).toBeVisible();
  await expect(history.compare).toContainText(/[+−±]\d\.\d{3}/);
  await expect(
    history.view.getByText(/Settings of Run 2 that differ from Run 1: seed: 42 → 7/),
  ).toBeVisible();

  await history.rename('Run 1', 'baseline');
  await expect(history.run('baseline')).toBeVisible();
  await page.reload();
  await expect(lab.taskCount).toHaveText('917');
  await lab.openView('Run history');
  await expect(history.runs).toHaveCount(2);
  await expect(history.run('baseline')).toBeVisible();
  await history.remove('Run 2');
  await expect(history.runs).toHaveCount(1);
  await page.reload();
  await lab.openView('Run history');
  await expect(history.runs).toHaveCount(1);
  await expect(history.run('baseline')).toBeVisible();
});
