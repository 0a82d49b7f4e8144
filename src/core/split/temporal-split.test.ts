import { describe, expect, it } from 'vitest';
import { loadSeedFixture, syntheticTasks } from '../testing/test-data.test-helper';
import { splitTail, temporalSplit } from './temporal-split';

describe('temporal split', () => {
  it('holds out floor(20 %) of each user, at least one, from the end of their history', async () => {
    const { tasks } = await loadSeedFixture();
    const s = temporalSplit(tasks);
    const byUser = Object.fromEntries(s.perUser.map((u) => [u.userId, [u.trainRows, u.testRows]]));
    expect(byUser).toEqual({
      'bulk@example.com': [677, 169],
      'you2@example.com': [48, 11],
      'nigag@example.com': [8, 1],
      'asss77@example.com': [2, 1],
    });
    expect(s.testIndices).toHaveLength(182);
    // Every held-out task of a user comes after all of that user's training tasks.
    for (const u of Object.keys(byUser)) {
      const lastTrain = Math.max(...s.trainIndices.filter((i) => tasks[i]?.userId === u));
      const firstTest = Math.min(...s.testIndices.filter((i) => tasks[i]?.userId === u));
      expect(firstTest).toBeGreaterThan(lastTrain);
    }
  });

  it('global-tail holds out the last share of all rows by time', () => {
    const tasks = syntheticTasks(100, 3);
    const idx = tasks.map((_, i) => i);
    const { head, tail } = splitTail(tasks, idx, 0.2, 'global-tail');
    expect(tail).toEqual(idx.slice(80));
    expect(head).toEqual(idx.slice(0, 80));
  });

  it('keeps a single-row user entirely for learning', () => {
    const tasks = syntheticTasks(10, 4, 1).map((t, i) => (i === 9 ? { ...t, userId: 'solo' } : t));
    const { tail } = splitTail(
      tasks,
      tasks.map((_, i) => i),
      0.2,
    );
    expect(tail.some((i) => tasks[i]?.userId === 'solo')).toBe(false);
  });

  it('puts every copy of a held-out row in the tail, and one split leaves nothing for the next', () => {
    const tasks = syntheticTasks(40, 6, 2);
    // Rows drawn with replacement (balanced sampling's): 7 appears early and again at the end.
    const drawn = [7, 1, 2, 3, 4, 5, 6, 8, 9, 7];
    const { head, tail } = splitTail(tasks, drawn, 0.1, 'global-tail');
    expect(tail).toEqual([7, 7]);
    expect(head).toEqual([1, 2, 3, 4, 5, 6, 8, 9]);
    // A later split of other rows sees no mark of this one.
    const again = splitTail(tasks, [7, 1, 2, 3], 0.25, 'global-tail');
    expect(again).toEqual({ head: [7, 1, 2], tail: [3] });
    // Rows past the task list (a caller's stale positions) are marked like any other.
    expect(splitTail(tasks, [1, 100, 2, 500], 0.25, 'global-tail')).toEqual({
      head: [1, 100, 2],
      tail: [500],
    });
  });
});
