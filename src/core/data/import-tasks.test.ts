import { describe, expect, it } from 'vitest';
import {
  importTasksFromBytes,
  importTasksFromText,
  MAX_DETAILED_PROBLEMS,
  type ImportResult,
} from './import-tasks';
import type { Dataset } from './task';

const HEADER = 'user_id,topic,difficulty,completed_at,is_correct,actual_time_seconds';
const ROWS = [
  'bulk@example.com,Calculus,easy,2025-09-01T08:00:00.000Z,true,30',
  'you2@example.com,Algebra,hard,2025-09-01T09:00:00.000Z,false,75.5',
];
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');

function ok(result: ImportResult): Dataset {
  if (result.kind !== 'ok') throw new Error(`refused: ${result.message}`);
  return result.dataset;
}

describe('importTasksFromText — formats', () => {
  it('reads a plain CSV into chronological tasks', () => {
    const { tasks, report } = ok(importTasksFromText(csv(ROWS[1]!, ROWS[0]!), 'a.csv'));
    expect(tasks).toEqual([
      {
        userId: 'bulk@example.com',
        topic: 'Calculus',
        difficulty: 'easy',
        completedAtMs: Date.UTC(2025, 8, 1, 8),
        isCorrect: true,
        actualTimeSeconds: 30,
        row: 2,
      },
      {
        userId: 'you2@example.com',
        topic: 'Algebra',
        difficulty: 'hard',
        completedAtMs: Date.UTC(2025, 8, 1, 9),
        isCorrect: false,
        actualTimeSeconds: 75.5,
        row: 1,
      },
    ]);
    expect(report).toMatchObject({ format: 'csv', rowsRead: 2, skippedRows: 0, problems: [] });
  });

  it.each([
    ['semicolons', ';'],
    ['tabs', '\t'],
  ])('detects %s as the delimiter', (_name, delimiter) => {
    const text = [HEADER, ...ROWS].map((l) => l.replaceAll(',', delimiter)).join('\n');
    expect(ok(importTasksFromText(text, 'd.csv')).tasks).toHaveLength(2);
  });

  it('handles a BOM, CRLF and quoted fields with commas, quotes and newlines', () => {
    const text = `\uFEFF${HEADER}\r\n"Smith, ""J""\nline2",Calculus,easy,2025-09-01T08:00:00Z,true,30\r\n`;
    const [task] = ok(importTasksFromText(text, 'q.csv')).tasks;
    expect(task?.userId).toBe('Smith, "J"\nline2');
  });

  it.each([
    ['a bare array', (rows: object[]) => JSON.stringify(rows)],
    ['tasks', (rows: object[]) => JSON.stringify({ tasks: rows })],
    ['data', (rows: object[]) => JSON.stringify({ data: rows })],
    ['rows', (rows: object[]) => JSON.stringify({ rows })],
    ['NDJSON', (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n')],
  ])('reads JSON as %s', (_name, write) => {
    const rows = [
      {
        user_id: 'u1',
        topic: 'T',
        difficulty: 'easy',
        completed_at: '2025-01-01T00:00:00Z',
        is_correct: true,
        actual_time_seconds: 3,
      },
      {
        user_id: 'u2',
        topic: 'T',
        difficulty: 'hard',
        completed_at: 1735689700,
        is_correct: 0,
        actual_time_seconds: '4',
      },
    ];
    const dataset = ok(importTasksFromText(write(rows), 'j.json'));
    expect(dataset.tasks.map((t) => [t.userId, t.isCorrect, t.actualTimeSeconds])).toEqual([
      ['u1', true, 3],
      ['u2', false, 4],
    ]);
  });

  it('decodes UTF-16 LE and BE with a byte-order mark', () => {
    const text = csv(ROWS[0]!);
    const le = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]);
    const be = new Uint8Array([
      0xfe,
      0xff,
      ...Array.from(text).flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]),
    ]);
    expect(ok(importTasksFromBytes(le, 'le.csv')).tasks[0]?.userId).toBe('bulk@example.com');
    expect(ok(importTasksFromBytes(be, 'be.csv')).tasks[0]?.userId).toBe('bulk@example.com');
  });
});

