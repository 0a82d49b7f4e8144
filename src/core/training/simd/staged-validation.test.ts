import { describe, expect, it } from 'vitest';
import { encodeRows, fitTimeScale, headTarget } from '../../features/encoded-rows';
import { FEATURE_COUNT } from '../../features/history-features';
import { trainingFixture } from '../loop/training-fixture.test-helper';
import { validationHostBatch, validationWidth, type HostBatch } from '../loop/stacked-batch';
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

/** A zeroed batch of the sources' shape, as the engine's fresh memory holds it. */
function zeroed(): HostBatch {
  const k = sources.length;
  const b = validationWidth(sources);
  return {
    k,
    b,
    user: new Int32Array(k * b),
    topic: new Int32Array(k * b),
    difficulty: new Int32Array(k * b),
    history: new Float32Array(k * b * FEATURE_COUNT),
    target: new Float32Array(k * b),
    coef: new Float32Array(k * b),
    real: new Float32Array(k * b),
    count: new Int32Array(k),
  };
}

describe('stageValidationRows', () => {
  it("writes what validationHostBatch gives with each model's own tables, bit for bit", () => {
    const expected = validationHostBatch(sources, { user: 0, topic: 0, difficulty: 0 });
    const staged = stageValidationRows(sources, zeroed());
    for (const key of ['user', 'topic', 'difficulty', 'history', 'target', 'coef', 'real', 'count'] as const)
      expect(Array.from(staged[key]), key).toEqual(Array.from(expected[key]));
    // The heads that share rows differ in their targets only.
    expect(staged.target[0]).not.toBe(staged.target[staged.b]);
    expect(Array.from(staged.count)).toEqual([23, 23, 0, 9]);
  });
});
