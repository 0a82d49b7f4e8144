/**
 * Import of a task export (docs/contract.md §1): bytes or text → a chronological Dataset plus an ImportReport
 * of every skipped row, or one plain sentence refusing the whole file. Pure: runs in Node and in workers.
 */
import { decodeText, stripBom } from './decode-text';
import { importSizeRefusal } from './import-limits';
import { checkImportedTasks } from './import-warnings';
import { mapColumns } from './column-aliases';
import { readRecords } from './read-records';
import { compareTasks } from './compare-tasks';
import { validateRecords } from './validate-records';
import type { Dataset, RowProblem } from './task';

export type ImportResult = { kind: 'ok'; dataset: Dataset } | { kind: 'refused'; message: string };

/** Problems kept in detail; the rest are only counted. */
export const MAX_DETAILED_PROBLEMS = 1000;

const refuse = (fileName: string, reason: string): ImportResult => ({
  kind: 'refused',
  message: `${fileName} ${reason.replace(/\.$/, '')}.`,
});

export function importTasksFromBytes(bytes: Uint8Array, fileName: string): ImportResult {
  if (bytes.length === 0) return refuse(fileName, 'is empty');
  const tooLarge = importSizeRefusal(fileName, bytes.length);
  if (tooLarge) return { kind: 'refused', message: tooLarge };
  const decoded = decodeText(bytes);
  if (decoded.kind === 'binary') return refuse(fileName, 'looks like a binary file, not CSV or JSON text');
  return importTasksFromText(decoded.text, fileName);
}

export function importTasksFromText(text: string, fileName: string): ImportResult {
  const read = readRecords(stripBom(text));
  if (read.kind === 'refused') return refuse(fileName, read.reason);
  const { table } = read;
  const mapping = mapColumns(table.header);
  if (mapping.missing.length > 0) {
    const plural = mapping.missing.length > 1 ? 's' : '';
    return refuse(
      fileName,
      `is missing the required column${plural} ${mapping.missing.join(', ')} (its columns: ${listColumns(table.header)})`,
    );
  }
  const { tasks, problems, notCompletedRows, rowsRead } = validateRecords(table, mapping);
  if (tasks.length === 0) return refuse(fileName, noValidRowReason(rowsRead, problems, notCompletedRows));
  problems.sort((a, b) => a.row - b.row);
  tasks.sort(compareTasks);
  const warnings = checkImportedTasks(tasks);
  const columnMap: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [column, source] of mapping.sourceName) columnMap[column] = source;
  return {
    kind: 'ok',
    dataset: {
      tasks,
      report: {
        fileName,
        format: table.format,
        rowsRead,
        notCompletedRows,
        skippedRows: problems.length,
        problems: problems.slice(0, MAX_DETAILED_PROBLEMS),
        ignoredColumns: mapping.ignored,
        columnMap,
        ...(warnings.length > 0 ? { warnings } : {}),
      },
    },
  };
}

/** Enough of a header to recognise the file: a line of half a million delimiters must not become the message. */
const LISTED_COLUMNS = 12;
const LISTED_CHARS = 40;

function listColumns(header: readonly string[]): string {
  if (header.length === 0) return 'none';
  const listed = header
    .slice(0, LISTED_COLUMNS)
    .map((h) => (h.length > LISTED_CHARS ? `${h.slice(0, LISTED_CHARS)}…` : h))
    .join(', ');
  const more = header.length - LISTED_COLUMNS;
  return more > 0 ? `${listed} and ${more} more` : listed;
}

function noValidRowReason(rowsRead: number, problems: RowProblem[], notCompleted: number): string {
  if (rowsRead === 0) return 'has no valid row: it holds a header but no data';
  const first = problems[0];
  if (!first) return `has no valid row: all ${notCompleted} rows have completed = false`;
  return `has no valid row: all ${rowsRead} rows were skipped (first: row ${first.row}, ${first.column} ${first.reason})`;
}
