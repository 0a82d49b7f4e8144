/**
 * A TrainedStrategy without tfjs for evaluation and report tests: its P(correct) is a hand-written
 * function of the context, so every probe, sweep and metric can be checked by hand. Test-only.
 */
import type { TaskContext } from '../features/task-context';
import type { Prediction, TrainedStrategy } from '../strategies/types';

/** Default answer: rises with the streak feature (responsive) and depends on the topic (spread). */
export const streakAndTopic = (c: TaskContext): number =>
  0.4 + 0.3 * (c.history[9] as number) + (c.topic === 'Geometry' ? -0.1 : 0.1);

/** A fake trained "weighted-loss" strategy; `calls` counts predict calls, `disposed` dispose calls. */
export function fakeTrained(
  p: (c: TaskContext) => number = streakAndTopic,
): TrainedStrategy & { calls: number; disposed: number } {
  const fake = {
    calls: 0,
    disposed: 0,
    id: 'weighted-loss' as const,
    label: '4. Weighted loss',
    options: { epochs: 1, learningRate: 0.001 },
    trainMs: 12.5,
    trainingInfluence: [{ userId: 'user0@example.com', samples: 3, weight: 1, share: 1, phase: 'train' }],
    phases: [
      {
        phase: 'train',
        head: 'correctness' as const,
        fitRows: 3,
        valRows: 0,
        epochsRun: 1,
        bestEpoch: 0,
        finalLoss: 0.5,
        bestValLoss: null,
        losses: [0.5],
        valLosses: [null],
      },
    ],
    predict: async (contexts: readonly TaskContext[]): Promise<Prediction> => {
      fake.calls++;
      return {
        pCorrect: Float32Array.from(contexts, (c) => Math.min(1, Math.max(0, p(c)))),
        timeSeconds: new Float32Array(contexts.length).fill(45),
      };
    },
    models: () => [],
    dispose: () => {
      fake.disposed++;
    },
  };
  return fake;
}
