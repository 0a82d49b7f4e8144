import { describe, expect, it } from 'vitest';
import { groupByUser } from './group-by-user';
import type { Task } from './task';

const task = (userId: string) => ({ userId }) as Task;

describe('groupByUser', () => {
  it("keeps each user's positions in the order given, users by first appearance, only the indices asked", () => {
    const tasks = ['b', 'a', 'b', 'c', 'a'].map(task);
    expect([...groupByUser(tasks, [4, 0, 1, 2]).entries()]).toEqual([
      ['a', [4, 1]],
      ['b', [0, 2]],
    ]);
  });
});
