/**
 * Text → a header and raw records, whatever the format: CSV (read-csv.ts: `,` `;` or tab), a JSON array
 * (bare or under tasks/data/rows) or NDJSON. Structural faults of single records become row problems;
 * faults of the whole file become one refusal sentence (the caller adds the file name).
 */
import { mapColumns } from './column-aliases';
import { readCsv } from './read-csv';
import { clip, type ReadResult, type RecordTable } from './record-table';
import type { RowProblem } from './task';

export type { ReadResult, RecordTable } from './record-table';

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
