// Property tests of the importer on arbitrary rows: files with the docs/contract.md §1 columns (any alias,
// case, order, delimiter, container, encoding) whose rows are valid tasks, some cells replaced by
// near-misses or anything at all. Never a throw; every row accounted for; every skipped row named by
// row number, column and reason — and only ever for a cell that was actually spoiled.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CanonicalColumn } from './column-aliases';
import { parseTimestampMs } from './field-schemas';
import {
  asCsvText,
  csvText,
  encodeText,
  fileStyleArb,
  fuzzParameters,
  jsonText,
  junkArb,
  validTasksArb,
  type FileStyle,
} from './import-fuzz.test-helper';
import { expectSoundDataset } from './import-invariants.test-helper';
import { importTasksFromBytes, importTasksFromText } from './import-tasks';
import { asWritten, Chooser, spellTask, type Cell } from './task-spellings.test-helper';
import type { Task } from './task';

interface RowPlan {
  /** Canonical columns whose cell was replaced by junk (none: a valid row). */
  spoiled: Map<CanonicalColumn, unknown>;
  notCompleted: boolean;
}

const planArb = fc.record({
  spoil: fc.option(fc.array(fc.tuple(fc.nat(), junkArb), { minLength: 1, maxLength: 3 }), { freq: 2 }),
  notCompleted: fc.boolean(),
});

const rowsCaseArb = fc.record({
  tasks: validTasksArb(30),
  plans: fc.array(planArb, { minLength: 30, maxLength: 30 }),
  // Named difficulties: numeric levels are resolved over the whole column, so a spoiled "0" elsewhere
  // could rightly skip a valid "3" and blur which rows must survive.
  style: fileStyleArb.map((s): FileStyle => ({ ...s, difficultyScheme: 'named' })),
  asJson: fc.boolean(),
});

const taskKey = (t: Task): string =>
  JSON.stringify([
    t.userId,
    t.topic,
    t.difficulty,
    t.completedAtMs,
    t.isCorrect,
    t.actualTimeSeconds,
    t.predictedCorrect,
    t.trueP,
  ]);

describe('importTasksFromBytes on arbitrary rows', () => {
  it('never throws, accounts for every row, and skips only spoiled rows, naming row, column and reason', () => {
    fc.assert(
      fc.property(rowsCaseArb, ({ tasks, plans, style, asJson }) => {
        const chooser = new Chooser(style.choices);
        const rows: RowPlan[] = tasks.map((_, i) => {
          const plan = plans[i] ?? { spoil: null, notCompleted: false };
          const spoiled = new Map<CanonicalColumn, unknown>();
          for (const [at, junk] of plan.spoil ?? [])
            spoiled.set(style.columns[at % style.columns.length] as CanonicalColumn, junk);
          return { spoiled, notCompleted: plan.notCompleted && style.columns.includes('completed') };
        });
        const cells = tasks.map((task, i) => {
          const row = rows[i] as RowPlan;
          const spelled: Partial<Record<CanonicalColumn, unknown>> = spellTask(task, style, chooser, asJson);
          if (row.notCompleted)
            spelled.completed = chooser.pick<Cell>(asJson ? [false, 'no', 0] : ['false', 'F', '0', 'No']);
          for (const [column, junk] of row.spoiled) spelled[column] = junk;
          return spelled;
        });
        const header = style.columns.map((c) => style.header[c]);
        const text = asJson
          ? jsonText(
              cells.map((c) => Object.fromEntries(style.columns.map((col) => [style.header[col], c[col]]))),
              style,
            )
          : csvText(
              header,
              cells.map((c) => style.columns.map((col) => asCsvText(c[col]))),
              style,
            );
        const fileName = asJson ? 'rows.json' : 'rows.csv';
        const result = importTasksFromBytes(encodeText(text, style.encoding), fileName);

        const survivors = tasks
          .filter((_, i) => rows[i]?.spoiled.size === 0 && !rows[i]?.notCompleted)
          .map((t) => asWritten(t, style));
        if (result.kind === 'refused') {
          // All columns are there and rows exist: only "no valid row" may refuse the file.
          expect(result.message).toMatch(new RegExp(`^${fileName.replace('.', '\\.')} has no valid row`));
          expect(survivors).toEqual([]);
          return;
        }
        const { tasks: imported, report } = result.dataset;
        expectSoundDataset(result.dataset, fileName);
        expect(report.rowsRead).toBe(tasks.length);
        for (const problem of report.problems) {
          const row = rows[problem.row - 1];
          expect(row, `problem on row ${problem.row} of ${tasks.length}`).toBeDefined();
          expect([...(row?.spoiled.keys() ?? [])], `${problem.column} ${problem.reason}`).toContain(
            problem.column,
          );
        }
        const validNotCompleted = rows.filter((r) => r.spoiled.size === 0 && r.notCompleted).length;
        expect(report.notCompletedRows).toBeGreaterThanOrEqual(validNotCompleted);
        const keys = new Map<string, number>();
        for (const t of imported) keys.set(taskKey(t), (keys.get(taskKey(t)) ?? 0) + 1);
        for (const t of survivors) {
          const left = keys.get(taskKey(t)) ?? 0;
          expect(left, `valid row lost: ${taskKey(t)}`).toBeGreaterThan(0);
          keys.set(taskKey(t), left - 1);
        }
      }),
      fuzzParameters(8_2026, 300),
    );
  });
});

