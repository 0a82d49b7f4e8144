// One strategy with a learning rate that makes its loss explode fails by name; the others train, and no
// model or tensor is left behind. Durations of 1e308 s in the file are clipped at import, so they no
// longer kill every strategy ("time 0 is not finite … predicted Infinity").
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importTasksFromText } from '../data/import-tasks';
import { summarizeDataset } from '../data/summarize-dataset';
import { runComparison } from './run-comparison';

const FIXTURE = fileURLToPath(new URL('../../../fixtures/seed-shaped.csv', import.meta.url));
const FAST = { epochs: 2, batchSize: 64 };

async function dataset(transform: (csv: string) => string = (t) => t) {
  const imported = importTasksFromText(transform(await readFile(FIXTURE, 'utf8')), 'seed-shaped.csv');
  if (imported.kind !== 'ok') throw new Error(imported.message);
  return { dataset: imported.dataset, summary: await summarizeDataset(imported.dataset) };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('divergence in a comparison', () => {
  it('fails only the strategy whose learning rate diverges, with the plain sentence', async () => {
    const data = await dataset();
    const tensors = tf.memory().numTensors;
    const { report, trained } = await runComparison({
      ...data,
      strategies: [
        { id: 'full-retrain', options: FAST },
        { id: 'weighted-loss', options: { ...FAST, learningRate: 1e9 } },
      ],
      seed: 42,
      backend: tf.getBackend(),
      resamples: 50,
    });
    const [ok, diverged] = report.strategies;
    expect(ok?.status).toBe('ok');
    expect(diverged).toMatchObject({ id: 'weighted-loss', status: 'failed' });
    expect(diverged?.status === 'failed' && diverged.error).toMatch(
      /^training diverged at epoch \d+ \(learning rate 1e9 is probably too high\)$/,
    );
    expect([...trained.keys()]).toEqual(['full-retrain']);
    trained.forEach((t) => t.dispose());
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('a file with every 8th duration at 1e308 s trains every strategy (clipped at import, with a warning)', async () => {
    let n = 0;
    const data = await dataset((csv) =>
      csv.replace(
        /^([^,\n]*,[^,\n]*,[^,\n]*,[^,\n]*,[^,\n]*,)([^,\n]*)/gm,
        (_line, head: string, time: string) => (n++ > 0 && n % 8 === 0 ? `${head}1e308` : `${head}${time}`),
      ),
    );
    expect(data.dataset.report.warnings?.[0]).toMatchObject({ kind: 'long-durations' });
    expect(data.dataset.report.warnings?.[0]?.count).toBeGreaterThan(100);
    const { report, trained } = await runComparison({
      ...data,
      strategies: [
        { id: 'full-retrain', options: FAST },
        { id: 'per-user', options: { ...FAST, finetuneEpochs: 1 } },
      ],
      seed: 42,
      backend: tf.getBackend(),
      resamples: 50,
    });
    expect(report.strategies.map((s) => s.status)).toEqual(['ok', 'ok']);
    for (const s of report.strategies)
      if (s.status === 'ok') expect(Number.isFinite(s.test.timeMaeSeconds)).toBe(true);
    trained.forEach((t) => t.dispose());
  });
});
