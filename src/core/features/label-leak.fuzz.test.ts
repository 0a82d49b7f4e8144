/**
 * No label in the ordering: a row's own outcome must never reach its history features. Property test
 * over files with many equal timestamps — flipping any row's is_correct and importing again leaves that
 * row's features, and those of every row before it, exactly as they were.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importTasksFromText } from '../data/import-tasks';
import type { Task } from '../data/task';
import { FEATURE_COUNT } from './history-features';
import { computeFeatureMatrix } from './task-context';

interface Row {
  user: number;
  topic: number;
  level: number;
  /** Few distinct minutes, so ties are common, within a user and across users. */
  minute: number;
  correct: boolean;
  seconds: number;
}

const rowArb: fc.Arbitrary<Row> = fc.record({
  user: fc.integer({ min: 0, max: 2 }),
  topic: fc.integer({ min: 0, max: 2 }),
  level: fc.integer({ min: 0, max: 2 }),
  minute: fc.integer({ min: 0, max: 5 }),
  correct: fc.boolean(),
  seconds: fc.integer({ min: 1, max: 300 }),
});

const csvOf = (rows: readonly Row[]): string =>
  [
    'user_id,topic,difficulty,completed_at,is_correct,actual_time_seconds',
    ...rows.map(
      (r) =>
        `u${r.user},T${r.topic},${['easy', 'medium', 'hard'][r.level]},2025-09-01T08:0${r.minute}:00Z,${r.correct},${r.seconds}`,
    ),
  ].join('\n');

function importRows(rows: readonly Row[]): Task[] {
  const result = importTasksFromText(csvOf(rows), 'ties.csv');
  if (result.kind !== 'ok') throw new Error(result.message);
  return result.dataset.tasks;
}

/** Feature rows keyed by file row, and each file row's position in the canonical order. */
function featuresByFileRow(tasks: readonly Task[]): {
  position: Map<number, number>;
  features: Float32Array;
} {
  const position = new Map(tasks.map((t, i) => [t.row as number, i]));
  return { position, features: computeFeatureMatrix(tasks) };
}

describe('task order and the label', () => {
  it('flipping one row’s is_correct changes neither its features nor any earlier row’s', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 2, maxLength: 30 }), fc.nat(), (rows, pick) => {
        const flipped = pick % rows.length;
        const before = featuresByFileRow(importRows(rows));
        const after = featuresByFileRow(
          importRows(rows.map((r, i) => (i === flipped ? { ...r, correct: !r.correct } : r))),
        );
        const flippedAt = before.position.get(flipped + 1) as number;
        // The order itself does not move: the label decides no place.
        expect(after.position).toEqual(before.position);
        for (let i = 0; i <= flippedAt; i++) {
          const slice = (f: Float32Array) => [...f.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT)];
          expect(slice(after.features)).toEqual(slice(before.features));
        }
      }),
      { seed: 15_2026, numRuns: 300 },
    );
  });

  it('keeps file order for equal timestamps', () => {
    const rows: Row[] = [
      { user: 0, topic: 0, level: 0, minute: 1, correct: true, seconds: 10 },
      { user: 0, topic: 0, level: 0, minute: 1, correct: false, seconds: 20 },
      { user: 0, topic: 0, level: 0, minute: 0, correct: true, seconds: 30 },
    ];
    expect(importRows(rows).map((t) => t.row)).toEqual([3, 1, 2]);
  });
});
