/**
 * zod schemas for one import row: each field accepts what CSV (strings) or JSON (strings, numbers,
 * booleans) can hold and normalises it, or reports a plain-English reason naming what was expected.
 * FAST_PATHS reuse the very parse functions the schemas call, for columns whose values rarely repeat.
 */
import { z } from 'zod';
import type { Difficulty } from './task';

type Ctx = z.core.$RefinementCtx<unknown>;

function fail(ctx: Ctx, message: string): never {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}

const isBlank = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const asText = (v: unknown): string | undefined =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

const text = z.unknown().transform((v, ctx) => {
  if (isBlank(v)) return fail(ctx, 'is empty');
  const s = asText(v);
  return s === undefined ? fail(ctx, 'is not text') : s;
});

const NAMED_DIFFICULTY: Record<string, Difficulty> = { easy: 'easy', medium: 'medium', hard: 'hard' };

/** A numeric level 0–3: whether it means 0–2 or 1–3 is only known once the whole column is seen. */
export type NumericLevel = 0 | 1 | 2 | 3;

const difficulty = z.unknown().transform((v, ctx): Difficulty | NumericLevel => {
  if (isBlank(v)) return fail(ctx, 'is empty');
  const s = asText(v)?.toLowerCase() ?? '';
  const named = NAMED_DIFFICULTY[s];
  if (named) return named;
  if (/^[0-3]$/.test(s)) return Number(s) as NumericLevel;
  return fail(ctx, 'is not a difficulty (easy, medium, hard, 0–2 or 1–3)');
});

const TRUE = new Set(['true', 't', '1', 'yes']);
const FALSE = new Set(['false', 'f', '0', 'no']);

function parseBoolean(v: unknown, ctx: Ctx): boolean {
  if (typeof v === 'boolean') return v;
  const s = asText(v)?.toLowerCase();
  if (s !== undefined && TRUE.has(s)) return true;
  if (s !== undefined && FALSE.has(s)) return false;
  return fail(ctx, isBlank(v) ? 'is empty' : 'is not a boolean (true/false, t/f, 1/0, yes/no)');
}

const boolean = z.unknown().transform(parseBoolean);
const optionalBoolean = z.unknown().transform((v, ctx) => (isBlank(v) ? undefined : parseBoolean(v, ctx)));

const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const NUMERIC = /^[+-]?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;
// Epoch values at or above 1e11 are milliseconds: 1e11 seconds would be the year 5138, 1e11 ms is 1973.
const EPOCH_MS_FROM = 1e11;
const EARLIEST_MS = Date.UTC(1970, 0, 1);
const LATEST_MS = Date.UTC(2100, 0, 1);

// The form exports almost always use; checked first because a million timestamps pass through here.
const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/**
 * Whether the day of an ISO date (`YYYY-MM-DD…`) exists in its month: Date.parse rolls 2025-02-30 and
 * 2025-04-31 over into the next month instead of refusing them, so a typo would silently move the task.
 */
function dayExists(iso: string): boolean {
  const day = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  if (day <= 28) return true;
  const lastDay = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), 0)).getUTCDate();
  return day <= lastDay;
}

export function parseTimestampMs(v: unknown): number | undefined {
  let ms: number;
  if (typeof v === 'string' && CANONICAL_ISO.test(v)) {
    if (!dayExists(v)) return undefined;
    ms = Date.parse(v);
  } else if (typeof v === 'number' || (typeof v === 'string' && NUMERIC.test(v.trim()))) {
    const n = Number(v);
    ms = Math.abs(n) >= EPOCH_MS_FROM ? n : n * 1000;
  } else if (typeof v === 'string' && ISO.test(v.trim())) {
    const s = v.trim().replace(' ', 'T');
    if (!dayExists(s)) return undefined;
    // A date-time without an offset is read as UTC, not as the browser's local time.
    // ("t" counts as "T": `includes('T')` alone read a zone-less "2025-01-01t12:00" as local time.)
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(s) || !/T/i.test(s);
    ms = Date.parse(hasZone ? s : `${s}Z`);
  } else {
    return undefined;
  }
  return Number.isFinite(ms) && ms >= EARLIEST_MS && ms < LATEST_MS ? Math.round(ms) : undefined;
}

const timestamp = z.unknown().transform((v, ctx) => {
  if (isBlank(v)) return fail(ctx, 'is empty');
  return (
    parseTimestampMs(v) ?? fail(ctx, 'is not a timestamp (ISO-8601 or epoch seconds/milliseconds, 1970–2099)')
  );
});

export function parseNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && NUMERIC.test(v.trim())) {
    // "1e400" has the shape of a number but is Infinity in float64: not a time anyone spent.
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

const seconds = z.unknown().transform((v, ctx) => {
  if (isBlank(v)) return fail(ctx, 'is empty');
  const n = parseNumber(v);
  if (n === undefined) return fail(ctx, 'is not a number');
  return n < 0 ? fail(ctx, 'is negative') : n;
});

const probability = z.unknown().transform((v, ctx) => {
  if (isBlank(v)) return undefined;
  const n = parseNumber(v);
  if (n === undefined) return fail(ctx, 'is not a number');
  return n < 0 || n > 1 ? fail(ctx, 'is not a probability between 0 and 1') : n;
});

// The simulator's truth is advisory: a bad value is dropped, never a reason to lose the task.
const lenientProbability = z.unknown().transform((v) => {
  const n = isBlank(v) ? undefined : parseNumber(v);
  return n !== undefined && n >= 0 && n <= 1 ? n : undefined;
});

/** One schema per import column (docs/contract.md §1). */
export const FIELD_SCHEMAS = {
  user_id: text,
  topic: text,
  difficulty,
  completed_at: timestamp,
  is_correct: boolean,
  actual_time_seconds: seconds,
  completed: optionalBoolean,
  predicted_correct: probability,
  true_p: lenientProbability,
} as const;
export type FieldSchemas = typeof FIELD_SCHEMAS;
export type ParsedRow = { [K in keyof FieldSchemas]: z.output<FieldSchemas[K]> };

const inUnitRange = (v: unknown): number | undefined => {
  const n = parseNumber(v);
  return n !== undefined && n >= 0 && n <= 1 ? n : undefined;
};

/**
 * For columns whose values rarely repeat (so memoising zod does not help): the normalised value when the
 * raw value is plainly valid, or undefined to let the zod schema decide and give the reason. Each is the
 * schema's own success path, so both give identical results; a million timestamps through zod cost seconds.
 */
export const FAST_PATHS: Partial<Record<keyof FieldSchemas, (raw: unknown) => unknown>> = {
  completed_at: parseTimestampMs,
  actual_time_seconds: (v) => {
    const n = parseNumber(v);
    return n !== undefined && n >= 0 ? n : undefined;
  },
  predicted_correct: inUnitRange,
  true_p: inUnitRange,
};
