/**
 * docs/contract.md §2: "a check that the truth fails is a broken check". The simulator's own P(correct),
 * probed and judged exactly as strategies are, must pass continuous and responsive on the bundled sample;
 * a file that is not one of the lab's simulations gets no truth row at all.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importTasksFromText } from '../data/import-tasks';
import { summarizeDataset } from '../data/summarize-dataset';
import { temporalSplit } from '../split/temporal-split';
import { evaluateTruth } from './evaluate-truth';

const SAMPLE = fileURLToPath(new URL('../../../public/samples/seed-shaped.csv', import.meta.url));

async function setup(edit: (text: string) => string = (t) => t) {
  const result = importTasksFromText(edit(await readFile(SAMPLE, 'utf8')), 'seed-shaped.csv');
  if (result.kind !== 'ok') throw new Error(result.message);
  const { tasks } = result.dataset;
  const s = await summarizeDataset(result.dataset);
  const identity = { fingerprint: s.fingerprint, rows: s.rows, users: s.users.length, hasTrueP: s.hasTrueP };
  const data = { tasks, testIndices: temporalSplit(tasks).testIndices, seed: 1, resamples: 50 };
  return { identity, data, tasks };
}

describe('evaluateTruth on the bundled sample', () => {
  it('passes continuous and responsive (and generalizes), responding the right way for every user', async () => {
    const { identity, data } = await setup();
    const truth = await evaluateTruth(identity, data);
    expect(truth?.simulation).toEqual({ name: 'seed-shaped', seed: 7 });
    expect(truth?.checks).toEqual({ continuous: 'pass', responsive: 'pass', generalizes: 'pass' });
    expect(truth?.responseViolations).toEqual([]);
    expect(truth?.responseGap).toBeGreaterThan(0);
    for (const probe of truth?.responseProbes ?? []) {
      expect(probe.afterCorrect.at(-1)).toBeGreaterThanOrEqual(probe.afterIncorrect.at(-1) as number);
    }
    // Its held-out predictions are the file's own true_p (4 decimals).
    const worst = Math.max(
      ...data.testIndices.map((i, j) =>
        Math.abs((truth?.heldOut.pCorrect[j] as number) - (data.tasks[i]?.trueP as number)),
      ),
    );
    expect(worst).toBeLessThan(6e-5);
  });

  it('gives real data — here the sample with one outcome changed — no truth row', async () => {
    const { identity, data } = await setup((text) => text.replace(',true,', ',false,'));
    expect(await evaluateTruth(identity, data)).toBeUndefined();
  });
});
