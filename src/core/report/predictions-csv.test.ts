import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Task } from '../data/task';
import { userLabels } from './mask-ids';
import { predictionsCsv } from './predictions-csv';

const task = (userId: string, row: number, isCorrect: boolean): Task => ({
  userId,
  topic: 'Calculus',
  difficulty: 'easy',
  completedAtMs: Date.UTC(2025, 8, 1, 0, row),
  isCorrect,
  actualTimeSeconds: 30 + row,
  row,
});
const tasks = [
  task('=HYPERLINK("x")', 1, true),
  task('bob@example.com', 2, false),
  task('bob@example.com', 3, true),
];
const heldOut = (p: number[]) => ({
  pCorrect: Float32Array.from(p),
  timeSeconds: Float32Array.from(p.map((x) => 100 * x)),
});

describe('predictionsCsv', () => {
  const csv = predictionsCsv({
    tasks,
    testIndices: [1, 2],
    strategies: [
      { id: 'full-retrain', seeds: [42, 43], heldOut: [heldOut([0.25, 0.5]), heldOut([0.75, 1])] },
      { id: 'per-user', seeds: [43], heldOut: [heldOut([0.125, 0.375])] },
    ],
    baseline: { pCorrect: 0.6, timeSeconds: 40 },
  });
  const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;

  it('writes one row per held-out task and seed, with columns named after the strategy ids', () => {
    expect(Object.keys(parsed[0] as object)).toEqual([
      'seed',
      'row',
      'user_id',
      'topic',
      'difficulty',
      'completed_at',
      'is_correct',
      'actual_time_seconds',
      'constant-rate_p_correct',
      'constant-rate_predicted_seconds',
      'full-retrain_p_correct',
      'full-retrain_predicted_seconds',
      'per-user_p_correct',
      'per-user_predicted_seconds',
    ]);
    expect(parsed).toHaveLength(4);
    expect(
      parsed.map((r) => [r.seed, r.row, r.is_correct, r['full-retrain_p_correct'], r['per-user_p_correct']]),
    ).toEqual([
      ['42', '2', '0', '0.25', ''],
      ['42', '3', '1', '0.5', ''],
      ['43', '2', '0', '0.75', '0.125'],
      ['43', '3', '1', '1', '0.375'],
    ]);
    expect(parsed[0]?.completed_at).toBe('2025-09-01T00:02:00.000Z');
  });

  it('masks user ids with the masking labels and keeps formula-like text inert', () => {
    const labels = userLabels(['bob@example.com', '=HYPERLINK("x")']);
    const one = [{ id: 'full-retrain', seeds: [1], heldOut: [heldOut([0.5, 0.5])] }];
    const masked = predictionsCsv({ tasks, testIndices: [0, 1], strategies: one, labels });
    expect(masked).not.toContain('bob@example.com');
    expect(masked).not.toContain('HYPERLINK');
    expect(masked).toContain('User A');
    expect(masked).toContain('User B');
    const plain = predictionsCsv({
      tasks,
      testIndices: [0],
      strategies: [{ id: 'full-retrain', seeds: [1], heldOut: [heldOut([0.5])] }],
    });
    expect(plain).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
