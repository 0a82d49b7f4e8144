import { describe, expect, it } from 'vitest';
import { DIFFICULTIES, type Task } from '../data/task';
import type { TaskContext } from '../features/task-context';
import type { Predictor } from '../strategies/types';
import { runGeneralisationSweep, topicsOf } from './generalisation-sweep';

const T0 = Date.UTC(2025, 8, 1);
const task = (userId: string, s: number, topic: string, ok: boolean): Task => ({
  userId,
  topic,
  difficulty: 'easy',
  completedAtMs: T0 + s * 1000,
  isCorrect: ok,
  actualTimeSeconds: 30,
});
// Topics appear in a non-alphabetical order; user "small" never saw Geometry.
const TASKS: Task[] = [
  task('big', 0, 'Statistics', true),
  task('big', 60, 'Algebra', false),
  task('small', 90, 'Statistics', true),
  task('big', 120, 'Geometry', true),
];

/** p depends on the cell: 0.2 + 0.1 × difficulty index + 0.3 on Geometry, scaled per user. */
function cellPredictor(scale: Record<string, number>) {
  const calls: TaskContext[][] = [];
  const predictor: Predictor = {
    predict: async (contexts) => {
      calls.push([...contexts]);
      const p = Float32Array.from(contexts, (c) => {
        const cell = 0.1 * DIFFICULTIES.indexOf(c.difficulty) + (c.topic === 'Geometry' ? 0.3 : 0);
        return 0.2 + (scale[c.userId] ?? 1) * cell;
      });
      return { pCorrect: p, timeSeconds: new Float32Array(contexts.length) };
    },
  };
  return { predictor, calls };
}

describe('runGeneralisationSweep against a fake predictor', () => {
  it('predicts every topic × difficulty for every user in one call, row-major, topics sorted', async () => {
    const { predictor, calls } = cellPredictor({});
    const sweep = await runGeneralisationSweep(predictor, TASKS);
    expect(calls).toHaveLength(1);
    expect(topicsOf(TASKS)).toEqual(['Algebra', 'Geometry', 'Statistics']);
    expect(sweep.topics).toEqual(['Algebra', 'Geometry', 'Statistics']);
    expect(sweep.grid.map((g) => g.userId)).toEqual(['big', 'small']);
    const expected = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.2, 0.3, 0.4];
    sweep.grid[1]?.predictions.forEach((p, i) => expect(p).toBeCloseTo(expected[i] as number, 6));
    // Same predictor for both users → same spread → ratio 1, generalises.
    expect(sweep.perUser.map((u) => u.n)).toEqual([9, 9]);
    expect(sweep.varianceRatio).toBeCloseTo(1, 6);
    // Every context of a user is at their current history (the same features apart from the cell's own).
    const small = (calls[0] ?? []).slice(9);
    for (const c of small) expect(c.history[4]).toBeCloseTo(1 / 100, 6);
  });

  it('measures the std per user, and the ratio of largest to smallest', async () => {
    const { predictor } = cellPredictor({ big: 1, small: 0.25 });
    const sweep = await runGeneralisationSweep(predictor, TASKS);
    // The cell effects of the grid; user small's predictions are a quarter as spread.
    const cells = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0, 0.1, 0.2];
    const m = cells.reduce((s, v) => s + v, 0) / 9;
    const std = Math.sqrt(cells.reduce((s, v) => s + (v - m) ** 2, 0) / 9);
    expect(sweep.perUser[0]?.std).toBeCloseTo(std, 6);
    expect(sweep.perUser[1]?.std).toBeCloseTo(std / 4, 6);
    expect(sweep.varianceRatio).toBeCloseTo(4, 4);
  });

  it('gives Infinity when one user gets the same prediction everywhere (the overfit case)', async () => {
    const { predictor } = cellPredictor({ small: 0 });
    const sweep = await runGeneralisationSweep(predictor, TASKS);
    expect(sweep.perUser[1]?.std).toBe(0);
    expect(sweep.varianceRatio).toBe(Infinity);
  });
});
