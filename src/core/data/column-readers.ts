/**
 * How one import column turns a raw value into its normalised value or the reason it refuses it: the
 * zod schema, memoised for columns whose values repeat and behind FAST_PATHS for those that do not —
 * and, for a quote-free CSV, read straight from the characters, the schema behind anything unvouched for.
 */
import type { z } from 'zod';
import type { CanonicalColumn, ColumnMapping } from './column-aliases';
import { FAST_PATHS, FIELD_SCHEMAS } from './field-schemas';
import { clip } from './record-table';
import { decimalAt, isoMsAt, unitDecimalAt } from './span-fields';
import { SpanMemo } from './span-memo';
import type { RowProblem } from './task';

export type Field = keyof typeof FIELD_SCHEMAS & CanonicalColumn;
/** The columns in the order a row is checked (its first fault is the one reported). */
export const FIELDS = Object.keys(FIELD_SCHEMAS) as Field[];

/** Distinct values remembered per column: beyond this a column is not repetitive enough to gain. */
const MEMO_LIMIT = 20_000;

export type Outcome = { ok: true; value: unknown } | { ok: false; reason: string };

function viaSchema(schema: z.ZodType, raw: unknown): Outcome {
  const result = schema.safeParse(raw);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, reason: result.error.issues[0]?.message ?? 'is invalid' };
}

function columnParser(field: Field, present: boolean): (raw: unknown) => Outcome {
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

export interface Column {
  field: Field;
  /** Index into the file's header; undefined when the file lacks the column. */
  index: number | undefined;
  parse: (raw: unknown) => Outcome;
  /** What `parse` gave for spans, by their characters: for the columns whose values repeat. */
  memo: SpanMemo<Outcome> | undefined;
}

/** Columns read from characters by a span reader: their values rarely repeat, so they keep no memo. */
const READ_BY_SPAN = new Set<Field>(['completed_at', 'actual_time_seconds', 'predicted_correct', 'true_p']);

export function columnsOf(mapping: ColumnMapping): Column[] {
  return FIELDS.map((field) => {
    const index = mapping.indexOf.get(field);
    const memo = READ_BY_SPAN.has(field) ? undefined : new SpanMemo<Outcome>(MEMO_LIMIT);
    return { field, index, parse: columnParser(field, index !== undefined), memo };
  });
}

/** Returned by the span readers once they have reported a row's fault; the row is then dropped. */
export const FAULT: unique symbol = Symbol('fault');

/** The problem `visit` reports for the same value: raw value clipped, column named. */
function refuse(
  problems: RowProblem[],
  row: number,
  column: Column,
  raw: unknown,
  reason: string,
): typeof FAULT {
  problems.push({ row, column: column.field, reason, value: clip(raw) });
  return FAULT;
}

/** A column's outcome for a span when no span reader vouches for it: memo, else cut out and parsed. */
function spanOutcome(column: Column, text: string, from: number, to: number): Outcome {
  const memo = column.memo;
  if (memo === undefined) return column.parse(text.slice(from, to));
  let outcome = memo.find(text, from, to);
  if (outcome === undefined) {
    outcome = column.parse(text.slice(from, to));
    memo.remember(text, from, to, outcome);
  }
  return outcome;
}

/**
 * The span readers below give for a row's field exactly what `column.parse` gives for the same string:
 * a span reader's answer where it has one (span-fields), else the memoised or freshly parsed outcome.
 * Separate functions per kind keep each call site single-target, so numbers stay unboxed doubles.
 */
export function readSpan(
  column: Column,
  text: string,
  starts: Int32Array,
  ends: Int32Array,
  row: number,
  problems: RowProblem[],
): unknown {
  const index = column.index;
  if (index === undefined) return readAbsent(column, row, problems);
  const from = starts[index] as number;
  const to = ends[index] as number;
  const outcome = spanOutcome(column, text, from, to);
  return outcome.ok ? outcome.value : refuse(problems, row, column, text.slice(from, to), outcome.reason);
}

/**
 * A span reader that tries `fast` on the field's characters first (undefined = not its simple form) and
 * otherwise reads the field through the column's schema, so values and messages stay the same.
 */
function withFastPath<T>(fast: (text: string, from: number, to: number) => T | undefined) {
  return (
    column: Column,
    text: string,
    starts: Int32Array,
    ends: Int32Array,
    row: number,
    problems: RowProblem[],
  ): T | typeof FAULT => {
    const index = column.index;
    if (index === undefined) return readAbsent(column, row, problems) as T | typeof FAULT;
    const value = fast(text, starts[index] as number, ends[index] as number);
    return value !== undefined
      ? value
      : (readSpan(column, text, starts, ends, row, problems) as T | typeof FAULT);
  };
}

export const readTimestampSpan = withFastPath(isoMsAt);
export const readDecimalSpan = withFastPath(decimalAt);
/** A probability in [0, 1], or undefined where the column is optional and empty. */
export const readUnitSpan = withFastPath<number | undefined>(unitDecimalAt);

function readAbsent(column: Column, row: number, problems: RowProblem[]): unknown {
  const outcome = column.parse(undefined);
  return outcome.ok ? outcome.value : refuse(problems, row, column, undefined, outcome.reason);
}
