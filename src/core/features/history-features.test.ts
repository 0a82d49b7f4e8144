import { describe, expect, it } from 'vitest';
import type { Task } from '../data/task';
import { loadSeedFixture, syntheticTasks } from '../testing/test-data.test-helper';
import {
  COUNT_FEATURE_COLUMNS,
  FEATURE_COUNT,
  FEATURE_NAMES,
  toVersion,
  UserHistory,
} from './history-features';
import { computeFeatureMatrix, historiesByUser } from './task-context';

const task = (over: Partial<Task>): Task => ({
  userId: 'u',
  topic: 'Calculus',
  difficulty: 'easy',
  completedAtMs: 0,
  isCorrect: true,
  actualTimeSeconds: 60,
  ...over,
});

describe('UserHistory features', () => {
  it('has 13 named features', () => {
    expect(FEATURE_NAMES).toHaveLength(13);
    expect(FEATURE_COUNT).toBe(13);
  });

  it('starts from neutral values before any task', () => {
    const f = new UserHistory().featuresFor('Calculus', 'easy', 0);
    expect([...f]).toEqual([0.5, 0.5, 0.5, 0.5, 0, 0, 0, 0.5, 0.5, 0, 0.5, 0.5, 1]);
  });

  it('matches hand-computed values after three tasks', () => {
    const h = new UserHistory();
    h.add(task({ completedAtMs: 0, isCorrect: true, actualTimeSeconds: 9 }));
    h.add(task({ completedAtMs: 60_000, isCorrect: false, topic: 'Algebra', actualTimeSeconds: 99 }));
    h.add(task({ completedAtMs: 120_000, isCorrect: true, difficulty: 'hard', actualTimeSeconds: 9 }));
    const f = h.featuresFor('Calculus', 'easy', 120_000 + 3_599_000);
    const overall = (2 + 1) / (3 + 2); // 0.6
    const topic = (2 + 2 * overall) / (2 + 2); // Calculus 2/2 → 0.8
    const diff = (1 + 2 * overall) / (2 + 2); // easy: 1 of 2 (Algebra easy was wrong) → 0.55
    const td = (1 + 2 * topic) / (1 + 2); // Calculus easy 1/1
    expect(f[0]).toBeCloseTo(overall, 6);
    expect(f[1]).toBeCloseTo(topic, 6);
    expect(f[2]).toBeCloseTo(diff, 6);
    expect(f[3]).toBeCloseTo(td, 6);
    expect(f[4]).toBeCloseTo(0.03, 6);
    expect(f[5]).toBeCloseTo(2 / 20, 6);
    expect(f[6]).toBeCloseTo(2 / 20, 6);
    expect(f[7]).toBeCloseTo((2 + 2 * overall) / 5, 6); // two empty slots filled with the overall rate
    expect(f[8]).toBeCloseTo((2 + 3 * topic) / 5, 6);
    expect(f[9]).toBeCloseTo(0.1, 6); // streak +1
    const meanLog = (2 * Math.log(10) + Math.log(100)) / 3 / Math.log(3601);
    expect(f[10]).toBeCloseTo(meanLog, 6);
    expect(f[11]).toBeCloseTo(Math.log(10) / Math.log(3601), 6);
    expect(f[12]).toBeCloseTo(Math.log1p(3599) / Math.log1p(30 * 24 * 3600), 6);
  });

  it('clips the streak to ±10 then divides by 10', () => {
    const h = new UserHistory();
    for (let i = 0; i < 17; i++) h.add(task({ completedAtMs: i, isCorrect: true }));
    expect(h.featuresFor('Calculus', 'easy', 20)[9]).toBe(1);
    for (let i = 0; i < 3; i++) h.add(task({ completedAtMs: 20 + i, isCorrect: false }));
    expect(h.featuresFor('Calculus', 'easy', 30)[9]).toBeCloseTo(-0.3, 6);
  });

  it('clones independently', () => {
    const h = new UserHistory();
    h.add(task({}));
    const c = h.clone();
    c.add(task({ completedAtMs: 1, isCorrect: false }));
    expect(h.taskCount).toBe(1);
    expect(c.taskCount).toBe(2);
    expect(h.featuresFor('Calculus', 'easy', 2)[0]).toBeCloseTo(2 / 3, 6);
  });
});

describe('feature matrix', () => {
  it('is leakage-free: changing a later task never changes an earlier row', () => {
    const tasks = syntheticTasks(300, 5);
    const base = computeFeatureMatrix(tasks);
    for (const k of [0, 17, 150, 299]) {
      // The outcome and time of task k are what a model must not see in row k or before.
      const outcome = tasks.map((t, i) =>
        i === k ? { ...t, isCorrect: !t.isCorrect, actualTimeSeconds: t.actualTimeSeconds * 7 + 100 } : t,
      );
      expect(computeFeatureMatrix(outcome).subarray(0, (k + 1) * FEATURE_COUNT)).toEqual(
        base.subarray(0, (k + 1) * FEATURE_COUNT),
      );
      // Any change at all to task k (even its topic, which row k legitimately reads) leaves earlier rows alone.
      const anything = tasks.map((t, i) =>
        i === k ? { ...t, topic: 'Other', difficulty: 'hard' as const } : t,
      );
      expect(computeFeatureMatrix(anything).subarray(0, k * FEATURE_COUNT)).toEqual(
        base.subarray(0, k * FEATURE_COUNT),
      );
    }
  });

  it('keeps every feature but v1 counts bounded; v1 counts reach 8.46 for bulk, v2 caps them at 1', async () => {
    const { tasks } = await loadSeedFixture();
    const m = computeFeatureMatrix(tasks);
    const counts = new Set<number>(COUNT_FEATURE_COLUMNS);
    for (let r = 0; r < tasks.length; r++) {
      for (let c = 0; c < FEATURE_COUNT; c++) {
        const v = m[r * FEATURE_COUNT + c] as number;
        if (counts.has(c)) expect(v).toBeGreaterThanOrEqual(0);
        else expect(Math.abs(v)).toBeLessThanOrEqual(1);
      }
    }
    const bulk = historiesByUser(tasks).get('bulk@example.com') as UserHistory;
    const now = bulk.featuresFor('Calculus', 'easy', Date.UTC(2026, 0, 1));
    expect(now[4]).toBeCloseTo(8.46, 6);
    const v2 = toVersion(Float32Array.from(now), 'v2');
    expect([v2[4], v2[5], v2[6]]).toEqual([1, 1, 1]);
    expect(Math.max(...toVersion(Float32Array.from(m), 'v2'))).toBeLessThanOrEqual(1);
  });
});
