import { describe, expect, it } from 'vitest';
import { encodeRows, fitTimeScale, headTarget } from '../../features/encoded-rows';
import { trainingFixture } from '../loop/training-fixture.test-helper';
import { emptyHostBatch, validationHostBatch, validationWidth } from '../loop/stacked-batch';
import type { BatchSource } from '../loop/packed-rows';
import { stageValidationRows } from './staged-validation';

const { tasks, features, encoders } = trainingFixture(80, 5);
const encode = (idx: number[], weights?: number[]) =>
  encodeRows(tasks, idx, features, 'v2', encoders, weights);
// Two phases' rows: one set weighted unevenly (shared by its two heads), one shorter and unweighted.
const shared = encode(
  Array.from({ length: 23 }, (_, i) => 3 * i),
  Array.from({ length: 23 }, (_, i) => 0.25 + (i % 4)),
);
const other = encode(Array.from({ length: 9 }, (_, i) => 2 * i + 1));
const sources: (BatchSource | null)[] = [
  { rows: shared, target: headTarget(shared, 'correctness', fitTimeScale(shared)) },
  { rows: shared, target: headTarget(shared, 'time', fitTimeScale(shared)) },
  null,
  { rows: other, target: headTarget(other, 'time', fitTimeScale(other)) },
];

describe('stageValidationRows', () => {
  it("writes what validationHostBatch gives with each model's own tables, bit for bit", () => {
    const expected = validationHostBatch(sources, { user: 0, topic: 0, difficulty: 0 });
    // A zeroed batch of the sources' shape, as the engine's fresh memory holds it.
    const staged = stageValidationRows(sources, emptyHostBatch(sources.length, validationWidth(sources)));
    for (const key of ['user', 'topic', 'difficulty', 'history', 'target', 'coef', 'real', 'count'] as const)
      expect(Array.from(staged[key]), key).toEqual(Array.from(expected[key]));
    // The heads that share rows differ in their targets only.
    expect(staged.target[0]).not.toBe(staged.target[staged.b]);
    expect(Array.from(staged.count)).toEqual([23, 23, 0, 9]);
  });
});
