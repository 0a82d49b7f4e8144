// Journey: a data scientist turns on the monotone response for one strategy, trains it, and the report, the
// link and the response probe all show it — five correct answers never leave P below five incorrect ones.
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/lab-page';

const OTHERS = 'full-retrain,balanced-sampling,weighted-loss,progressive,per-user';

test('monotoneResponse: set in the options, kept in the link, trained, and visible in the report', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const lab = new LabPage(page);
  await page.goto(`/?off=${OTHERS}&architecture-fixes.epochs=4`);
  await expect(lab.taskCount).toHaveText('917');
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('checkbox', { name: '2. Full retrain (with fixes)' }) });
  await card.getByText(/^Options/).click();
  const option = card.getByRole('checkbox', { name: 'Monotone response', exact: true });
  await expect(option).not.toBeChecked();
  await option.check();
  await expect
    .poll(() => new URL(page.url()).searchParams.get('architecture-fixes.monotoneResponse'))
    .toMatch(/^(true|1)$/);

  await lab.trainAll();
  await expect(lab.status).toHaveText('All strategies trained', { timeout: 150_000 });
  const report = (await lab.downloadReport()) as {
    strategies: {
      id: string;
      options: Record<string, unknown>;
      responseProbes: { userId: string; afterCorrect: number[]; afterIncorrect: number[] }[];
    }[];
  };
  expect(report.strategies.map((s) => s.id)).toEqual(['architecture-fixes']);
  const [fixes] = report.strategies;
  expect(fixes?.options).toMatchObject({ monotoneResponse: true, monotoneCounts: false, epochs: 4 });
  expect(fixes?.responseProbes).toHaveLength(4);
  for (const p of fixes?.responseProbes ?? [])
    expect(p.afterCorrect[5] as number).toBeGreaterThanOrEqual((p.afterIncorrect[5] as number) - 1e-7);

  // A reload keeps the option on.
  await page.reload();
  await expect(lab.taskCount).toHaveText('917');
  await card.getByText(/^Options/).click();
  await expect(card.getByRole('checkbox', { name: 'Monotone response', exact: true })).toBeChecked();
});