describe('importTasksFromText — columns and values (docs/contract.md §1)', () => {
  it.each([
    ['user_id', ['user', 'user_email', 'email', 'student_id', 'learner_id', 'USER_ID', ' User ']],
    ['topic', ['skill', 'skill_name', 'kc', 'concept', 'Topic']],
    ['difficulty', ['level', 'Difficulty']],
    ['completed_at', ['timestamp', 'submitted_at', 'created_at']],
    ['is_correct', ['correct', 'outcome']],
    ['actual_time_seconds', ['actual_time', 'time_seconds', 'duration_seconds']],
  ])('accepts every alias of %s', (canonical, aliases) => {
    for (const alias of aliases) {
      const header = HEADER.split(',')
        .map((h) => (h === canonical ? alias : h))
        .join(',');
      const { tasks, report } = ok(importTasksFromText([header, ROWS[0]].join('\n'), 'alias.csv'));
      expect(tasks).toHaveLength(1);
      expect(report.columnMap[canonical]).toBe(alias);
    }
  });

  it('prefers the canonical name when an alias names the same column', () => {
    const text =
      'email,user_id,topic,difficulty,completed_at,is_correct,actual_time_seconds\nx@y,u1,T,easy,2025-01-01,true,1';
    const { tasks, report } = ok(importTasksFromText(text, 'dup.csv'));
    expect(tasks[0]?.userId).toBe('u1');
    expect(report.ignoredColumns).toEqual(['email']);
  });

  const one = (column: string, value: string) => {
    const header = HEADER.split(',');
    const values = ROWS[0]!.split(',');
    values[header.indexOf(column)] = value;
    return importTasksFromText(csv(values.join(',')), 'v.csv');
  };

  it.each([
    ['easy', 'easy'],
    ['EASY', 'easy'],
    [' Medium ', 'medium'],
    ['Hard', 'hard'],
  ])('reads difficulty %j as %s', (value, expected) => {
    expect(ok(one('difficulty', value)).tasks[0]?.difficulty).toBe(expected);
  });

  it('reads numeric difficulty as 0–2 when a 0 occurs, else as 1–3', () => {
    const rows = (levels: string[]) =>
      csv(...levels.map((l, i) => `u,T,${l},2025-01-0${i + 1}T00:00:00Z,true,1`));
    expect(ok(importTasksFromText(rows(['0', '1', '2']), 'z.csv')).tasks.map((t) => t.difficulty)).toEqual([
      'easy',
      'medium',
      'hard',
    ]);
    expect(ok(importTasksFromText(rows(['1', '2', '3']), 'o.csv')).tasks.map((t) => t.difficulty)).toEqual([
      'easy',
      'medium',
      'hard',
    ]);
    const mixed = ok(importTasksFromText(rows(['0', '3', '2']), 'm.csv'));
    expect(mixed.tasks.map((t) => t.difficulty)).toEqual(['easy', 'hard']);
    expect(mixed.report.problems).toEqual([
      { row: 2, column: 'difficulty', reason: 'is 3, but this file numbers difficulty 0–2', value: '3' },
    ]);
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['t', true],
    ['1', true],
    ['yes', true],
    ['Yes', true],
    ['false', false],
    ['F', false],
    ['0', false],
    ['no', false],
    ['NO', false],
  ])('reads is_correct %j as %s', (value, expected) => {
    expect(ok(one('is_correct', value)).tasks[0]?.isCorrect).toBe(expected);
  });

  it.each([
    ['2025-09-01T08:00:00.000Z', Date.UTC(2025, 8, 1, 8)],
    ['2025-09-01T08:00:00Z', Date.UTC(2025, 8, 1, 8)],
    ['2025-09-01T10:00:00+02:00', Date.UTC(2025, 8, 1, 8)],
    ['2025-09-01T08:00:00', Date.UTC(2025, 8, 1, 8)],
    ['2025-09-01 08:00:00', Date.UTC(2025, 8, 1, 8)],
    ['2025-09-01', Date.UTC(2025, 8, 1)],
    ['1756713600', Date.UTC(2025, 8, 1, 8)],
    ['1756713600000', Date.UTC(2025, 8, 1, 8)],
    ['1756713600.5', Date.UTC(2025, 8, 1, 8) + 500],
  ])('reads completed_at %j as UTC', (value, expected) => {
    expect(ok(one('completed_at', value)).tasks[0]?.completedAtMs).toBe(expected);
  });

  it('keeps predicted_correct and true_p, and leaves out completed=false rows without calling them problems', () => {
    const text = [
      `${HEADER},completed,predicted_correct,true_p`,
      `${ROWS[0]},true,0.57,0.9`,
      `${ROWS[1]},false,,`,
      `u3,Algebra,easy,2025-09-02T00:00:00Z,true,4,,,`,
    ].join('\n');
    const { tasks, report } = ok(importTasksFromText(text, 'opt.csv'));
    expect(tasks).toHaveLength(2);
    expect(tasks[0]).toMatchObject({ predictedCorrect: 0.57, trueP: 0.9 });
    expect(tasks[1]).not.toHaveProperty('predictedCorrect');
    expect(report).toMatchObject({ notCompletedRows: 1, skippedRows: 0 });
  });

  it.each([
    ['user_id', '', 'is empty'],
    ['topic', '  ', 'is empty'],
    ['difficulty', 'extreme', 'is not a difficulty (easy, medium, hard, 0–2 or 1–3)'],
    ['difficulty', '4', 'is not a difficulty (easy, medium, hard, 0–2 or 1–3)'],
    ['completed_at', 'yesterday', 'is not a timestamp (ISO-8601 or epoch seconds/milliseconds, 1970–2099)'],
    [
      'completed_at',
      '2025-13-45T00:00:00Z',
      'is not a timestamp (ISO-8601 or epoch seconds/milliseconds, 1970–2099)',
    ],
    ['is_correct', 'maybe', 'is not a boolean (true/false, t/f, 1/0, yes/no)'],
    ['actual_time_seconds', '-3', 'is negative'],
    ['actual_time_seconds', 'fast', 'is not a number'],
    ['actual_time_seconds', '', 'is empty'],
  ])('skips a row whose %s is %j, saying why', (column, value, reason) => {
    const { report } = ok(importTasksFromText(csv(ROWS[1]!, replaceIn(ROWS[0]!, column, value)), 'bad.csv'));
    expect(report.skippedRows).toBe(1);
    expect(report.problems).toEqual([{ row: 2, column, reason, value }]);
  });

  it('skips rows with the wrong number of fields, tolerating a trailing delimiter', () => {
    const { tasks, report } = ok(
      importTasksFromText(csv(`${ROWS[0]},`, 'u,T,easy', `${ROWS[1]},extra`), 'f.csv'),
    );
    expect(tasks).toHaveLength(1);
    expect(report.problems.map((p) => [p.row, p.column])).toEqual([
      [2, '(row)'],
      [3, '(row)'],
    ]);
  });

  it('keeps the first 1,000 problems in detail and counts the rest', () => {
    const bad = Array.from({ length: 1500 }, () => 'u,T,extreme,2025-01-01,true,1');
    const { report } = ok(importTasksFromText(csv(ROWS[0]!, ...bad), 'many.csv'));
    expect(report.skippedRows).toBe(1500);
    expect(report.problems).toHaveLength(MAX_DETAILED_PROBLEMS);
  });

  it('keeps HTML and formulas in names as plain text and never pollutes prototypes', () => {
    const json = `[{"user_id":"<img src=x onerror=alert(1)>","topic":"=HYPERLINK(\\"http://x\\")","difficulty":"easy","completed_at":"2025-01-01","is_correct":true,"actual_time_seconds":1,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}]`;
    const [task] = ok(importTasksFromText(json, 'x.json')).tasks;
    expect(task?.userId).toBe('<img src=x onerror=alert(1)>');
    expect(task?.topic).toBe('=HYPERLINK("http://x")');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(task)).toBe(Object.prototype);
  });
});

function replaceIn(row: string, column: string, value: string): string {
  const values = row.split(',');
  values[HEADER.split(',').indexOf(column)] = value;
  return values.join(',');
}
