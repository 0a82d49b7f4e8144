/**
 * What the monotone response path relies on: the outcome-history columns are the only features that
 * depend on earlier outcomes, and each is non-decreasing in every earlier outcome. Property test over
 * random histories — turning one earlier wrong answer into a right one raises or keeps every outcome
 * column of the next task and leaves every other column exactly as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIFFICULTIES } from '../data/task';
import { FEATURE_COUNT, OUTCOME_FEATURE_COLUMNS, UserHistory, type HistoryTask } from './history-features';

const taskArb: fc.Arbitrary<HistoryTask> = fc.record({
  topic: fc.constantFrom('A', 'B', 'C'),
  difficulty: fc.constantFrom(...DIFFICULTIES),
  isCorrect: fc.boolean(),
  actualTimeSeconds: fc.integer({ min: 0, max: 900 }),
  completedAtMs: fc.integer({ min: 0, max: 1_000_000 }),
});

const featuresAfter = (tasks: readonly HistoryTask[], next: HistoryTask): Float32Array => {
  const h = new UserHistory();
  for (const t of tasks) h.add(t);
  return h.featuresFor(next.topic, next.difficulty, next.completedAtMs);
};

describe('outcome-history features', () => {
  it('are the rates, the last-5 accuracies and the streak', () => {
    expect(OUTCOME_FEATURE_COLUMNS).toEqual([0, 1, 2, 3, 7, 8, 9]);
  });

  it('are non-decreasing in every earlier outcome; the other features ignore outcomes', () => {
    const outcome = new Set<number>(OUTCOME_FEATURE_COLUMNS);
    fc.assert(
      fc.property(
        fc.array(taskArb, { minLength: 1, maxLength: 40 }),
        taskArb,
        fc.nat(),
        (raw, next, pick) => {
          // Chronological, as the accumulator requires.
          const tasks = [...raw].sort((a, b) => a.completedAtMs - b.completedAtMs);
          const wrong = tasks.map((t, i) => (t.isCorrect ? -1 : i)).filter((i) => i >= 0);
          if (wrong.length === 0) return;
          const flip = wrong[pick % wrong.length] as number;
          const lower = featuresAfter(tasks, next);
          const higher = featuresAfter(
            tasks.map((t, i) => (i === flip ? { ...t, isCorrect: true } : t)),
            next,
          );
          for (let c = 0; c < FEATURE_COUNT; c++) {
            const [lo, hi] = [lower[c] as number, higher[c] as number];
            if (outcome.has(c)) expect({ c, ok: hi >= lo - 1e-7 }).toEqual({ c, ok: true });
            else expect({ c, hi }).toEqual({ c, hi: lo });
          }
        },
      ),
      { seed: 16_3, numRuns: 500 },
    );
  });
});
