// Journeys: train every strategy in the browser's worker and compare them; train on WebGL; cancel a run
// and keep what finished. A quick preset (epochs ÷ 10) keeps CI fast; the full seed settings are benchmarked.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { validateReport } from '../src/core/report/report-schema';
import { CATALOGUE } from '../src/core/strategies/catalogue';
import { LabPage } from './pages/lab-page';

const STRATEGY_LABELS = CATALOGUE.map((p) => p.label);

test('train all six, compare them side by side, and download a valid report', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  await lab.open();
  await lab.quickPreset();
  await lab.trainAll();
  await expect(lab.status).toHaveText('All strategies trained', { timeout: 240_000 });
  await expect(page.getByTestId('backend-decision')).toContainText(
    /Backend: (wasm|cpu|webgl) — (fastest measured|the only backend worth measuring here)/,
  );

  const metrics = page.getByRole('table', { name: 'Held-out metrics by strategy' });
  for (const label of STRATEGY_LABELS) {
    const row = metrics
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
    await expect(row).toContainText(/continuous/);
    await expect(row).toContainText(/responsive/);
    await expect(row).toContainText(/generalizes/);
  }
  for (const name of [
    /prediction distribution/i,
    /spread of predictions/i,
    /response to consecutive answers/i,
    /reliability diagrams/i,
  ]) {
    await expect(page.getByRole('figure', { name })).toBeVisible();
  }

  const axe = await new AxeBuilder({ page }).include('section[aria-labelledby="compare-heading"]').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

  const report = await lab.downloadReport();
  const checked = validateReport(report);
  expect(checked.ok, checked.ok ? '' : checked.reason).toBe(true);
  const parsed = report as { backend: string; seed: number; strategies: { id: string }[] };
  expect(['wasm', 'cpu', 'webgl']).toContain(parsed.backend);
  expect(parsed.seed).toBe(42);
  expect(parsed.strategies.map((s) => s.id)).toEqual(CATALOGUE.map((p) => p.id));
});

test('training works end to end on WebGL', async ({ page }) => {
  test.setTimeout(420_000);
  const lab = new LabPage(page);
  await lab.open();
  await lab.quickPreset();
  await page.getByLabel('Backend').selectOption('webgl');
  // Two strategies keep the SwiftShader shader compilation within CI's patience.
  for (const label of STRATEGY_LABELS.slice(2)) await page.getByRole('checkbox', { name: label }).uncheck();
  await lab.trainAll();
  await expect(lab.status).toHaveText('All strategies trained', { timeout: 400_000 });
  await expect(page.getByTestId('backend-decision')).toContainText('Backend: webgl');
  const report = (await lab.downloadReport()) as { backend: string; strategies: { status: string }[] };
  expect(report.backend).toBe('webgl');
  expect(report.strategies.map((s) => s.status)).toEqual(['ok', 'ok']);
});

