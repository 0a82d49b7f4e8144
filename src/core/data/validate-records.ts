/**
 * Validates streamed records column by column with the zod field schemas and turns valid rows into Tasks.
 * Why memoised and fast paths: a million-row export repeats the same user, topic, difficulty and boolean
 * strings, so each distinct value goes through zod once; timestamps and times rarely repeat, so plainly
 * valid ones take the schemas' own parse functions directly (FAST_PATHS) and only faulty ones reach zod.
 */
import type { z } from 'zod';
import type { CanonicalColumn, ColumnMapping } from './column-aliases';
import { FAST_PATHS, FIELD_SCHEMAS, type NumericLevel, type ParsedRow } from './field-schemas';
import { clip, type RecordTable, type SpanVisitor } from './record-table';
import { decimalAt, isoMsAt, unitDecimalAt } from './span-fields';
import { DIFFICULTIES, type RowProblem, type Task } from './task';

const FIELDS = Object.keys(FIELD_SCHEMAS) as (keyof typeof FIELD_SCHEMAS & CanonicalColumn)[];

/** Distinct values remembered per column: beyond this a column is not repetitive enough to gain. */
const MEMO_LIMIT = 20_000;

type Outcome = { ok: true; value: unknown } | { ok: false; reason: string };

function viaSchema(schema: z.ZodType, raw: unknown): Outcome {
  const result = schema.safeParse(raw);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, reason: result.error.issues[0]?.message ?? 'is invalid' };
}

function columnParser(field: keyof typeof FIELD_SCHEMAS, present: boolean): (raw: unknown) => Outcome {
  const schema = FIELD_SCHEMAS[field];
  if (!present) {
    const absent = viaSchema(schema, undefined);
    return () => absent;
  }
  const fast = FAST_PATHS[field];
  if (fast) {
    return (raw) => {
      const value = fast(raw);
      return value !== undefined ? { ok: true, value } : viaSchema(schema, raw);
    };
  }
  const memo = new Map<unknown, Outcome>();
  return (raw) => {
    const memoisable = typeof raw !== 'object' || raw === null;
    const hit = memoisable ? memo.get(raw) : undefined;
    if (hit) return hit;
    const outcome = viaSchema(schema, raw);
    if (memoisable && memo.size < MEMO_LIMIT) memo.set(raw, outcome);
    return outcome;
  };
}

interface Numbered {
  task: Task;
  row: number;
  level: NumericLevel;
  raw: unknown;
}

export interface Validated {
  tasks: Task[];
  problems: RowProblem[];
  notCompletedRows: number;
  rowsRead: number;
}

/** Reads a value from characters of a quote-free CSV where that is provably the schema's answer (span-fields). */
const SPAN_READERS: Partial<Record<CanonicalColumn, (text: string, from: number, to: number) => unknown>> = {
  completed_at: isoMsAt,
  actual_time_seconds: decimalAt,
  predicted_correct: unitDecimalAt,
  true_p: unitDecimalAt,
};

