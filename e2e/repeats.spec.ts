// Journey (issue 15): train every strategy with several seeds, read the metrics with intervals, paired
// differences and pass rates, sort the table, see the forest plot and the Simulator truth row, download the
// report (schema version 2) and the held-out predictions (masked too), and see Compare say when a re-run of
// one strategy makes the results mix runs.
import { expect, test } from '@playwright/test';
import { validateReport } from '../src/core/report/report-schema';
import { LabPage } from './pages/lab-page';
import { StakeholderPage } from './pages/stakeholder-page';

const SEEDS = 3;

async function downloadText(page: import('@playwright/test').Page, name: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  const { readFile } = await import('node:fs/promises');
  return readFile(await download.path(), 'utf8');
}

test('repeats: seeds, intervals, paired differences, truth row, predictions and mixed runs', async ({
  page,
}) => {
  test.setTimeout(420_000);
  const lab = new LabPage(page);
  await lab.open();
  await lab.quickPreset(SEEDS);
  await expect.poll(() => new URL(page.url()).searchParams.get('repeats')).toBe(String(SEEDS));
  await expect(page.getByText(`every strategy trains with seeds 42–44 (${SEEDS} seeds)`)).toBeVisible();
  await page.getByLabel('Backend').selectOption('wasm');
  await lab.trainAll();
  await expect(lab.status).toContainText(/seed \d of 3/);
  await expect(lab.status).toHaveText('All strategies trained', { timeout: 360_000 });

  await expect(page.getByTestId('compare-run')).toContainText('Seeds 42–44');
  const metrics = page.getByRole('table', { name: 'Held-out metrics by strategy' });
  const row = (name: string) =>
    metrics.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  // Mean [interval] with n beside, a paired difference against strategy 1, pass rates over seeds.
  const weighted = row('4. Weighted loss');
  await expect(weighted).toContainText(/\d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\]/);
  await expect(weighted).toContainText(/[+−]\d\.\d{3} \[[+−]?\d\.\d{3}, [+−]?\d\.\d{3}\]/);
  await expect(weighted).toContainText(/continuous \d+%/);
  await expect(weighted).toContainText(/(beats|worse than|not detectably better than) the constant rate/);
  await expect(row('Simulator truth')).toBeVisible();
  await expect(
    metrics.getByRole('columnheader', { name: /Per-user log loss.*lower is better/ }),
  ).toBeVisible();
  await expect(metrics.getByText('(best in column)').first()).toBeAttached();
  // Sorting by AUC (higher is better) puts the best first; the references stay last.
  const aucHeader = metrics.getByRole('columnheader', { name: /^AUC/ });
  await aucHeader.getByRole('button').click();
  await expect(aucHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(metrics.getByRole('rowheader').last()).toHaveText('Simulator truth');
  await expect(page.getByRole('list', { name: 'What each – means' })).toBeVisible();

  await expect(
    page.getByRole('figure', { name: /Paired differences in per-user log loss against/ }),
  ).toBeVisible();
  await page.getByLabel('Compare against').selectOption('constant-rate');
  await expect(page.getByRole('figure', { name: /against the constant rate/ })).toBeVisible();

  const report = (await lab.downloadReport()) as {
    seeds: number[];
    strategies: { id: string; runs: unknown[]; summary: { seeds: number } }[];
    comparisons: unknown[];
    recommendation: { headline: string };
    truth: { checks: Record<string, string> } | null;
  };
  const checked = validateReport(report);
  expect(checked.ok, checked.ok ? '' : checked.reason).toBe(true);
  expect(report.seeds).toEqual([42, 43, 44]);
  for (const s of report.strategies) expect([s.runs.length, s.summary.seeds]).toEqual([SEEDS, SEEDS]);
  expect(report.comparisons.length).toBeGreaterThan(0);
  expect(report.truth?.checks).toMatchObject({ continuous: 'pass', responsive: 'pass' });

  const csv = await downloadText(page, 'Download predictions (CSV)');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toContain('seed,row,user_id,topic,difficulty,completed_at,is_correct,actual_time_seconds');
  expect(lines[0]).toContain('weighted-loss_p_correct');
  expect(lines).toHaveLength(1 + SEEDS * 182);
  expect(csv).toContain('bulk@example.com');
  await page.getByRole('checkbox', { name: 'Mask user IDs' }).check();
  const masked = await downloadText(page, 'Download predictions (CSV)');
  expect(masked).not.toContain('@');
  expect(masked).toContain('User A');
  await page.getByRole('checkbox', { name: 'Mask user IDs' }).uncheck();

  const stakeholder = new StakeholderPage(page);
  await stakeholder.open();
  await expect(stakeholder.recommendation).toContainText(report.recommendation.headline);
  await expect(
    stakeholder.view.getByText(`Share of the ${SEEDS} seeds in which each check passes`),
  ).toBeVisible();
  await stakeholder.labTab.click();

  // One strategy again with another number of seeds: the results now mix runs, and Compare says so.
  await lab.setRepeats(2);
  await page
    .getByRole('listitem')
    .filter({ hasText: '3. Balanced sampling' })
    .getByRole('button', { name: 'Train only this' })
    .click();
  await expect(lab.status).toHaveText('3. Balanced sampling trained', { timeout: 240_000 });
  await expect(page.getByTestId('compare-run')).toContainText('results from different runs');
  await expect(page.getByRole('note', { name: 'Results from different runs' })).toContainText(
    'differ in seeds',
  );
});
