// Journey: sweep one setting of a strategy in the lab on the sample — progress, a chart per metric, the
// headline, the points table; "Use this value" makes an own strategy in step 3; the downloaded sweep has
// the same numbers as the command line's `retrain-lab sweep` with the same seeds and settings, and with
// Mask user IDs on names no user. Then a two-parameter grid's heat map, and a cancelled sweep that keeps it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/lab-page';
import { SweepPage } from './pages/sweep-page';

const SAMPLE = 'fixtures/seed-shaped.csv';
const userIds = [
  ...new Set(
    readFileSync(SAMPLE, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0] as string),
  ),
];

type Doc = {
  dataset: { fingerprint: string; rows: number };
  points: { trainMs?: number; label: string }[];
  [key: string]: unknown;
};

/** What must agree between the lab and the command line: everything but times and the file's name. */
const numbers = (doc: Doc) => ({
  dataset: { fingerprint: doc.dataset.fingerprint, rows: doc.dataset.rows },
  heldOut: doc.heldOut,
  base: doc.base,
  axes: doc.axes,
  reference: doc.reference,
  seeds: doc.seeds,
  backend: doc.backend,
  thresholds: doc.thresholds,
  validation: doc.validation,
  resamples: doc.resamples,
  points: doc.points.map((p) => ({ ...p, trainMs: undefined })),
  best: doc.best,
  constantRate: doc.constantRate,
});

async function openQuickSweep(page: import('@playwright/test').Page) {
  const lab = new LabPage(page);
  await lab.open();
  await expect(page.getByRole('checkbox', { name: '6. Per-user models' })).toBeVisible();
  const sweep = new SweepPage(page);
  // The command line trains on wasm; Auto could choose another backend here.
  await page.getByLabel('Backend').selectOption('wasm');
  await sweep.setStrategyOption('3. Balanced sampling', 'Epochs', '2');
  return { lab, sweep };
}

test('a sweep of cap per user: progress, charts, headline, table, Use this value, and the same numbers as the CLI, masked', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const { lab, sweep } = await openQuickSweep(page);
  await page.getByLabel('Mask user IDs').check();
  await sweep.choose('3. Balanced sampling', 'Cap per user', '25,100,300', 2);
  await expect(sweep.panel.getByText('3 points × 2 seeds = 6 runs, seeds from 42')).toBeVisible();
  const statuses = await sweep.recordStatus();
  await sweep.run();
  await sweep.waitDone();
  expect(await statuses()).toContainEqual(
    expect.stringMatching(/^Sweeping: point [1-3] of 3, seed [12] of 2 \(\d of 6 runs done\)$/),
  );
  await expect(sweep.status).toHaveText('Sweep done: 3 points × 2 seeds');

  await expect(sweep.headline).toHaveText(
    /(Cap per user \d+ has the lowest per-user log loss|No clear winner)/,
  );
  for (const chart of ['Per-user log loss', 'AUC', 'Response gap', 'Saturated share', 'Variance ratio'])
    await expect(sweep.chart(`${chart} against Cap per user`)).toBeVisible();
  await expect(sweep.chart('Response gap against Cap per user')).toContainText(
    '95 % interval over seeds only',
  );
  await expect(
    sweep.panel.getByRole('table', { name: 'Pass rate of each check per Cap per user' }),
  ).toBeAttached();
  await expect(sweep.pointsTable.getByRole('row')).toHaveCount(4);
  await expect(
    sweep.pointsTable.getByRole('rowheader', { name: /Cap per user 25 \(reference\)/ }),
  ).toBeVisible();

  // The results read at a phone's width and a desktop's: nothing scrolls the page sideways, axe finds
  // nothing serious in the panel.
  for (const width of [360, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await lab.horizontalOverflow()).toBe(0);
    const axe = await new AxeBuilder({ page }).include('section[aria-labelledby="sweep-heading"]').analyze();
    expect(
      axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
    ).toEqual([]);
  }

  // The downloaded sweep: masked name, no user id anywhere, and the command line's numbers.
  const file = await sweep.download();
  expect(file.name).toMatch(/^retrain-lab-sweep-\d{4}-\d{2}-\d{2}-seed42-masked\.json$/);
  for (const id of userIds) expect(file.text).not.toContain(id);
  const out = join(mkdtempSync(join(tmpdir(), 'sweep-')), 'sweep.json');
  execFileSync(
    'node',
    [
      'bin/retrain-lab.mjs',
      'sweep',
      SAMPLE,
      '--strategy',
      'balanced-sampling',
      '--param',
      'capPerUser',
      '--values',
      '25,100,300',
      '--repeats',
      '2',
      '--epochs',
      '2',
      '--seed',
      '42',
      '--backend',
      'wasm',
      '--out',
      out,
    ],
    { stdio: 'pipe', timeout: 180_000 },
  );
  const cli = JSON.parse(readFileSync(out, 'utf8')) as Doc;
  expect(numbers(file.json as Doc)).toEqual(numbers(cli));

  // Use this value: a new own strategy from the preset with cap 100, listed in step 3.
  await sweep.useValue('Cap per user 100');
  await expect(sweep.panel.getByRole('note')).toHaveText(
    'Added “Balanced sampling · Cap per user 100” to your strategies in step 3; train it with the others.',
  );
  const own = page.getByRole('checkbox', { name: 'Balanced sampling · Cap per user 100', exact: true });
  await expect(own).toBeChecked();
  const card = page.getByRole('listitem').filter({ has: own });
  await expect(card).toContainText(/cap 100|Cap per user 100|100 per user/i);
});

