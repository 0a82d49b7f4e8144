import { describe, expect, it } from 'vitest';
import type { Task } from '../data/task';
import { LOG_GAP_SCALE } from '../features/history-features';
import type { TaskContext } from '../features/task-context';
import type { Predictor } from '../strategies/types';
import { checkResponse } from './response-check';
import { FALLBACK_GAP_MS, runResponseProbes, userStates } from './response-probe';

const T0 = Date.UTC(2025, 8, 1);
const task = (
  userId: string,
  s: number,
  topic: string,
  d: Task['difficulty'],
  ok: boolean,
  time: number,
): Task => ({
  userId,
  topic,
  difficulty: d,
  completedAtMs: T0 + s * 1000,
  isCorrect: ok,
  actualTimeSeconds: time,
});

// User a: outcomes C C I I C (streak +1 at the end), gaps 60/60/120/60 s (median 60 s); Algebra/easy and
// Geometry/hard tie at two tasks each, and the tie goes to Algebra (topic order). User b: one task.
const TASKS: Task[] = [
  task('a', 0, 'Geometry', 'hard', true, 50),
  task('b', 10, 'Statistics', 'medium', false, 90),
  task('a', 60, 'Algebra', 'easy', true, 30),
  task('a', 120, 'Geometry', 'hard', false, 70),
  task('a', 240, 'Algebra', 'easy', false, 40),
  task('a', 300, 'Algebra', 'medium', true, 20),
];

/** A fake whose answer is known: p = 0.5 + sign × 0.4 × streak feature (streak / 10, clipped to ±1). */
function streakPredictor(sign: 1 | -1) {
  const calls: TaskContext[][] = [];
  const predictor: Predictor = {
    predict: async (contexts) => {
      calls.push([...contexts]);
      const p = Float32Array.from(contexts, (c) => 0.5 + sign * 0.4 * (c.history[9] as number));
      return { pCorrect: p, timeSeconds: new Float32Array(contexts.length).fill(60) };
    },
  };
  return { predictor, calls };
}

describe('userStates', () => {
  it('finds each user’s most practised cell (ties by topic, then difficulty), median gap and cell time', () => {
    const [a, b] = userStates(TASKS);
    expect(a).toMatchObject({ userId: 'a', tasks: 5, topic: 'Algebra', difficulty: 'easy', cellTasks: 2 });
    expect(a?.cellMedianTimeSeconds).toBe(35);
    expect(a?.gapMs).toBe(60_000);
    expect(a?.lastAtMs).toBe(T0 + 300_000);
    expect(b).toMatchObject({
      userId: 'b',
      topic: 'Statistics',
      difficulty: 'medium',
      gapMs: FALLBACK_GAP_MS,
    });
  });
});

describe('runResponseProbes against a fake predictor', () => {
  it('rises by the known amount after each simulated correct answer and falls after each incorrect one', async () => {
    const { predictor, calls } = streakPredictor(1);
    const probes = await runResponseProbes(predictor, TASKS);
    expect(calls).toHaveLength(1); // every user in ONE predict call
    expect(calls[0]).toHaveLength(2 * 11);
    const a = probes[0];
    expect(a).toMatchObject({ userId: 'a', topic: 'Algebra', difficulty: 'easy', simulatedTimeSeconds: 35 });
    // Streak starts at +1; k correct answers make it 1 + k; k incorrect ones make it −k.
    [0.54, 0.58, 0.62, 0.66, 0.7, 0.74].forEach((v, k) => expect(a?.afterCorrect[k]).toBeCloseTo(v, 6));
    [0.54, 0.46, 0.42, 0.38, 0.34, 0.3].forEach((v, k) => expect(a?.afterIncorrect[k]).toBeCloseTo(v, 6));
    // User b has a streak of −1: before = 0.46, and the curves move from there.
    expect(probes[1]?.afterCorrect[0]).toBeCloseTo(0.46, 6);
    expect(probes[1]?.afterCorrect[1]).toBeCloseTo(0.54, 6);
    expect(checkResponse(probes).responsive).toBe(true);
  });

  it('recomputes the features from the real history plus the simulated tasks', async () => {
    const { predictor, calls } = streakPredictor(1);
    await runResponseProbes(predictor, TASKS);
    const a = (calls[0] ?? []).slice(0, 11);
    // Before: 5 real tasks, the next one median-gap (60 s) after the last one.
    expect(a[0]?.history[4]).toBeCloseTo(5 / 100, 6);
    expect(a[0]?.history[12]).toBeCloseTo(Math.log1p(60) / LOG_GAP_SCALE, 6);
    // After 5 simulated correct answers: 10 tasks, Algebra count 3 + 5, topic×difficulty rate pulled up.
    expect(a[5]?.history[4]).toBeCloseTo(10 / 100, 6);
    expect(a[5]?.history[5]).toBeCloseTo(8 / 20, 6);
    expect(a[5]?.history[3] as number).toBeGreaterThan(a[0]?.history[3] as number);
    // After 5 simulated incorrect answers the same cell's rate goes down instead.
    expect(a[10]?.history[3] as number).toBeLessThan(a[0]?.history[3] as number);
    for (const c of a) expect([c.userId, c.topic, c.difficulty]).toEqual(['a', 'Algebra', 'easy']);
  });

  it('leaves the real history untouched, so probing twice gives the same curves', async () => {
    const states = userStates(TASKS);
    const { predictor } = streakPredictor(1);
    const first = await runResponseProbes(predictor, TASKS, 5, states);
    const second = await runResponseProbes(predictor, TASKS, 5, states);
    expect(second).toEqual(first);
  });

  it('a fake whose prediction falls after correct answers is flagged as not responsive', async () => {
    const { predictor } = streakPredictor(-1);
    const probes = await runResponseProbes(predictor, TASKS);
    const check = checkResponse(probes);
    expect(check.responsive).toBe(false);
    expect(check.violatingUsers).toEqual(['a', 'b']);
    // Five correct answers take the streak feature from 0.1 to 0.6: p from 0.46 to 0.26.
    expect(check.violations[0]).toMatchObject({ userId: 'a', rule: 'no-drop-after-correct', step: 5 });
    expect(check.violations[0]?.change).toBeCloseTo(-0.2, 6);
  });
});
