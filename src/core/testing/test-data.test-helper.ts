/**
 * Test data for the ML core's tests: the committed seed-shaped fixture through the real importer,
 * and a seeded generator of small task lists. Test-only (reads files with node:fs): never import
 * it from runtime code.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { importTasksFromText } from '../data/import-tasks';
import { DIFFICULTIES, type Dataset, type Task } from '../data/task';
import { createRng } from '../random/rng';
import { temporalSplit } from '../split/temporal-split';
import type { TrainingData } from '../training/loop/training-types';

const FIXTURE = fileURLToPath(new URL('../../../fixtures/seed-shaped.csv', import.meta.url));

/** The seed-shaped fixture (917 tasks: 846 / 59 / 9 / 3) and its default temporal split. */
export async function loadSeedFixture(): Promise<{
  tasks: Task[];
  data: TrainingData;
  testIndices: number[];
}> {
  const result = importTasksFromText(await readFile(FIXTURE, 'utf8'), 'seed-shaped.csv');
  if (result.kind !== 'ok') throw new Error(result.message);
  const tasks = result.dataset.tasks;
  const split = temporalSplit(tasks);
  return { tasks, data: { tasks, trainIndices: split.trainIndices }, testIndices: split.testIndices };
}

/** n chronological tasks over `users` users (user i has weight 1/(i+1)), learnable: correctness depends on topic and user. */
export function syntheticTasks(n: number, seed: number, users = 4): Task[] {
  const rng = createRng(seed);
  const topics = ['Calculus', 'Algebra', 'Geometry'];
  const weights = Array.from({ length: users }, (_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const tasks: Task[] = [];
  let t = Date.UTC(2025, 8, 1);
  for (let i = 0; i < n; i++) {
    let r = rng.next() * total;
    let u = 0;
    while (u < users - 1 && (r -= weights[u] as number) > 0) u++;
    const topic = topics[rng.int(topics.length)] as string;
    const difficulty = DIFFICULTIES[rng.int(3)] as Task['difficulty'];
    const p =
      1 /
      (1 +
        Math.exp(
          -(2.5 - 1.5 * u - (topic === 'Geometry' ? 1.5 : 0) - DIFFICULTIES.indexOf(difficulty) * 0.8),
        ));
    t += 30_000 + rng.int(600_000);
    tasks.push({
      userId: `user${u}@example.com`,
      topic,
      difficulty,
      completedAtMs: t,
      isCorrect: rng.next() < p,
      actualTimeSeconds: Math.round(Math.exp(3.5 + 0.4 * rng.normal() + (p < 0.5 ? 0.3 : 0)) * 10) / 10,
    });
  }
  return tasks;
}

/** Tasks as an imported dataset with a clean import report (nothing skipped). */
export function datasetOf(tasks: Task[], fileName: string): Dataset {
  return {
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
  };
}
