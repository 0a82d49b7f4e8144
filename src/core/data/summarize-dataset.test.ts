import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importTasksFromText } from './import-tasks';
import { summarizeDataset } from './summarize-dataset';

const load = async (path: string) => {
  const result = importTasksFromText(readFileSync(path, 'utf8'), path);
  if (result.kind !== 'ok') throw new Error(result.message);
  return summarizeDataset(result.dataset);
};

describe('summarizeDataset', () => {
  it("reproduces the design note's before-balancing table on the seed-shaped fixture", async () => {
    const s = await load('fixtures/seed-shaped.csv');
    expect(s.rows).toBe(917);
    expect(s.skippedRows).toBe(0);
    expect(s.users.map((u) => [u.userId, u.tasks, Number((u.share * 100).toFixed(1))])).toEqual([
      ['bulk@example.com', 846, 92.3],
      ['you2@example.com', 59, 6.4],
      ['nigag@example.com', 9, 1.0],
      ['asss77@example.com', 3, 0.3],
    ]);
    expect(s.topics.map((t) => t.topic)).toContain('Calculus');
    expect(s.topics.reduce((n, t) => n + t.total, 0)).toBe(917);
    expect(s.hasTrueP).toBe(true);
    expect(s.firstTaskAt < s.lastTaskAt).toBe(true);
  });

  it('gives a CSV and its JSON twin the same fingerprint, and another dataset a different one', async () => {
    const csv = await load('fixtures/seed-shaped.csv');
    const json = await load('fixtures/seed-shaped.json');
    expect(csv.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(json.fingerprint).toBe(csv.fingerprint);
    const text = readFileSync('fixtures/seed-shaped.csv', 'utf8').trim().split('\n');
    const reordered = importTasksFromText([text[0], ...text.slice(1).reverse()].join('\n'), 'r.csv');
    if (reordered.kind !== 'ok') throw new Error('expected ok');
    expect((await summarizeDataset(reordered.dataset)).fingerprint).toBe(csv.fingerprint);
    const changed = [
      text[0],
      ...text.slice(1, -1),
      text.at(-1)!.replace(/,(true|false),/, (_m, v) => (v === 'true' ? ',false,' : ',true,')),
    ];
    const other = importTasksFromText(changed.join('\n'), 'c.csv');
    if (other.kind !== 'ok') throw new Error('expected ok');
    expect((await summarizeDataset(other.dataset)).fingerprint).not.toBe(csv.fingerprint);
  });

  it('counts correct rates per user and topic × difficulty cells', async () => {
    const text = [
      'user_id,topic,difficulty,completed_at,is_correct,actual_time_seconds',
      'a,T,easy,2025-01-01,true,1',
      'a,T,hard,2025-01-02,false,1',
      'b,U,easy,2025-01-03,true,1',
    ].join('\n');
    const r = importTasksFromText(text, 's.csv');
    if (r.kind !== 'ok') throw new Error(r.message);
    const s = await summarizeDataset(r.dataset);
    expect(s.users).toEqual([
      { userId: 'a', tasks: 2, share: 2 / 3, correctRate: 0.5 },
      { userId: 'b', tasks: 1, share: 1 / 3, correctRate: 1 },
    ]);
    expect(s.topics).toEqual([
      { topic: 'T', counts: { easy: 1, medium: 0, hard: 1 }, total: 2 },
      { topic: 'U', counts: { easy: 1, medium: 0, hard: 0 }, total: 1 },
    ]);
    expect(s.firstTaskAt).toBe('2025-01-01T00:00:00.000Z');
  });
});
