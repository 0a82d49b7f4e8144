import { describe, expect, it } from 'vitest';
import { fakeTrained } from '../core/evaluation/fake-trained.test-helper';
import type { ReportStrategy } from '../core/report/report-types';
import type { StrategyId } from '../core/strategies/types';
import { syntheticTasks } from '../core/testing/test-data.test-helper';
import type { ModelHoldings } from './model-exchange';
import { answerWhatIf, type RemotePredictor } from './what-if';

const tasks = syntheticTasks(120, 3, 3);
const entry = (id: StrategyId, label: string, status: 'ok' | 'failed' = 'ok') =>
  ({ status, id, label, options: {}, trainMs: 1, error: 'boom' }) as unknown as ReportStrategy;

function holdings(remote = new Map<string, RemotePredictor>()) {
  const held: ModelHoldings & { remote: Map<string, RemotePredictor> } = {
    dataset: { tasks, report: {} as never },
    trained: new Map(),
    results: new Map(),
    remote,
  };
  return held;
}

const request = (correct: boolean) => ({
  userId: 'user0@example.com',
  replaced: 3,
  recent: Array.from({ length: 3 }, () => ({
    topic: 'Algebra',
    difficulty: 'easy' as const,
    correct,
    seconds: 30,
  })),
  next: { topic: 'Algebra', difficulty: 'easy' as const },
});

describe('answerWhatIf', () => {
  it('asks every trained strategy, here or in a helper, and says why one has no answer', async () => {
    const remote: RemotePredictor = {
      predict: async (_id, contexts) => ({
        pCorrect: new Float32Array(contexts.length).fill(0.25),
        timeSeconds: new Float32Array(contexts.length).fill(12),
      }),
    };
    const held = holdings(new Map([['progressive', remote]]));
    held.trained.set('weighted-loss', fakeTrained());
    held.results.set('weighted-loss', { entry: entry('weighted-loss', '4'), seed: 1, backend: 'cpu' });
    held.results.set('progressive', { entry: entry('progressive', '5'), seed: 1, backend: 'cpu' });
    held.results.set('per-user', { entry: entry('per-user', '6', 'failed'), seed: 1, backend: 'cpu' });
    held.results.set('full-retrain', { entry: entry('full-retrain', '1'), seed: 1, backend: 'cpu' });
    const reply = await answerWhatIf(held, request(true));
    if (reply.kind !== 'what-if') throw new Error(reply.message);
    const by = Object.fromEntries(reply.predictions.map((p) => [p.strategyId, p]));
    expect(by['progressive']).toMatchObject({ pCorrect: 0.25, timeSeconds: 12 });
    expect(by['weighted-loss']).toMatchObject({ timeSeconds: 45 });
    expect(by['per-user']).toMatchObject({ missing: 'it failed to train' });
    expect(by['full-retrain']).toMatchObject({ missing: expect.stringMatching(/train it again/) });
  });

  it('follows the edited answers (the fake rises with the streak)', async () => {
    const held = holdings();
    held.trained.set('weighted-loss', fakeTrained());
    held.results.set('weighted-loss', { entry: entry('weighted-loss', '4'), seed: 1, backend: 'cpu' });
    const p = async (correct: boolean) => {
      const reply = await answerWhatIf(held, request(correct));
      return reply.kind === 'what-if' && 'pCorrect' in (reply.predictions[0] ?? {})
        ? (reply.predictions[0] as { pCorrect: number }).pCorrect
        : NaN;
    };
    expect(await p(true)).toBeGreaterThan(await p(false));
  });

  it('refuses a scenario it cannot build, with the reason', async () => {
    const reply = await answerWhatIf(holdings(), { ...request(true), userId: 'nobody' });
    expect(reply).toEqual({ kind: 'what-if-failed', message: 'no user "nobody" in the data' });
    expect(await answerWhatIf({ ...holdings(), dataset: undefined }, request(true))).toMatchObject({
      kind: 'what-if-failed',
    });
  });
});