describe('timestamps', () => {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

  it('an ISO-8601 date is accepted only when it exists, and then as the instant written', () => {
    fc.assert(
      fc.property(
        fc.record({
          y: fc.integer({ min: 1970, max: 2099 }),
          m: fc.integer({ min: 1, max: 12 }),
          d: fc.integer({ min: 1, max: 31 }),
          h: fc.integer({ min: 0, max: 24 }),
          mi: fc.integer({ min: 0, max: 59 }),
          s: fc.integer({ min: 0, max: 59 }),
          zone: fc.constantFrom('Z', '+05:30', '-08:00', '', '+0100'),
          separator: fc.constantFrom('T', ' '),
        }),
        ({ y, m, d, h, mi, s, zone, separator }) => {
          const text = `${pad(y, 4)}-${pad(m)}-${pad(d)}${separator}${pad(h)}:${pad(mi)}:${pad(s)}${zone}`;
          const exists = d <= daysIn(y, m) && (h < 24 || (mi === 0 && s === 0));
          const offsetMin =
            zone === '' || zone === 'Z'
              ? 0
              : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
          const written = Date.UTC(y, m - 1, d, h, mi, s) - offsetMin * 60_000;
          const inRange = written >= Date.UTC(1970, 0, 1) && written < Date.UTC(2100, 0, 1);
          expect(parseTimestampMs(text), text).toBe(exists && inRange ? written : undefined);
        },
      ),
      fuzzParameters(8_2026, 400),
    );
  });
});

describe('regressions these properties found (kept as plain examples)', () => {
  const HEADER = 'user_id;topic;difficulty;completed_at;is_correct;actual_time_seconds';
  const ok = (text: string, name: string) => {
    const result = importTasksFromText(text, name);
    if (result.kind !== 'ok') throw new Error(result.message);
    return result.dataset;
  };

  it('a `;` file whose quoted values hold commas, with a final line break, keeps its `;` columns', () => {
    const rows = ['u;"[0,0,null]";easy;2025-01-01;true;3', 'u;T;easy;2025-01-02;false;4'];
    expect(ok(`${HEADER}\n${rows.join('\n')}\n`, 'semi.csv').tasks.map((t) => t.topic)).toEqual([
      '[0,0,null]',
      'T',
    ]);
  });

  it('a number too large for float64 ("1e400") is skipped as not a number, not kept as Infinity', () => {
    const { tasks, report } = ok(
      `${HEADER}\nu;T;easy;2025-01-01;true;1e400\nu;T;easy;2025-01-02;true;3\n`,
      'big.csv',
    );
    expect(tasks).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({
      row: 1,
      column: 'actual_time_seconds',
      reason: 'is not a number',
    });
  });

  it('a day its month does not have (2025-02-30) is skipped, not moved to March', () => {
    const { report } = ok(
      `${HEADER}\nu;T;easy;2025-02-30T10:00:00Z;true;3\nu;T;easy;2025-02-28;true;3\n`,
      'day.csv',
    );
    expect(report.problems[0]).toMatchObject({ row: 1, column: 'completed_at' });
  });

  it('one-line NDJSON (a single task) is one task, not "JSON holding no array"', () => {
    const line = JSON.stringify({
      user_id: 'u',
      topic: 'T',
      difficulty: 'easy',
      completed_at: '2025-01-01',
      is_correct: 1,
      actual_time_seconds: 3,
    });
    const { tasks, report } = ok(line, 'one.ndjson');
    expect(tasks).toHaveLength(1);
    expect(report.format).toBe('ndjson');
  });

  it("a refusal lists a few of a very wide header's columns, not all of them", () => {
    const result = importTasksFromText(`${'x,'.repeat(50_000)}y\n1,2\n`, 'wide.csv');
    expect(result.kind).toBe('refused');
    if (result.kind === 'refused')
      expect(result.message).toMatch(/\(its columns: x, x, .* and 49989 more\)\.$/);
  });
});
