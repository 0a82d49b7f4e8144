import { describe, expect, it } from 'vitest';
import { syntheticTasks } from '../testing/test-data.test-helper';
import { FEATURE_NAMES, UserHistory } from './history-features';
import {
  ANSWER_GAP_MS,
  learnerContext,
  NEW_LEARNER_ID,
  recentAnswers,
  type LearnerScenario,
} from './learner-scenario';
import { contextFromHistory } from './task-context';

const tasks = syntheticTasks(200, 5, 3);
const user = 'user0@example.com';
const own = tasks.filter((t) => t.userId === user);
const next = { topic: 'Algebra', difficulty: 'medium' as const };
const feature = (name: (typeof FEATURE_NAMES)[number], history: Float32Array) =>
  history[FEATURE_NAMES.indexOf(name)] as number;

describe('learner scenarios', () => {
  it('with the real last answers unchanged, predict from exactly the user’s real history', () => {
    const { answers, totalTasks } = recentAnswers(tasks, user, 6);
    expect(totalTasks).toBe(own.length);
    expect(answers).toHaveLength(6);
    expect(answers.at(-1)?.correct).toBe(own.at(-1)?.isCorrect);
    const scenario: LearnerScenario = { userId: user, replaced: 6, recent: answers, next };
    const history = new UserHistory();
    for (const t of own) history.add(t);
    const expected = contextFromHistory(
      user,
      history,
      next.topic,
      next.difficulty,
      (own.at(-1)?.completedAtMs ?? 0) + ANSWER_GAP_MS,
    );
    expect(learnerContext(tasks, scenario)).toEqual(expected);
  });

  it('follows the edits: wrong answers turned right raise the recent accuracy and the streak', () => {
    const { answers } = recentAnswers(tasks, user, 5);
    const allWrong = answers.map((a) => ({ ...a, correct: false }));
    const allRight = answers.map((a) => ({ ...a, correct: true }));
    const wrong = learnerContext(tasks, { userId: user, replaced: 5, recent: allWrong, next });
    const right = learnerContext(tasks, { userId: user, replaced: 5, recent: allRight, next });
    expect(feature('recent_accuracy_5', right.history)).toBe(1);
    expect(feature('recent_accuracy_5', wrong.history)).toBe(0);
    expect(feature('streak', right.history)).toBeGreaterThan(0);
    expect(feature('streak', wrong.history)).toBeLessThan(0);
    // One more answer than replaced: the count grows by one.
    const more = learnerContext(tasks, {
      userId: user,
      replaced: 5,
      recent: [...allRight, { ...next, correct: true, seconds: 20 }],
      next,
    });
    expect(feature('overall_task_count', more.history)).toBeCloseTo((own.length + 1) / 100, 6);
  });

  it('gives a new learner only the answers given, under an id no user has', () => {
    const empty = learnerContext(tasks, { replaced: 0, recent: [], next });
    expect(empty.userId).toBe(NEW_LEARNER_ID);
    expect(feature('overall_task_count', empty.history)).toBe(0);
    expect(feature('overall_correct_rate', empty.history)).toBe(0.5);
    const two = learnerContext(tasks, {
      replaced: 0,
      recent: [
        { ...next, correct: true, seconds: 30 },
        { ...next, correct: true, seconds: 30 },
      ],
      next,
    });
    expect(feature('overall_task_count', two.history)).toBeCloseTo(0.02, 6);
    expect(feature('overall_correct_rate', two.history)).toBeCloseTo(3 / 4, 6);
  });

  it('refuses what it cannot simulate', () => {
    expect(() => learnerContext(tasks, { userId: 'nobody', replaced: 0, recent: [], next })).toThrow(
      /no user/,
    );
    expect(() => learnerContext(tasks, { userId: user, replaced: own.length + 1, recent: [], next })).toThrow(
      /cannot replace/,
    );
    expect(() =>
      learnerContext(tasks, { replaced: 0, recent: [{ ...next, correct: true, seconds: -1 }], next }),
    ).toThrow(/seconds/);
  });
});
