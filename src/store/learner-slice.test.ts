import { describe, expect, it } from 'vitest';
import type { DatasetSummary } from '../core/data/summarize-dataset';
import type { WhatIfReply, WhatIfRequest } from '../worker/protocol';
import { createLabStore } from './create-lab-store';
import { fakeLabClient } from './fake-lab-client.test-helper';

const summary = (): DatasetSummary => ({
  fileName: 'tasks.csv',
  rows: 20,
  skippedRows: 0,
  notCompletedRows: 0,
  fingerprint: 'sha256:one',
  users: [{ userId: 'ann@example.com', tasks: 20, share: 1, correctRate: 0.5 }],
  topics: [{ topic: 'Algebra', counts: { easy: 10, medium: 5, hard: 5 }, total: 20 }],
  firstTaskAt: '2025-09-01T00:00:00.000Z',
  lastTaskAt: '2025-09-02T00:00:00.000Z',
  correctRate: 0.5,
  hasPredictedCorrect: false,
  hasTrueP: false,
});

const settle = () => new Promise((r) => setTimeout(r, 0));

/** A worker stand-in: P(correct) = share of correct answers; answers come back in the order given by `delays`. */
async function ready(delays: number[] = []) {
  const { client } = fakeLabClient(summary);
  const asked: WhatIfRequest[] = [];
  client.learnerRecent = async () => ({
    answers: [
      { topic: 'Algebra', difficulty: 'hard', correct: false, seconds: 40 },
      { topic: 'Algebra', difficulty: 'easy', correct: true, seconds: 20 },
    ],
    totalTasks: 20,
  });
  client.whatIf = async (request): Promise<WhatIfReply> => {
    asked.push(request);
    await new Promise((r) => setTimeout(r, delays[asked.length - 1] ?? 0));
    const right = request.recent.filter((a) => a.correct).length / Math.max(1, request.recent.length);
    return {
      kind: 'what-if',
      predictions: [{ strategyId: 'weighted-loss', label: '4', pCorrect: right, timeSeconds: 30 }],
    };
  };
  const store = createLabStore(client);
  await settle();
  await store.getState().importFile(new File(['x'], 'tasks.csv'));
  return { store, asked };
}

describe('the learner slice', () => {
  it('loads a user’s last answers, asks again on every edit and shows the latest answer', async () => {
    const { store, asked } = await ready();
    await store.getState().chooseLearner('ann@example.com');
    const learner = store.getState().learner;
    expect(learner?.replaced).toBe(2);
    expect(learner?.next).toEqual({ topic: 'Algebra', difficulty: 'easy' });
    expect(store.getState().learnerPredictions?.[0]).toMatchObject({ pCorrect: 0.5 });
    store.getState().setAnswer(0, { correct: true });
    await settle();
    expect(asked.at(-1)?.recent.map((a) => a.correct)).toEqual([true, true]);
    expect(asked.at(-1)).toMatchObject({ userId: 'ann@example.com', replaced: 2 });
    expect(store.getState().learnerPredictions?.[0]).toMatchObject({ pCorrect: 1 });
    // The unedited answers' predictions stay as the baseline the edits are read against.
    expect(store.getState().learnerBaseline?.[0]).toMatchObject({ pCorrect: 0.5 });
    store.getState().addAnswer();
    store.getState().setAnswer(2, { correct: false, seconds: -5 });
    await settle();
    expect(asked.at(-1)?.recent.at(-1)).toEqual({
      topic: 'Algebra',
      difficulty: 'easy',
      correct: false,
      seconds: 0,
    });
    store.getState().resetAnswers();
    await settle();
    expect(store.getState().learner?.recent.map((a) => a.correct)).toEqual([false, true]);
  });

  it('drops an answer that arrives after a later edit’s', async () => {
    // The first edit's reply is slow and lands last: it must not overwrite the second's.
    const { store } = await ready([0, 30, 0]);
    await store.getState().chooseLearner('ann@example.com');
    store.getState().setAnswer(0, { correct: true });
    store.getState().setAnswer(1, { correct: false });
    await new Promise((r) => setTimeout(r, 60));
    expect(store.getState().learnerPredictions?.[0]).toMatchObject({ pCorrect: 0.5 });
  });

  it('starts a new learner with no history', async () => {
    const { store, asked } = await ready();
    await store.getState().chooseLearner(undefined);
    expect(store.getState().learner).toMatchObject({ userId: undefined, replaced: 0, recent: [] });
    expect(asked.at(-1)?.next.topic).toBe('Algebra');
  });
});
