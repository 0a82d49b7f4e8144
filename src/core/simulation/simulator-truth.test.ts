/**
 * The truth row stands on two facts checked here: a loaded fixture is recognised only by regenerating it
 * (same fingerprint), and the truth predictor, fed each row's history features, gives back the very
 * P(correct) the file's `true_p` recorded — so the latent parameters are the simulator's own.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importTasksFromText } from '../data/import-tasks';
import { summarizeDataset } from '../data/summarize-dataset';
import type { Dataset } from '../data/task';
import { buildTaskContexts } from '../features/task-context';
import { identifySimulation } from './identify-simulation';
import { knownSimulation } from './known-simulations';
import { simulatorInputs, simulatorTruth, truthMedianSeconds } from './simulator-truth';

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url));

async function load(name: string, edit: (text: string) => string = (t) => t): Promise<Dataset> {
  const result = importTasksFromText(edit(await readFile(fixture(name), 'utf8')), name);
  if (result.kind !== 'ok') throw new Error(result.message);
  return result.dataset;
}

async function identityOf(dataset: Dataset) {
  const s = await summarizeDataset(dataset);
  return { fingerprint: s.fingerprint, rows: s.rows, users: s.users.length, hasTrueP: s.hasTrueP };
}

describe('identifySimulation', () => {
  it('recognises the bundled sample, its JSON twin and medium.csv by regenerating them', async () => {
    expect((await identifySimulation(await identityOf(await load('seed-shaped.csv'))))?.name).toBe(
      'seed-shaped',
    );
    expect((await identifySimulation(await identityOf(await load('seed-shaped.json'))))?.name).toBe(
      'seed-shaped',
    );
    expect((await identifySimulation(await identityOf(await load('medium.csv'))))?.name).toBe('medium');
  });

  it('refuses a file that differs in one outcome, or carries no true_p', async () => {
    // The first data row's is_correct flipped: same counts, another fingerprint.
    const flipped = await load('seed-shaped.csv', (text) => {
      const lines = text.split('\n');
      lines[1] = (lines[1] as string).replace(/,(true|false),/, (_, v: string) =>
        v === 'true' ? ',false,' : ',true,',
      );
      return lines.join('\n');
    });
    expect(await identifySimulation(await identityOf(flipped))).toBeUndefined();
    const withoutTruth = await load('seed-shaped.csv', (text) =>
      text
        .split('\n')
        .map((line) => line.split(',').slice(0, 6).join(','))
        .join('\n'),
    );
    expect(await identifySimulation(await identityOf(withoutTruth))).toBeUndefined();
  });
});

describe('simulatorTruth', () => {
  it("gives back every row's recorded true_p from the row's history features", async () => {
    const dataset = await load('seed-shaped.csv');
    const truth = simulatorTruth(knownSimulation('seed-shaped'));
    const contexts = buildTaskContexts(dataset.tasks);
    const { pCorrect } = await truth.predict(contexts);
    let worst = 0;
    dataset.tasks.forEach((task, i) => {
      worst = Math.max(worst, Math.abs((pCorrect[i] as number) - (task.trueP as number)));
    });
    // true_p has 4 decimals; float32 adds ~6e-8.
    expect(worst).toBeLessThanOrEqual(5e-5 + 1e-6);
  });

  it('reads practice and the run of correct answers back from the v1 features', async () => {
    const dataset = await load('seed-shaped.csv');
    const contexts = buildTaskContexts(dataset.tasks);
    const bulk = dataset.tasks
      .map((task, i) => ({ task, context: contexts[i] as (typeof contexts)[number] }))
      .filter(({ task }) => task.userId === 'bulk@example.com');
    let practice = 0;
    let run = 0;
    for (const { task, context } of bulk) {
      const inputs = simulatorInputs(context);
      if (task.topic === 'Calculus') {
        expect(inputs.practice).toBe(practice);
        practice++;
      }
      expect(inputs.run).toBe(Math.min(run, 10));
      run = task.isCorrect ? run + 1 : 0;
    }
  });

  it('predicts the median time of its two-lognormal mixture, between the correct and wrong medians', () => {
    const learner = { speed: 1 };
    expect(truthMedianSeconds(learner, 'easy', 0, 1)).toBeCloseTo(40, 3);
    expect(truthMedianSeconds(learner, 'easy', 0, 0)).toBeCloseTo(54, 3);
    const half = truthMedianSeconds(learner, 'easy', 0, 0.5);
    expect(half).toBeGreaterThan(40);
    expect(half).toBeLessThan(54);
  });

  it('refuses a user the simulation never had', async () => {
    const truth = simulatorTruth(knownSimulation('seed-shaped'));
    const context = {
      userId: 'someone@else',
      topic: 'Calculus',
      difficulty: 'easy' as const,
      history: new Float32Array(13),
    };
    await expect(truth.predict([context])).rejects.toThrow(/no learner "someone@else"/);
  });
});
