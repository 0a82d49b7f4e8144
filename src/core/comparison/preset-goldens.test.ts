/**
 * The six strategies must report exactly what they reported before they became presets of one recipe:
 * each scenario trains every strategy (small epochs, cpu, fixed seed) and compares its report entry —
 * every field but trainMs — with the golden entry captured from the code before the refactor
 * (preset-goldens.fixture.json). `UPDATE_PRESET_GOLDENS=1 npx vitest run <this file>` rewrites the
 * fixture: do that only for a deliberate change of the numbers, and say why in the commit.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { format, resolveConfig } from 'prettier';
import { beforeAll, describe, expect, it } from 'vitest';
import { importTasksFromText } from '../data/import-tasks';
import { summarizeDataset } from '../data/summarize-dataset';
import type { Dataset, Task } from '../data/task';
import type { ReportStrategy } from '../report/report-types';
import type { TailMode } from '../split/temporal-split';
import { syntheticTasks } from '../testing/test-data.test-helper';
import { runComparison } from './run-comparison';

const GOLDEN = fileURLToPath(new URL('./preset-goldens.fixture.json', import.meta.url));
const SEED_SHAPED = fileURLToPath(new URL('../../../fixtures/seed-shaped.csv', import.meta.url));

interface Scenario {
  name: string;
  dataset: () => Promise<Dataset>;
  seed: number;
  validation: TailMode;
  /** Option overrides by strategy id: few epochs, and settings away from the defaults on purpose. */
  options: Record<string, Record<string, unknown>>;
}

const asDataset = (tasks: Task[], fileName: string): Dataset => ({
  tasks,
  report: {
    fileName,
    format: 'csv',
    rowsRead: tasks.length,
    notCompletedRows: 0,
    skippedRows: 0,
    problems: [],
    ignoredColumns: [],
    columnMap: {},
  },
});

const SCENARIOS: Scenario[] = [
  {
    name: 'seed-shaped sample, seed 42, per-user-tail validation',
    dataset: async () => {
      const imported = importTasksFromText(await readFile(SEED_SHAPED, 'utf8'), 'seed-shaped.csv');
      if (imported.kind !== 'ok') throw new Error(imported.message);
      return imported.dataset;
    },
    seed: 42,
    validation: 'per-user-tail',
    options: {
      'full-retrain': { epochs: 3, stepsPerEpoch: 0 },
      'architecture-fixes': { epochs: 3, learningRate: 3e-3 },
      'balanced-sampling': { epochs: 3, maxPerUser: 100 },
      'weighted-loss': { epochs: 4, patience: 2 },
      progressive: { pretrainEpochs: 3, pretrainPatience: 1, finetuneEpochs: 2, finetuneLearningRate: 3e-4 },
      'per-user': { epochs: 3, minTasks: 5, finetuneEpochs: 2 },
    },
  },
  {
    name: 'eight synthetic users, seed 7, global-tail validation',
    dataset: async () => asDataset(syntheticTasks(700, 3, 8), 'synthetic.csv'),
    seed: 7,
    validation: 'global-tail',
    options: {
      'full-retrain': { epochs: 2, batchSize: 16, restoreBestWeights: false },
      'architecture-fixes': { epochs: 2, stepsPerEpoch: 0, batchSize: 48 },
      'balanced-sampling': { epochs: 3, maxPerUser: 40, patience: 1 },
      'weighted-loss': { epochs: 2, learningRate: 2e-3 },
      progressive: {
        pretrainEpochs: 2,
        pretrainMaxPerUser: 30,
        finetuneEpochs: 2,
        finetunePatience: 1,
        batchSize: 24,
        stepsPerEpoch: 0,
      },
      'per-user': {
        epochs: 2,
        baseWeighting: 'none',
        minTasks: 10,
        freezeLayers: 2,
        finetuneEpochs: 2,
        finetunePatience: 1,
      },
    },
  },
];

/** The entry as JSON without its wall-clock time (the only field that legitimately differs). */
function comparable(entry: ReportStrategy): unknown {
  const { trainMs: _trainMs, ...rest } = JSON.parse(JSON.stringify(entry)) as ReportStrategy;
  return rest;
}

async function entriesOf(scenario: Scenario): Promise<Record<string, unknown>> {
  const dataset = await scenario.dataset();
  const { report, trained } = await runComparison({
    dataset,
    summary: await summarizeDataset(dataset),
    strategies: Object.entries(scenario.options).map(([id, options]) => ({ id, options })) as never,
    seed: scenario.seed,
    validation: { mode: scenario.validation },
    backend: tf.getBackend(),
    resamples: 100,
  });
  for (const model of trained.values()) model.dispose();
  return Object.fromEntries(report.strategies.map((s) => [s.id, comparable(s)]));
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the six strategies reproduce their golden report entries (cpu)', () => {
  if (process.env.UPDATE_PRESET_GOLDENS) {
    it('rewrites the golden fixture', async () => {
      const golden: Record<string, Record<string, unknown>> = {};
      for (const scenario of SCENARIOS) golden[scenario.name] = await entriesOf(scenario);
      // Formatted as `prettier --check .` expects.
      await writeFile(
        GOLDEN,
        await format(JSON.stringify(golden), { ...(await resolveConfig(GOLDEN)), parser: 'json' }),
      );
    });
    return;
  }
  for (const scenario of SCENARIOS) {
    it(`${scenario.name}: every field but trainMs, bit for bit`, async () => {
      const golden = JSON.parse(await readFile(GOLDEN, 'utf8')) as Record<string, Record<string, unknown>>;
      const expected = golden[scenario.name];
      expect(expected, 'the fixture has this scenario').toBeDefined();
      const actual = await entriesOf(scenario);
      expect(Object.keys(actual)).toEqual(Object.keys(expected ?? {}));
      for (const [id, entry] of Object.entries(expected ?? {})) {
        expect((entry as { status: string }).status, `${id} trained when captured`).toBe('ok');
        expect(actual[id], id).toEqual(entry);
      }
    });
  }
});
