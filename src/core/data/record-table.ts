/**
 * The shape every reader (CSV, JSON, NDJSON) hands to validation: a header and a one-pass stream of raw
 * records, plus how raw values are clipped when quoted back in a row problem.
 */
import type { RowProblem } from './task';

/**
 * A well-shaped CSV row given as positions instead of strings: field i is `text.slice(starts[i], ends[i])`.
 * The arrays are reused for the next row, so a visitor reads them and keeps none.
 */
export type SpanVisitor = (text: string, starts: Int32Array, ends: Int32Array, row: number) => void;

export interface RecordTable {
  format: 'csv' | 'json' | 'ndjson';
  header: string[];
  /**
   * Streams the records once, raw values in header order with their 1-based data row number; records
   * that cannot even be read (wrong field count, broken NDJSON line) go to `onProblem`. Returns rows read.
   * Streaming keeps a million-row CSV from living in memory twice (raw arrays and tasks). A reader that
   * can (quote-free CSV) hands well-shaped rows to `visitSpans` instead of `visit`, when one is given.
   */
  forEachRecord(
    visit: (record: unknown[], row: number) => void,
    onProblem: (problem: RowProblem) => void,
    visitSpans?: SpanVisitor,
  ): number;
}

export type ReadResult = { kind: 'ok'; table: RecordTable } | { kind: 'refused'; reason: string };

const MAX_VALUE_CHARS = 200;

/**
 * A raw value as a row problem quotes it: text as is, anything else as JSON — written without recursion
 * and only as far as is shown, so a value nested 100,000 deep costs 200 characters, not the stack.
 */
export const clip = (v: unknown): string => {
  const s = typeof v === 'string' ? v : v === undefined ? '' : previewJson(v, MAX_VALUE_CHARS + 1);
  return s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS)}…` : s;
};

type Frame = { items: [string | undefined, unknown][]; at: number; close: string };

/** JSON.stringify's text of `value`, cut after `limit` characters; iterative (an explicit stack). */
export function previewJson(value: unknown, limit: number): string {
  let out = '';
  const stack: Frame[] = [];
  const open = (v: unknown): void => {
    if (v === null || typeof v !== 'object') {
      out += scalarJson(v);
      return;
    }
    if (Array.isArray(v)) {
      out += '[';
      stack.push({ items: v.slice(0, limit).map((x) => [undefined, x]), at: 0, close: ']' });
    } else {
      out += '{';
      const keys = Object.keys(v).slice(0, limit);
      stack.push({
        items: keys.map((k) => [k, (v as Record<string, unknown>)[k]]),
        at: 0,
        close: '}',
      });
    }
  };
  open(value);
  while (stack.length > 0 && out.length < limit) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.at >= frame.items.length) {
      out += frame.close;
      stack.pop();
      continue;
    }
    const [key, item] = frame.items[frame.at] as [string | undefined, unknown];
    if (frame.at > 0) out += ',';
    frame.at += 1;
    if (key !== undefined) out += `${JSON.stringify(key)}:`;
    open(item);
  }
  return out.slice(0, limit);
}

function scalarJson(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
  if (typeof v === 'bigint') return v.toString();
  return 'null';
}
