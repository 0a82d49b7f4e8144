// Journey: after training, the comparison's charts show what the checks judge — the response chart as one
// panel per strategy with its ✓/✗ and reason printed (no hover needed), another user chosen by keyboard;
// per-user charts with a marker legend and every user reachable; the time head drawn from the report.
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/lab-page';

test('the response chart prints each decision, users are reachable, the time head is drawn', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  await lab.open();
  await lab.trainQuickly();

  const response = page.getByRole('figure', {
    name: /response to consecutive answers for bulk@example\.com/i,
  });
  await expect(response).toBeVisible();
  // Six panels, each with its verdict and reason in words.
  const verdicts = response.locator('.probe-verdict');
  await expect(verdicts).toHaveCount(6);
  for (const text of await verdicts.allTextContents())
    expect(text).toMatch(/^(✓ responsive|✗ not responsive): (after 5 correct answers|5 correct answers)/);
  // The decision is also in the figure's table for screen readers.
  const table = response.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(7);

  // Another user, by keyboard only.
  const picker = page.getByRole('combobox', { name: 'Probe user' });
  await picker.focus();
  await page.keyboard.press('ArrowDown');
  await expect(picker).toHaveValue('you2@example.com');
  await expect(page.getByRole('figure', { name: /for you2@example\.com/ })).toBeVisible();

  // Per-user spread: a legend whose swatches are the markers, every user's numbers in a table.
  const spread = page.getByRole('figure', { name: 'Spread of predictions per user, by strategy' });
  const legend = spread.getByRole('list', { name: 'Users and their markers' });
  await expect(legend.getByRole('listitem')).toHaveCount(4);
  await expect(legend.locator('svg.mark-swatch path')).toHaveCount(4);
  await spread.getByText("Every user's numbers").click();
  await expect(spread.getByRole('table', { name: /every user/ }).getByRole('row')).toHaveCount(5);

  // The time head: a binned scatter per strategy and the error per user, from the report's timeScatter.
  await expect(
    page.getByRole('figure', { name: 'Predicted against actual answering time, by strategy' }),
  ).toBeVisible();
  await expect(
    page.getByRole('img', { name: /predicted against actual time, \d+ held-out tasks/ }),
  ).toHaveCount(6);
  await expect(page.getByRole('figure', { name: 'Time error per user, by strategy' })).toBeVisible();
  const report = (await lab.downloadReport()) as {
    strategies: { timeScatter?: { n: number; counts: number[][] }; test: { n: number } }[];
  };
  for (const s of report.strategies) {
    expect(s.timeScatter?.n).toBe(s.test.n);
    expect(s.timeScatter?.counts.flat().reduce((a, b) => a + b, 0)).toBe(s.test.n);
  }
});

test('with more users than markers, the top ones get shapes and Show all users draws everyone', async ({
  page,
}) => {
  test.setTimeout(420_000);
  const lab = new LabPage(page);
  await lab.open();
  await lab.importMedium();
  // Two strategies are enough to draw the charts; the medium file has 200 users.
  for (const label of [
    '1. Full retrain (no changes)',
    '2. Full retrain (with fixes)',
    '3. Balanced sampling',
    '5. Progressive training',
  ])
    await page.getByRole('checkbox', { name: label }).uncheck();
  await lab.trainQuickly(400_000);
  const spread = page.getByRole('figure', { name: 'Spread of predictions per user, by strategy' });
  const legend = spread.getByRole('list', { name: 'Users and their markers' });
  await expect(legend.getByRole('listitem')).toHaveCount(8);
  await expect(spread.getByText(/192 more users not drawn/)).toBeVisible();
  await spread.getByRole('button', { name: 'Show all 200 users' }).click();
  await expect(legend.getByText('192 other users')).toBeVisible();
  await expect(spread.getByRole('button', { name: 'Show the top 8 only' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});
