/**
 * What the training tests share: synthetic tasks with their feature matrix, encoders and vocabulary
 * sizes, and an Rng that shuffles nothing (so two runs see the same steps).
 */
import { buildEncoders } from '../../features/encoders';
import { computeFeatureMatrix } from '../../features/task-context';
import type { Rng } from '../../random/rng';
import { syntheticTasks } from '../../testing/test-data.test-helper';

export function trainingFixture(count: number, users: number) {
  const tasks = syntheticTasks(count, users);
  const encoders = buildEncoders(tasks);
  return {
    tasks,
    features: computeFeatureMatrix(tasks),
    encoders,
    vocab: { users: encoders.user.size, topics: encoders.topic.size, difficulties: encoders.difficulty.size },
  };
}

/** Shuffles leave rows in order; every draw is the same. */
export const inOrder: Rng = {
  next: () => 0.5,
  int: () => 0,
  normal: () => 0,
  shuffle: <T>(items: T[]) => items,
  int32: () => 7,
};
