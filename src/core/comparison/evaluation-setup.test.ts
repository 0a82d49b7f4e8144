import { describe, expect, it } from 'vitest';
import { scoredRows } from '../evaluation/counted-run';
import { bootstrapReplicates } from '../evaluation/repeated-bootstrap';
import { temporalSplit } from '../split/temporal-split';
import { syntheticTasks } from '../testing/test-data.test-helper';
import { heldOutOf, TEST_SHARE } from './evaluation-setup';

describe('heldOutOf', () => {
  it('is the per-user-tail split and its scored rows, built once per task list', () => {
    const tasks = syntheticTasks(300, 3, 5);
    const held = heldOutOf(tasks);
    const split = temporalSplit(tasks, TEST_SHARE, 'per-user-tail');
    expect(held.split).toEqual(split);
    expect(held.rows).toEqual(scoredRows(tasks, split.testIndices));
    expect(heldOutOf(tasks)).toBe(held);
    // Another list with the same rows is another dataset: its own split.
    expect(heldOutOf([...tasks])).not.toBe(held);
  });

  it("gives a later bootstrap the first one's row draws: the same replicates as fresh rows", () => {
    const tasks = syntheticTasks(400, 8, 6);
    const { rows } = heldOutOf(tasks);
    const n = rows.labels.length;
    const predictor = (key: string, k: number) => ({
      key,
      seeds: [1, 2],
      runs: [0, 1].map((s) => ({
        pCorrect: Float64Array.from({ length: n }, (_, r) => ((r * 7 + s + k) % 9) / 10 + 0.05),
      })),
    });
    const options = { seed: 'paired', resamples: 60 };
    bootstrapReplicates(rows, [predictor('first', 0)], options);
    const again = bootstrapReplicates(rows, [predictor('later', 1)], options);
    const fresh = bootstrapReplicates(
      scoredRows(tasks, heldOutOf(tasks).split.testIndices),
      [predictor('later', 1)],
      options,
    );
    expect(again.parts[0]?.replicates).toEqual(fresh.parts[0]?.replicates);
  });
});
