/**
 * Validates streamed records column by column (column-readers.ts) and turns valid rows into Tasks. Rows
 * of a quote-free CSV arrive as character positions and are read in place, in the same column order and
 * with the same outcomes as strings would be; a row's first fault is reported and the row skipped.
 */
import type { ColumnMapping } from './column-aliases';
import {
  columnsOf,
  FAULT,
  FIELDS,
  readDecimalSpan,
  readSpan,
  readTimestampSpan,
  readUnitSpan,
  type Column,
  type Field,
} from './column-readers';
import type { NumericLevel, ParsedRow } from './field-schemas';
import { clip, type RecordTable, type SpanVisitor } from './record-table';
import { DIFFICULTIES, type RowProblem, type Task } from './task';

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

// Parsed values of `visit` sit in an array in FIELDS order: stores by a varying property name were slow.
const at = (field: Field): number => FIELDS.indexOf(field);
const USER = at('user_id');
const TOPIC = at('topic');
const DIFFICULTY = at('difficulty');
const COMPLETED_AT = at('completed_at');
const IS_CORRECT = at('is_correct');
const TIME = at('actual_time_seconds');
const COMPLETED = at('completed');
const PREDICTED = at('predicted_correct');
const TRUE_P = at('true_p');

export function validateRecords(table: RecordTable, mapping: ColumnMapping): Validated {
  const columns = columnsOf(mapping);
  const column = (k: number): Column => columns[k] as Column;
  const [user, topic, level, completedAt, isCorrect, time, completed, predicted, trueP] = [
    USER,
    TOPIC,
    DIFFICULTY,
    COMPLETED_AT,
    IS_CORRECT,
    TIME,
    COMPLETED,
    PREDICTED,
    TRUE_P,
  ].map(column) as [Column, Column, Column, Column, Column, Column, Column, Column, Column];
  const difficultyIndex = mapping.indexOf.get('difficulty') ?? 0;
  const tasks: Task[] = [];
  const problems: RowProblem[] = [];
  const numbered: Numbered[] = [];
  let notCompletedRows = 0;
  const values: unknown[] = FIELDS.map(() => undefined);

  const visit = (record: unknown[], row: number): void => {
    for (let k = 0; k < columns.length; k++) {
      const { field, index, parse } = column(k);
      const raw = index === undefined ? undefined : record[index];
      const outcome = parse(raw);
      if (!outcome.ok) {
        problems.push({ row, column: field, reason: outcome.reason, value: clip(raw) });
        return;
      }
      values[k] = outcome.value;
    }
    if (values[COMPLETED] === false) {
      notCompletedRows++;
      return;
    }
    const difficulty = values[DIFFICULTY] as ParsedRow['difficulty'];
    const task = newTask(
      values[USER] as string,
      values[TOPIC] as string,
      typeof difficulty === 'number' ? 'easy' : difficulty,
      values[COMPLETED_AT] as number,
      values[IS_CORRECT] as boolean,
      values[TIME] as number,
      values[PREDICTED] as number | undefined,
      values[TRUE_P] as number | undefined,
      row,
    );
    tasks.push(task);
    if (typeof difficulty === 'number')
      numbered.push({ task, row, level: difficulty, raw: record[difficultyIndex] });
  };

  // `visit` for a row given as character positions: the same columns in the same (FIELDS) order, each
  // giving what `parse` gives for its string, written out so numbers need no array slot (a box each).
  const visitSpans: SpanVisitor = (text, starts, ends, row) => {
    const u = readSpan(user, text, starts, ends, row, problems);
    if (u === FAULT) return;
    const t = readSpan(topic, text, starts, ends, row, problems);
    if (t === FAULT) return;
    const d = readSpan(level, text, starts, ends, row, problems) as ParsedRow['difficulty'] | typeof FAULT;
    if (d === FAULT) return;
    const ms = readTimestampSpan(completedAt, text, starts, ends, row, problems);
    if (ms === FAULT) return;
    const correct = readSpan(isCorrect, text, starts, ends, row, problems);
    if (correct === FAULT) return;
    const seconds = readDecimalSpan(time, text, starts, ends, row, problems);
    if (seconds === FAULT) return;
    const done = readSpan(completed, text, starts, ends, row, problems);
    if (done === FAULT) return;
    const p = readUnitSpan(predicted, text, starts, ends, row, problems);
    if (p === FAULT) return;
    const truth = readUnitSpan(trueP, text, starts, ends, row, problems);
    if (truth === FAULT) return;
    if (done === false) {
      notCompletedRows++;
      return;
    }
    const numeric = typeof d === 'number';
    const task = newTask(
      u as string,
      t as string,
      numeric ? 'easy' : d,
      ms,
      correct as boolean,
      seconds,
      p,
      truth,
      row,
    );
    tasks.push(task);
    if (numeric) {
      const raw = text.slice(starts[difficultyIndex] as number, ends[difficultyIndex] as number);
      numbered.push({ task, row, level: d, raw });
    }
  };

  const rowsRead = table.forEachRecord(visit, (problem) => problems.push(problem), visitSpans);
  return { tasks: resolveLevels(tasks, numbered, problems), problems, notCompletedRows, rowsRead };
}

/**
 * One object literal per combination of optional fields, so each task is built in its final shape at
 * once (adding a property later gave every task an out-of-object property store: a million more objects).
 */
function newTask(
  userId: string,
  topic: string,
  difficulty: Task['difficulty'],
  completedAtMs: number,
  isCorrect: boolean,
  actualTimeSeconds: number,
  predictedCorrect: number | undefined,
  trueP: number | undefined,
  row: number,
): Task {
  if (predictedCorrect === undefined) {
    return trueP === undefined
      ? { userId, topic, difficulty, completedAtMs, isCorrect, actualTimeSeconds, row }
      : { userId, topic, difficulty, completedAtMs, isCorrect, actualTimeSeconds, trueP, row };
  }
  return trueP === undefined
    ? { userId, topic, difficulty, completedAtMs, isCorrect, actualTimeSeconds, predictedCorrect, row }
    : {
        userId,
        topic,
        difficulty,
        completedAtMs,
        isCorrect,
        actualTimeSeconds,
        predictedCorrect,
        trueP,
        row,
      };
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