test('a two-parameter grid shows a heat map; cancel mid-sweep: the status says cancelled and that grid stays, also after a reload', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const { sweep } = await openQuickSweep(page);
  // First a grid: two parameters give a heat map of mean per-user log loss, with its numbers in the cells.
  await sweep.choose('3. Balanced sampling', 'Cap per user', '25,100', 1);
  await sweep.panel.getByLabel('Second parameter (optional)').selectOption({ label: 'Weight exponent' });
  await sweep.panel.getByLabel('Second values').fill('0,1');
  await sweep.run();
  await sweep.waitDone();
  const heatMap = sweep.panel.getByRole('table', {
    name: 'Mean per-user log loss: rows Cap per user, columns Weight exponent',
  });
  await expect(heatMap.getByRole('row')).toHaveCount(3);
  await expect(heatMap.getByRole('cell')).toHaveText([/^0\.\d{3}/, /^0\.\d{3}/, /^0\.\d{3}/, /^0\.\d{3}/]);
  await expect(sweep.pointsTable.getByRole('row')).toHaveCount(5);
  const headline = await sweep.headline.textContent();

  // Long enough to be caught mid-way.
  await sweep.setStrategyOption('3. Balanced sampling', 'Epochs', '400');
  await sweep.choose('3. Balanced sampling', 'Cap per user', '25,50', 3);
  await sweep.panel.getByLabel('Second parameter (optional)').selectOption({ label: 'None' });
  await sweep.run();
  await expect(sweep.status).toHaveText(/^Sweeping: point \d of 2, seed \d of 3/);
  await expect(page.getByRole('button', { name: 'Train all strategies' })).toBeDisabled();
  await sweep.cancel();
  await expect(sweep.status).toHaveText('Sweep cancelled; the previous sweep’s results are kept', {
    timeout: 5_000,
  });
  await expect(sweep.headline).toHaveText(headline ?? '');
  await expect(sweep.pointsTable.getByRole('row')).toHaveCount(5);
  await expect(heatMap).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train all strategies' })).toBeEnabled();

  // The last sweep is part of the session: a reload brings it back, and the note says so.
  await page.waitForTimeout(1_500); // the session write waits a moment after the last change
  await page.reload();
  await expect(page.getByTestId('task-count')).toHaveText('917', { timeout: 60_000 });
  await expect(
    page.getByText(/Restored from your last session: .*the last sweep \(4 points × 1 seed\)/),
  ).toBeVisible();
  await expect(sweep.headline).toHaveText(headline ?? '');
  await expect(heatMap.getByRole('cell')).toHaveCount(4);
});
