import { describe, expect, it } from 'vitest';
import { importTasksFromText } from './import-tasks';
import { durationWords, MAX_TASK_SECONDS } from './import-warnings';

const HEADER = 'user_id,topic,difficulty,completed_at,is_correct,actual_time_seconds';
const row = (user: string, day: number, seconds: string, topic = 'Algebra') =>
  `${user},${topic},easy,2025-09-${String(day).padStart(2, '0')}T08:00:00Z,true,${seconds}`;

function imported(rows: string[]) {
  const result = importTasksFromText([HEADER, ...rows].join('\n'), 'tasks.csv');
  if (result.kind !== 'ok') throw new Error(result.kind === 'refused' ? result.message : 'refused');
  return result.dataset;
}

describe('implausible durations', () => {
  it.each(['1e308', '1e11', String(3 * 365.25 * 86400), '21601'])(
    '%s s is clipped to 6 hours and said in a warning; the row and its answer stay',
    (seconds) => {
      const rows = Array.from({ length: 16 }, (_, i) => row('u', i + 1, i % 8 === 7 ? seconds : '40'));
      const { tasks, report } = imported(rows);
      expect(tasks).toHaveLength(16);
      expect(Math.max(...tasks.map((t) => t.actualTimeSeconds))).toBe(MAX_TASK_SECONDS);
      expect(tasks.every((t) => Number.isFinite(t.actualTimeSeconds))).toBe(true);
      expect(report.skippedRows).toBe(0);
      expect(report.warnings).toEqual([
        expect.objectContaining({ kind: 'long-durations', count: 2, rows: [8, 16] }),
      ]);
      expect(report.warnings?.[0]?.message).toMatch(
        /^2 tasks last longer than 6 hours \(longest .+, row 8; rows 8, 16\)\. Their times are clipped to 6 hours/,
      );
    },
  );

  it('names the scale of the longest: years, days, hours', () => {
    expect(durationWords(1e11)).toBe('3,169 years');
    expect(durationWords(1e308)).toBe('3.2e+300 years');
    expect(durationWords(3 * 365.25 * 86400)).toBe('3.0 years');
    expect(durationWords(9 * 86400)).toBe('9.0 days');
    expect(durationWords(7.5 * 3600)).toBe('7.5 hours');
    const { report } = imported([row('u', 1, String(3.2 * 365.25 * 86400)), row('u', 2, '30')]);
    expect(report.warnings?.[0]?.message).toContain(
      '1 task lasts longer than 6 hours (longest 3.2 years, row 1',
    );
  });

  it('exactly 6 hours, and anything shorter, passes without a word', () => {
    const { report, tasks } = imported([row('u', 1, String(MAX_TASK_SECONDS)), row('u', 2, '0')]);
    expect(report.warnings).toBeUndefined();
    expect(tasks.map((t) => t.actualTimeSeconds)).toEqual([MAX_TASK_SECONDS, 0]);
  });
});

describe('duplicate rows', () => {
  it('counts rows repeating an earlier row’s user, time and topic, names the first, keeps them all', () => {
    const { tasks, report } = imported([
      row('a', 1, '30'),
      row('b', 1, '30'), // same time, other user: not a duplicate
      row('a', 1, '31', 'Geometry'), // same user and time, other topic: not a duplicate
      row('a', 1, '45'), // duplicate of row 1 (time spent may differ)
      row('a', 2, '30'),
      row('a', 1, '30'), // duplicate of row 1 again
    ]);
    expect(tasks).toHaveLength(6);
    expect(report.warnings).toEqual([
      expect.objectContaining({ kind: 'duplicate-rows', count: 2, rows: [4, 6] }),
    ]);
    expect(report.warnings?.[0]?.message).toBe(
      "2 rows repeat an earlier row's user, time and topic (first: row 4 repeats row 1; rows 4, 6). They are kept as separate tasks; if the export doubled rows, remove the copies and import again.",
    );
  });

  it('a file with no repeats and plausible times has no warnings at all', () => {
    expect(
      imported([row('a', 1, '30'), row('a', 2, '30'), row('b', 1, '30')]).report.warnings,
    ).toBeUndefined();
  });
});
