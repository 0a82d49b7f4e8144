/**
 * Text → a header and raw records, whatever the format: CSV (papaparse, `,` `;` or tab), a JSON array
 * (bare or under tasks/data/rows) or NDJSON. Structural faults of single records become row problems;
 * faults of the whole file become one refusal sentence (the caller adds the file name).
 */
import Papa from 'papaparse';
import { mapColumns } from './column-aliases';
import type { RowProblem } from './task';

export interface RecordTable {
  format: 'csv' | 'json' | 'ndjson';
  header: string[];
  /**
   * Streams the records once, raw values in header order with their 1-based data row number; records
   * that cannot even be read (wrong field count, broken NDJSON line) go to `onProblem`. Returns rows read.
   * Streaming keeps a million-row CSV from living in memory twice (raw arrays and tasks).
   */
  forEachRecord(
    visit: (record: unknown[], row: number) => void,
    onProblem: (problem: RowProblem) => void,
  ): number;
}

export type ReadResult = { kind: 'ok'; table: RecordTable } | { kind: 'refused'; reason: string };

const MAX_VALUE_CHARS = 200;
export const clip = (v: unknown): string => {
  const s = typeof v === 'string' ? v : v === undefined ? '' : (JSON.stringify(v) ?? String(v));
  return s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS)}…` : s;
};

export function readRecords(text: string): ReadResult {
  const trimmed = text.trimStart();
  if (trimmed === '') return { kind: 'refused', reason: 'is empty' };
  if (text.includes('\u0000'))
    return { kind: 'refused', reason: 'looks like a binary file, not CSV or JSON text' };
  const first = trimmed[0];
  if (first === '[' || first === '{') return readJson(trimmed);
  if (first === '<')
    return { kind: 'refused', reason: 'is neither CSV nor JSON (it looks like XML or HTML)' };
  return readCsv(text);
}

const CSV_CHUNK_CHARS = 1 << 20;

const DELIMITERS = [',', ';', '\t'];

/**
 * The delimiter and header: papaparse's guess (the most consistent field count over the first rows),
 * unless another delimiter splits the header into more known columns. The guess alone can be fooled:
 * a `;` file whose quoted values hold commas, plus its final line break, once read as one column.
 */
function readHeader(text: string): { delimiter: string; header: string[] | undefined } {
  const head = Papa.parse<string[]>(text, { preview: 1, delimitersToGuess: DELIMITERS });
  let best = { delimiter: head.meta.delimiter, header: head.data[0] };
  const guessed = mapColumns(best.header ?? []);
  if (guessed.missing.length === 0) return best;
  let bestKnown = guessed.indexOf.size;
  for (const delimiter of DELIMITERS) {
    if (delimiter === best.delimiter) continue;
    const header = Papa.parse<string[]>(text, { preview: 1, delimiter }).data[0];
    const known = mapColumns(header ?? []).indexOf.size;
    if (known > bestKnown) {
      best = { delimiter, header };
      bestKnown = known;
    }
  }
  return best;
}

function readCsv(text: string): ReadResult {
  const { delimiter, header } = readHeader(text);
  if (!header || header.length < 2) {
    return {
      kind: 'refused',
      reason: 'is neither CSV nor JSON: no `,` `;` or tab delimiter separates its columns',
    };
  }
  const forEachRecord: RecordTable['forEachRecord'] = (visit, onProblem) => {
    let row = -1; // the header is row 0
    // With a string input papaparse streams chunk by chunk synchronously, so rows are counted on return.
    Papa.parse<string[]>(text, {
      delimiter,
      skipEmptyLines: true,
      chunkSize: CSV_CHUNK_CHARS,
      complete: () => undefined,
      chunk: ({ data }: Papa.ParseResult<string[]>) => {
        for (const fields of data) {
          // Whitespace-only lines are blank, not records (cheaper than papaparse's 'greedy' test on every line).
          if (fields.length === 1 && (fields[0] ?? '').trim() === '') continue;
          row++;
          if (row === 0) continue;
          const extra =
            fields.length > header.length && fields.slice(header.length).some((f: string) => f.trim() !== '');
          // Trailing empty fields (a trailing delimiter) are harmless; missing or extra values mean a shifted row.
          if (fields.length < header.length || extra) {
            onProblem({
              row,
              column: '(row)',
              reason: `has ${fields.length} fields, the header has ${header.length}`,
              value: clip(fields.join(delimiter)),
            });
          } else {
            visit(fields, row);
          }
        }
      },
    });
    return Math.max(row, 0);
  };
  return { kind: 'ok', table: { format: 'csv', header, forEachRecord } };
}

function readJson(text: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const ndjson = readNdjson(text);
    if (ndjson) return ndjson;
    return { kind: 'refused', reason: `is not valid JSON (${(error as Error).message})` };
  }
  const rows = Array.isArray(value) ? value : arrayUnderKnownKey(value);
  if (!rows && isOneLineTask(text, value)) {
    return { kind: 'ok', table: tableFromObjects('ndjson', [{ row: 1, value }]) };
  }
  if (!rows) {
    return {
      kind: 'refused',
      reason:
        'is JSON but holds no array of tasks (expected an array, or one under "tasks", "data" or "rows")',
    };
  }
  return {
    kind: 'ok',
    table: tableFromObjects(
      'json',
      rows.map((r, i) => ({ row: i + 1, value: r })),
    ),
  };
}

function arrayUnderKnownKey(value: unknown): unknown[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const key of ['tasks', 'data', 'rows']) {
    if (Object.prototype.hasOwnProperty.call(value, key)) {
      const inner = (value as Record<string, unknown>)[key];
      if (Array.isArray(inner)) return inner;
    }
  }
  return undefined;
}

/** NDJSON of a single task is one line holding one object: valid JSON, but a task, not a container. */
function isOneLineTask(text: string, value: unknown): boolean {
  if (typeof value !== 'object' || value === null || /[\r\n]/.test(text.trim())) return false;
  return mapColumns(Object.keys(value)).indexOf.size > 0;
}

function readNdjson(text: string): ReadResult | undefined {
  const lines = text.split(/\r?\n/);
  const entries: Entry[] = [];
  const problems: RowProblem[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      entries.push({ row: i + 1, value: JSON.parse(line) });
    } catch {
      problems.push({ row: i + 1, column: '(row)', reason: 'is not valid JSON', value: clip(line) });
    }
  });
  // NDJSON only if most lines are objects of their own; otherwise it is broken JSON.
  if (entries.length === 0 || entries.length < problems.length || typeof entries[0]?.value !== 'object')
    return undefined;
  return { kind: 'ok', table: tableFromObjects('ndjson', entries, problems) };
}

interface Entry {
  row: number;
  value: unknown;
}

function tableFromObjects(
  format: 'json' | 'ndjson',
  entries: Entry[],
  lineProblems: RowProblem[] = [],
): RecordTable {
  const header: string[] = [];
  const seen = new Set<string>();
  for (const { value } of entries) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    for (const key of Object.keys(value)) {
      if (!seen.has(key)) {
        seen.add(key);
        header.push(key);
      }
    }
  }
  const forEachRecord: RecordTable['forEachRecord'] = (visit, onProblem) => {
    const pending = [...lineProblems];
    for (const { row, value } of entries) {
      while (pending.length > 0 && (pending[0]?.row ?? 0) < row) onProblem(pending.shift() as RowProblem);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        onProblem({ row, column: '(row)', reason: 'is not an object', value: clip(value) });
        continue;
      }
      const object = value as Record<string, unknown>;
      visit(
        header.map((key) => (Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined)),
        row,
      );
    }
    pending.forEach(onProblem);
    return entries.length + lineProblems.length;
  };
  return { format, header, forEachRecord };
}
