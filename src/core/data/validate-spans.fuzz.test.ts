// A quote-free CSV is validated from character positions (visitSpans), a quoting one from papaparse's
// strings (visit). Both must give the same tasks and the same problems — the same first faulty column
// of each row, the same reason, the same quoted value — whatever mix of good and bad cells a row holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzParameters } from './import-fuzz.test-helper';
import { importTasksFromText, type ImportResult } from './import-tasks';

const CELLS: Record<string, string[]> = {
  user_id: ['a@x.org', ' b ', '', 'Ünï', 'learner0470@example.com', 'émile'],
  topic: ['Algebra', '', ' T ', 'x y', 'Number Theory'],
  difficulty: ['easy', 'HARD', ' medium', '0', '1', '2', '3', '', 'expert'],
  completed_at: [
    '2025-09-01T08:09:20.5Z',
    '2025-09-01T08:09:20Z',
    '2025-09-01T08:09:20.123Z',
    '2024-02-29T23:59:59Z',
    '2025-02-29T00:00:00Z',
    '2025-09-01T24:00:00Z',
    '1756714160',
    '1756714160000',
    '2025-09-01 08:00',
    '2025-09-01',
    '1969-12-31T23:59:59Z',
    '',
    'x',
  ],
  is_correct: ['true', 'false', 'T', '0', 'yes', '', 'maybe'],
  actual_time_seconds: ['28.2', '0', '007', '280.5', '-1', '', '1e3', 'abc', '1.', '12345678901234567.5'],
  completed: ['true', 'false', '', 'no', 'x'],
  predicted_correct: ['0.5', '1', '0', '1.5', '', 'x', '-0', '0.1234567890123456789'],
  true_p: ['0.25', '0.8633', '2', '', 'x', '.5'],
};
const REQUIRED = ['user_id', 'topic', 'difficulty', 'completed_at', 'is_correct', 'actual_time_seconds'];
const OPTIONAL = ['completed', 'predicted_correct', 'true_p'];

const fileArb = fc
  .record({
    optional: fc.subarray(OPTIONAL),
    order: fc.array(fc.nat(), { minLength: 9, maxLength: 9 }),
    delimiter: fc.constantFrom(',', ';', '\t'),
    newline: fc.constantFrom('\n', '\r\n'),
    rows: fc.array(fc.array(fc.nat(), { minLength: 9, maxLength: 9 }), { minLength: 1, maxLength: 40 }),
  })
  .map(({ optional, order, delimiter, newline, rows }) => {
    // Shuffle the columns by sorting on random keys, so the checking order differs from the file's.
    const columns = [...REQUIRED, ...optional]
      .map((c, i) => [c, order[i] ?? 0] as const)
      .sort((a, b) => a[1] - b[1])
      .map(([c]) => c);
    const lines = rows.map((picks) =>
      columns.map((c, i) => {
        const pool = CELLS[c] as string[];
        return pool[(picks[i] ?? 0) % pool.length] as string;
      }),
    );
    return { columns, lines, delimiter, newline };
  });

const essentials = (result: ImportResult) =>
  result.kind === 'refused'
    ? result
    : {
        tasks: result.dataset.tasks,
        problems: result.dataset.report.problems,
        counts: [result.dataset.report.rowsRead, result.dataset.report.skippedRows],
        notCompleted: result.dataset.report.notCompletedRows,
      };

describe('validating a CSV from character positions', () => {
  it('gives what validating papaparse’s strings gives, row by row and fault by fault', () => {
    fc.assert(
      fc.property(fileArb, ({ columns, lines, delimiter, newline }) => {
        const join = (cells: string[]) => cells.join(delimiter);
        const inPlace = [join(columns), ...lines.map(join)].join(newline);
        // One quoted extra column makes the reader take papaparse's strings for every row.
        const quoted = [join([...columns, '"extra"']), ...lines.map((l) => join([...l, '"q"']))].join(
          newline,
        );
        expect(essentials(importTasksFromText(inPlace, 'f.csv'))).toEqual(
          essentials(importTasksFromText(quoted, 'f.csv')),
        );
      }),
      fuzzParameters(20261202, 1500),
    );
  });
});
