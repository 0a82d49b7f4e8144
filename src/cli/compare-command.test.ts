// `retrain-lab compare` on the seed-shaped fixture: the table, the report and bundles it writes, the monotone
// path and lane threads. Its arguments are tested in compare-args.test.ts.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { auc } from '../core/evaluation/auc';
import { brier } from '../core/evaluation/brier';
import { logLoss } from '../core/evaluation/log-loss';
import { readBundle } from '../core/export/read-bundle';
import { fixed } from '../core/report/format-figures';
import { validateReport } from '../core/report/report-schema';
import { compareCommand } from './compare-command';
import { captureIo } from './capture-io.test-helper';

const FIXTURE = fileURLToPath(new URL('../../fixtures/seed-shaped.csv', import.meta.url));

describe('compare on the seed-shaped fixture', () => {
  it('trains the chosen strategies, prints a table, writes the report and the model bundles', async () => {
    const io = captureIo();
    const written = new Map<string, string | Uint8Array>();
    const code = await compareCommand(
      [
        'fixtures/seed-shaped.csv',
        '--strategies',
        'weighted-loss,per-user,soft',
        '--recipe',
        '{"id":"soft","label":"Softer weights","from":"weighted-loss","weightExponent":0.5}',
        '--epochs',
        '1',
        '--batch-size',
        '128',
        '--seed',
        '5',
        '--repeats',
        '2',
        '--out',
        'r.json',
        '--predictions',
        'p.csv',
        '--models',
        'bundles/',
      ],
      io,
      () => readFile(FIXTURE, 'utf8'),
      async (path, data) => void written.set(path, data),
    );
    expect(code).toBe(0);
    expect(io.out).toContain('4. Weighted loss');
    expect(io.out).toContain('6. Per-user models');
    expect(io.err).toContain('training 4. Weighted loss (seed 2 of 2)');
    expect(io.out).toContain('Seeds 5–6');
    expect(io.out).toMatch(/constant rate \(baseline\)\s+0\.500 \[0\.500, 0\.500\]/);
    // mean [interval] for AUC, log loss and per-user log loss; pass rates; train seconds.
    expect(io.out).toMatch(
      /4\. Weighted loss\s+(\d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\]\s+){3}(\d+%\s){3}\s*–\s+\d+\.\d/,
    );
    expect(io.out).toContain('Simulator truth');
    expect(io.out).toContain('per-user log loss by user');
    expect(io.out).toMatch(/asss77@example\.com \* \(n=1\)/);
    expect(io.out).toMatch(/\nrecommendation: \S/);
    const report = JSON.parse(written.get('r.json') as string);
    expect(validateReport(report).ok).toBe(true);
    // Each user's line carries every strategy's log loss for that user, in strategy order, as the report has it.
    type PerUser = { userId: string; logLoss: number | null };
    const ok = (report.strategies as { status: string; testPerUser: PerUser[] }[]).filter(
      (s) => s.status === 'ok',
    );
    for (const { userId } of ok[0]?.testPerUser ?? []) {
      const line = (io.out as string).split('\n').find((l) => l.startsWith(`${userId} `));
      const want = ok.map((s) => fixed(s.testPerUser.find((u) => u.userId === userId)?.logLoss));
      expect(line?.split(/\s+/).slice(-want.length), userId).toEqual(want);
    }
    expect(report).toMatchObject({
      schemaVersion: 2,
      seed: 5,
      seeds: [5, 6],
      backend: 'cpu',
      dataset: { rows: 917 },
    });
    expect(report.recommendation.headline).toBe(io.out.match(/recommendation: (.*)/)?.[1]);
    // The predictions CSV: one row per held-out task and seed; its numbers give back the report's metrics.
    const csv = Papa.parse<Record<string, string>>((written.get('p.csv') as string).trim(), {
      header: true,
    }).data;
    expect(csv).toHaveLength(2 * 182);
    for (const [k, run] of report.strategies[0].runs.entries()) {
      const rows = csv.filter((r) => Number(r.seed) === 5 + k);
      const y = rows.map((r) => Number(r.is_correct));
      const p = rows.map((r) => Number(r['weighted-loss_p_correct']));
      expect(Math.abs((logLoss(y, p) as number) - run.test.logLoss)).toBeLessThan(1e-12);
      expect(Math.abs((auc(y, p) as number) - run.test.auc)).toBeLessThan(1e-12);
      expect(Math.abs((brier(y, p) as number) - run.test.brier)).toBeLessThan(1e-12);
    }
    expect(report.dataset.fingerprint).toMatch(/^sha256:/);
    expect(report.split).toMatchObject({ kind: 'temporal-per-user', trainRows: 735, testRows: 182 });
    expect(report.strategies.map((s: { id: string }) => s.id)).toEqual(['weighted-loss', 'per-user', 'soft']);
    const [weighted, perUser, soft] = report.strategies;
    expect(soft).toMatchObject({ status: 'ok', label: 'Softer weights', recipe: { weightExponent: 0.5 } });
    expect(soft.recipe.training).toMatchObject({ epochs: 1, batchSize: 128 });
    expect(io.out).toContain('Softer weights');
    expect(weighted.options).toMatchObject({ epochs: 1, batchSize: 128, validationMode: 'per-user-tail' });
    expect(perUser.options).toMatchObject({ epochs: 1, finetuneEpochs: 1 });
    expect(weighted.trainMs).toBeGreaterThan(0);
    expect(weighted.trainingInfluence.map((r: { share: number }) => r.share.toFixed(2))).toEqual([
      '0.25',
      '0.25',
      '0.25',
      '0.25',
    ]);
    expect(weighted.test.n).toBe(182);
    expect(weighted.test.logLoss).toBeGreaterThan(0);
    const bundles = [...written.keys()].filter((p) => p.startsWith('bundles/')).sort();
    expect(bundles).toEqual([
      expect.stringMatching(/^bundles\/retrain-lab-per-user-\d{4}-\d\d-\d\d\.zip$/),
      expect.stringMatching(/^bundles\/retrain-lab-soft-\d{4}-\d\d-\d\d\.zip$/),
      expect.stringMatching(/^bundles\/retrain-lab-weighted-loss-\d{4}-\d\d-\d\d\.zip$/),
    ]);
    const read = readBundle(written.get(bundles[0] as string) as Uint8Array, 'per-user.zip');
    expect(read.kind === 'ok' && Object.keys(read.manifest.routing.users)).toEqual([
      'bulk@example.com',
      'you2@example.com',
    ]);
    expect(io.err).toMatch(/model bundles\/retrain-lab-per-user-.*\.zip: \d+\.\d kB, 6 networks/);
  });

  it('--monotone-response trains every chosen strategy with the monotone path: no probe ends below its incorrect curve', async () => {
    const io = captureIo();
    const written = new Map<string, string | Uint8Array>();
    const argv = ['fixtures/seed-shaped.csv', '--strategies', 'full-retrain,per-user', '--epochs', '2'];
    const code = await compareCommand(
      [...argv, '--batch-size', '128', '--monotone-response', '--out', 'r.json'],
      io,
      () => readFile(FIXTURE, 'utf8'),
      async (path, data) => void written.set(path, data),
    );
    expect(code).toBe(0);
    const report = JSON.parse(written.get('r.json') as string);
    for (const s of report.strategies as {
      options: Record<string, unknown>;
      responseProbes: { afterCorrect: number[]; afterIncorrect: number[] }[];
    }[]) {
      expect(s.options).toMatchObject({ monotoneResponse: true, monotoneCounts: false });
      for (const p of s.responseProbes)
        expect(p.afterCorrect[5] as number).toBeGreaterThanOrEqual((p.afterIncorrect[5] as number) - 1e-7);
    }
  });

  it('trains on lane threads as on one thread: the same report over two seeds, the same predictions, and the threads pack their bundles', async () => {
    const run = async (threads: number) => {
      const io = captureIo();
      const written = new Map<string, string | Uint8Array>();
      const code = await compareCommand(
        [
          'fixtures/seed-shaped.csv',
          '--strategies',
          'full-retrain,progressive,per-user',
          '--epochs',
          '2',
        ].concat(
          ['--backend', 'wasm', '--threads', String(threads), '--out', 'r.json', '--models', 'm'],
          // Two seeds: the first seed's model is the one kept (and packed), every seed's predictions come back.
          ['--repeats', '2', '--predictions', 'p.csv'],
        ),
        io,
        () => readFile(FIXTURE, 'utf8'),
        async (path, data) => void written.set(path, data),
      );
      expect(code).toBe(0);
      const report = JSON.parse(written.get('r.json') as string);
      const bundles = [...written.keys()].filter((p) => p.startsWith('m/')).sort();
      return {
        report: {
          ...report,
          generatedAt: 0,
          // The clock's fields: each entry's time, its run's start, and each seed's time.
          strategies: report.strategies.map((e: { runs?: object[] }) => ({
            ...e,
            trainMs: 0,
            trainedAt: 0,
            runs: e.runs?.map((r) => ({ ...r, trainMs: 0 })),
          })),
        },
        bundles,
        predictions: written.get('p.csv'),
      };
    };
    const [one, three] = [await run(1), await run(3)];
    expect(three.report).toEqual(one.report);
    expect(three.bundles).toEqual(one.bundles);
    expect(three.bundles).toHaveLength(3);
    expect(one.report.seeds).toEqual([42, 43]);
    expect(three.predictions).toEqual(one.predictions);
    expect(String(one.predictions).trim().split('\r\n')).toHaveLength(1 + 2 * 182);
  }, 120_000);
});