test('cancelling keeps the strategies already finished', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  await lab.open();
  // 20,000 tasks at the lab's settings: each strategy trains for seconds, long enough to cancel the
  // ones still running once the first has finished (the whole sample now trains in under 3 s).
  await lab.importMedium();
  await page.getByLabel('Backend').selectOption('wasm');
  await lab.trainAll();
  const metrics = page.getByRole('table', { name: 'Held-out metrics by strategy' });
  const finished = metrics.getByRole('rowheader').filter({ hasText: /^\d\. / });
  await expect(finished.first()).toBeVisible({ timeout: 240_000 });
  const first = (await finished.first().textContent()) ?? '';
  await page.getByRole('button', { name: 'Cancel training' }).click();
  await expect(lab.status).toContainText('Training cancelled', { timeout: 5_000 });
  await expect(metrics.getByRole('rowheader', { name: first, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train all strategies' })).toBeEnabled();
  const report = (await lab.downloadReport()) as { strategies: { label: string }[] };
  expect(report.strategies.length).toBeGreaterThanOrEqual(1);
  expect(report.strategies.length).toBeLessThan(STRATEGY_LABELS.length);
  expect(report.strategies.map((s) => s.label)).toContain(first);
});

test('cancel on a fresh page, before anything trained: nothing is lost and the next run trains', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  await lab.open();
  // Clicked the moment the sample shows: Auto is choosing a backend and the helpers are still starting.
  await lab.trainAll();
  await page.getByRole('button', { name: 'Cancel training' }).click();
  await expect(lab.status).toHaveText(/^Training cancelled; 0 finished in this run, 0 results kept$/);
  await expect(page.getByRole('button', { name: 'Train all strategies' })).toBeEnabled();
  const metrics = page.getByRole('table', { name: 'Held-out metrics by strategy' });
  await expect(metrics.getByRole('rowheader').filter({ hasText: /^\d\. / })).toHaveCount(0);

  await lab.quickPreset();
  await lab.trainAll();
  await expect(lab.status).toHaveText('All strategies trained', { timeout: 240_000 });
  await expect(page.getByTestId('backend-decision')).toContainText(/Backend: wasm/);
  const report = (await lab.downloadReport()) as { strategies: unknown[] };
  expect(report.strategies).toHaveLength(STRATEGY_LABELS.length);
});

test('a crashed worker is restarted and the results and dataset are kept', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  await lab.open();
  await lab.quickPreset();
  for (const label of STRATEGY_LABELS.slice(1)) await page.getByRole('checkbox', { name: label }).uncheck();
  await page.getByLabel('Backend').selectOption('wasm');
  await lab.trainAll();
  await expect(lab.status).toHaveText('All strategies trained', { timeout: 240_000 });
  const metrics = page.getByRole('table', { name: 'Held-out metrics by strategy' });
  await expect(metrics.getByRole('rowheader', { name: STRATEGY_LABELS[0], exact: true })).toBeVisible();

  // An uncaught error inside the worker is what a crash looks like to the page.
  const worker = page.workers()[0];
  expect(worker).toBeDefined();
  await worker?.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated crash');
    });
  });
  await expect(page.getByText(/The lab worker stopped unexpectedly.*it was restarted/)).toBeVisible();
  await expect(metrics.getByRole('rowheader', { name: STRATEGY_LABELS[0], exact: true })).toBeVisible();

  // The new worker has the dataset again: training works without re-importing.
  await page.getByRole('checkbox', { name: STRATEGY_LABELS[1] }).check();
  await page.getByRole('checkbox', { name: STRATEGY_LABELS[0] }).uncheck();
  await lab.trainAll();
  await expect(lab.status).toHaveText('All strategies trained', { timeout: 240_000 });
  await expect(metrics.getByRole('rowheader', { name: STRATEGY_LABELS[0], exact: true })).toBeVisible();
  await expect(metrics.getByRole('rowheader', { name: STRATEGY_LABELS[1], exact: true })).toBeVisible();
});

test('a training helper that crashes hands its strategy back; the run completes and exports work', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const lab = new LabPage(page);
  await lab.open();
  await page.getByLabel('Backend').selectOption('wasm');
  // Auto would too on a machine with 2 cores or more; chosen so the journey does not depend on the machine.
  await page.getByLabel('Training workers').selectOption('2');
  // On 20,000 tasks the helper's strategy (per-user; weighted loss, ranked longer, stays here) trains for seconds.
  await lab.importMedium();
  await lab.setRepeats(1);
  for (const label of STRATEGY_LABELS.filter((l) => !/^[46]\./.test(l)))
    await page.getByRole('checkbox', { name: label }).uncheck();
  // The crash is armed before the run, in every helper there is, and fires when a helper first reports
  // progress: while it trains its strategy, by construction. Thrown from the test once the status named
  // the strategy, it could land after the helper had finished (the status comes through the lab worker,
  // busy training weighted loss meanwhile) or in a helper that trains nothing (with more cores, more helpers
  // start with the page); a helper that dies idle hands nothing back, and no notice came.
  const helpers = page.workers().filter((w) => w.url().includes('train-helper'));
  const armed = await Promise.all(
    helpers.map((helper) =>
      helper
        .evaluate(() => {
          const scope = self as unknown as { postMessage(message: unknown, transfer: Transferable[]): void };
          const post = scope.postMessage.bind(scope);
          let crashed = false;
          scope.postMessage = (message, transfer) => {
            post(message, transfer ?? []);
            if (crashed || (message as { kind?: string }).kind !== 'progress') return;
            crashed = true;
            // An uncaught error is what a crash looks like to the worker that started it.
            queueMicrotask(() => {
              throw new Error('simulated helper crash');
            });
          };
        })
        .then(
          () => true,
          () => false, // a helper closed since the list was taken (the sample's, replaced on import)
        ),
    ),
  );
  expect(armed.filter(Boolean).length, 'training helpers armed to crash').toBeGreaterThan(0);
  await lab.trainAll();
  await expect(page.getByTestId('backend-decision')).toContainText('2 workers train side by side');
  await expect(
    page.getByText(
      /^Training helper \d+ could not finish 6\. Per-user models \(it stopped unexpectedly.*\); it was trained again in the lab worker\.$/,
    ),
  ).toBeVisible();
  await expect(lab.status).toHaveText('All strategies trained', { timeout: 240_000 });
  const report = (await lab.downloadReport()) as { strategies: { id: string; status: string }[] };
  expect(report.strategies.map((s) => `${s.id}:${s.status}`)).toEqual(['weighted-loss:ok', 'per-user:ok']);
  const select = page.getByLabel('Strategy to export');
  for (const id of ['weighted-loss', 'per-user']) {
    await select.selectOption(id);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download model' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^retrain-lab-${id}-`));
  }
});
