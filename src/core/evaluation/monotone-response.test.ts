/**
 * The monotone response option end to end, for every strategy: trained on the seed-shaped sample with
 * `monotoneResponse` on, five simulated correct answers never leave a user below five incorrect ones
 * (at every step of the probe), and turning any earlier wrong answer of a user into a right one never
 * lowers that user's next prediction. Off, the same strategies keep their plain networks.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../data/task';
import { runResponseProbes } from './response-probe';
import { contextFromHistory, type TaskContext } from '../features/task-context';
import { UserHistory } from '../features/history-features';
import { loadSeedFixture } from '../testing/test-data.test-helper';
import { CATALOGUE } from '../strategies/catalogue';
import { trainChoice } from '../strategies/strategy-spec';

/** Short runs: the property holds for any weights on the constraint set, so epochs only need to move them. */
const FAST: Record<string, Record<string, unknown>> = {
  progressive: { batchSize: 64, pretrainEpochs: 3, finetuneEpochs: 2, pretrainLearningRate: 3e-3 },
  'per-user': { epochs: 3, batchSize: 64, learningRate: 3e-3, finetuneEpochs: 2, finetuneLearningRate: 3e-3 },
};
const fast = (id: string) => FAST[id] ?? { epochs: 3, batchSize: 64, learningRate: 3e-3 };

describe('monotoneResponse', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('is an option of every strategy, off by default', () => {
    for (const s of CATALOGUE) {
      expect((s.defaultOptions as Record<string, unknown>).monotoneResponse).toBe(false);
      expect((s.optionDocs as Record<string, string>).monotoneResponse).toMatch(/never decreases/);
      expect((s.defaultOptions as Record<string, unknown>).monotoneCounts).toBe(false);
      expect((s.optionDocs as Record<string, string>).monotoneCounts).toMatch(/task counts/);
    }
  });

  for (const strategy of CATALOGUE) {
    it(`${strategy.id}: correct answers never leave P below incorrect ones, and no earlier answer turned right lowers P`, async () => {
      const { data, tasks } = await loadSeedFixture();
      const trained = await trainChoice(
        { id: strategy.id, options: { ...fast(strategy.id), monotoneResponse: true } },
        data,
        { seed: 5 },
      );
      try {
        expect(trained.options.monotoneResponse).toBe(true);
        const exported = trained.models();
        expect(exported.filter((m) => m.head === 'correctness').every((m) => m.model.getLayer('logit'))).toBe(
          true,
        );
        const probes = await runResponseProbes(trained, tasks);
        expect(probes.length).toBe(4);
        for (const p of probes)
          p.afterCorrect.forEach((c, k) =>
            expect({ user: p.userId, k, ok: c >= (p.afterIncorrect[k] as number) - 1e-7 }).toEqual({
              user: p.userId,
              k,
              ok: true,
            }),
          );

        // Counterfactual histories: each user's last 30 tasks, one wrong answer turned right at a time.
        const byUser = new Map<string, Task[]>();
        for (const t of tasks) byUser.set(t.userId, [...(byUser.get(t.userId) ?? []), t]);
        const contexts: TaskContext[] = [];
        for (const [userId, list] of byUser) {
          const next = list[list.length - 1] as Task;
          const replay = (flip: number) => {
            const h = new UserHistory();
            list.slice(0, -1).forEach((t, i) => h.add(i === flip ? { ...t, isCorrect: true } : t));
            return contextFromHistory(userId, h, next.topic, next.difficulty, next.completedAtMs);
          };
          contexts.push(replay(-1));
          for (let i = Math.max(0, list.length - 31); i < list.length - 1; i++)
            if (!(list[i] as Task).isCorrect) contexts.push(replay(i));
        }
        const { pCorrect } = await trained.predict(contexts);
        let base = 0;
        contexts.forEach((c, i) => {
          if (i === 0 || c.userId !== contexts[i - 1]?.userId) base = pCorrect[i] as number;
          else expect(pCorrect[i] as number).toBeGreaterThanOrEqual(base - 1e-7);
        });
      } finally {
        trained.dispose();
      }
    });
  }
});