export function validateRecords(table: RecordTable, mapping: ColumnMapping): Validated {
  const columns = FIELDS.map((field) => {
    const index = mapping.indexOf.get(field);
    return { field, index, parse: columnParser(field, index !== undefined), fromSpan: SPAN_READERS[field] };
  });
  const difficultyIndex = mapping.indexOf.get('difficulty') ?? 0;
  const tasks: Task[] = [];
  const problems: RowProblem[] = [];
  const numbered: Numbered[] = [];
  let notCompletedRows = 0;
  const values: Partial<Record<CanonicalColumn, unknown>> = {};

  const accept = (parsed: ParsedRow, row: number, rawDifficulty: unknown): void => {
    if (parsed.completed === false) {
      notCompletedRows++;
      return;
    }
    const level = typeof parsed.difficulty === 'number' ? parsed.difficulty : undefined;
    const task = newTask(parsed, level === undefined ? (parsed.difficulty as Task['difficulty']) : 'easy');
    if (level !== undefined) numbered.push({ task, row, level, raw: rawDifficulty });
    tasks.push(task);
  };

  const visit = (record: unknown[], row: number): void => {
    for (const { field, index, parse } of columns) {
      const raw = index === undefined ? undefined : record[index];
      const outcome = parse(raw);
      if (!outcome.ok) {
        problems.push({ row, column: field, reason: outcome.reason, value: clip(raw) });
        return;
      }
      values[field] = outcome.value;
    }
    accept(values as ParsedRow, row, record[difficultyIndex]);
  };

  // The same checks in the same order as `visit`, on the characters of the row: a value the span reader
  // cannot vouch for is cut out and goes through `parse` as `visit` would send it. Difficulty has no span
  // reader, so its raw value is always cut out and at hand for a numeric level.
  const visitSpans: SpanVisitor = (text, starts, ends, row) => {
    let rawDifficulty: string | undefined;
    for (const { field, index, parse, fromSpan } of columns) {
      if (index === undefined) {
        const outcome = parse(undefined);
        if (!outcome.ok) {
          problems.push({ row, column: field, reason: outcome.reason, value: clip(undefined) });
          return;
        }
        values[field] = outcome.value;
        continue;
      }
      const from = starts[index] as number;
      const to = ends[index] as number;
      const value = fromSpan?.(text, from, to);
      if (value !== undefined) {
        values[field] = value;
        continue;
      }
      const raw = text.slice(from, to);
      if (index === difficultyIndex) rawDifficulty = raw;
      const outcome = parse(raw);
      if (!outcome.ok) {
        problems.push({ row, column: field, reason: outcome.reason, value: clip(raw) });
        return;
      }
      values[field] = outcome.value;
    }
    accept(values as ParsedRow, row, rawDifficulty);
  };

  const rowsRead = table.forEachRecord(visit, (problem) => problems.push(problem), visitSpans);
  return { tasks: resolveLevels(tasks, numbered, problems), problems, notCompletedRows, rowsRead };
}

/**
 * One object literal per combination of optional fields, so each task is built in its final shape at
 * once (adding a property later gave every task an out-of-object property store: a million more objects).
 */
function newTask(p: ParsedRow, difficulty: Task['difficulty']): Task {
  const predictedCorrect = p.predicted_correct;
  const trueP = p.true_p;
  const userId = p.user_id;
  const topic = p.topic;
  const completedAtMs = p.completed_at;
  const isCorrect = p.is_correct;
  const actualTimeSeconds = p.actual_time_seconds;
  if (predictedCorrect === undefined) {
    return trueP === undefined
      ? { userId, topic, difficulty, completedAtMs, isCorrect, actualTimeSeconds }
      : { userId, topic, difficulty, completedAtMs, isCorrect, actualTimeSeconds, trueP };
  }
  return trueP === undefined
    ? { userId, topic, difficulty, completedAtMs, isCorrect, actualTimeSeconds, predictedCorrect }
    : { userId, topic, difficulty, completedAtMs, isCorrect, actualTimeSeconds, predictedCorrect, trueP };
}

/**
 * Numeric levels are 0–2 when a 0 occurs in the column, else 1–3 (a 3 with no 0, or only 1s and 2s);
 * under 0–2 a 3 is out of range and its row is skipped.
 */
function resolveLevels(tasks: Task[], numbered: Numbered[], problems: RowProblem[]): Task[] {
  if (numbered.length === 0) return tasks;
  const offset = numbered.some((n) => n.level === 0) ? 0 : 1;
  const dropped = new Set<Task>();
  for (const n of numbered) {
    const difficulty = DIFFICULTIES[n.level - offset];
    if (difficulty) {
      n.task.difficulty = difficulty;
    } else {
      dropped.add(n.task);
      problems.push({
        row: n.row,
        column: 'difficulty',
        reason: 'is 3, but this file numbers difficulty 0–2',
        value: clip(n.raw),
      });
    }
  }
  return dropped.size === 0 ? tasks : tasks.filter((t) => !dropped.has(t));
}
