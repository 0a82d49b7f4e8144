/**
 * The six strategies must report exactly what they reported before they became presets of one recipe:
 * each scenario trains every strategy (small epochs, cpu, fixed seed) and compares its report entry —
 * every field but trainMs — with the golden entry captured from the code before the refactor. The fixture
 * (preset-goldens.fixture.json) holds each scenario's option overrides per strategy and the entries they
 * gave. `UPDATE_PRESET_GOLDENS=1 npx vitest run <this file>` rewrites the entries: do that only for a
 * deliberate change of the numbers, and say why in the commit.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { format, resolveConfig } from 'prettier';
import { beforeAll, describe, expect, it } from 'vitest';
import { importTasksFromText } from '../data/import-tasks';
import { summarizeDataset } from '../data/summarize-dataset';
import type { Dataset } from '../data/task';
import type { ReportStrategy } from '../report/report-types';
import type { TailMode } from '../split/temporal-split';
import { datasetOf, syntheticTasks } from '../testing/test-data.test-helper';
import { runComparison } from './run-comparison';

const GOLDEN = fileURLToPath(new URL('./preset-goldens.fixture.json', import.meta.url));
const SEED_SHAPED = fileURLToPath(new URL('../../../fixtures/seed-shaped.csv', import.meta.url));

interface Scenario {
  name: string;
  dataset: () => Promise<Dataset>;
  seed: number;
  validation: TailMode;
}

/** Per scenario: option overrides by strategy id (few epochs, settings away from the defaults on purpose) and the entries. */
type Golden = Record<
  string,
  { options: Record<string, Record<string, unknown>>; entries: Record<string, unknown> }
>;
const readGolden = async () => JSON.parse(await readFile(GOLDEN, 'utf8')) as Golden;

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
  },
  {
    name: 'eight synthetic users, seed 7, global-tail validation',
    dataset: async () => datasetOf(syntheticTasks(700, 3, 8), 'synthetic.csv'),
    seed: 7,
    validation: 'global-tail',
  },
];

/** Options added after the goldens were captured; at these values they leave the network as it was. */
const LATER_OPTIONS: Record<string, unknown> = { monotoneResponse: false, monotoneCounts: false };

/**
 * The entry as JSON without its wall-clock time (the only field that legitimately differs), and without
 * the later options while they are off (on, they change the network, and the entry must differ).
 */
function comparable(entry: ReportStrategy): unknown {
  const { trainMs: _trainMs, ...rest } = JSON.parse(JSON.stringify(entry)) as ReportStrategy;
  const options = rest.options as Record<string, unknown>;
  for (const [key, off] of Object.entries(LATER_OPTIONS)) if (options[key] === off) delete options[key];
  return rest;
}

async function entriesOf(
  scenario: Scenario,
  options: Record<string, Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const dataset = await scenario.dataset();
  const { report, trained } = await runComparison({
    dataset,
    summary: await summarizeDataset(dataset),
    strategies: Object.entries(options).map(([id, o]) => ({ id, options: o })),
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
    it('rewrites the golden entries', async () => {
      const golden = await readGolden();
      for (const scenario of SCENARIOS) {
        const { options } = golden[scenario.name] ?? { options: {} };
        golden[scenario.name] = { options, entries: await entriesOf(scenario, options) };
      }
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
      const golden = (await readGolden())[scenario.name];
      if (!golden) throw new Error(`the fixture has no scenario "${scenario.name}"`);
      const expected = golden.entries;
      const actual = await entriesOf(scenario, golden.options);
      expect(Object.keys(actual)).toEqual(Object.keys(expected));
      for (const [id, entry] of Object.entries(expected)) {
        expect((entry as { status: string }).status, `${id} trained when captured`).toBe('ok');
        expect(actual[id], id).toEqual(entry);
      }
    });
  }
});
