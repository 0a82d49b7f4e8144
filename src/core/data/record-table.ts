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
export const clip = (v: unknown): string => {
  const s = typeof v === 'string' ? v : v === undefined ? '' : (JSON.stringify(v) ?? String(v));
  return s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS)}…` : s;
};
