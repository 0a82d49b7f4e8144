/**
 * What an import keeps but should not keep quietly: task durations beyond the lab's cap (a tab left
 * open for a week, 1e308 typed by a script) are clipped to the cap, and rows repeating an earlier row's
 * user, time and topic (an export that doubled rows) are counted. Each becomes one warning in the summary.
 */
import type { Task } from './task';

/** Longest time one practice task is taken to last: 6 hours. Longer durations are clipped to it. */
export const MAX_TASK_SECONDS = 6 * 3600;

/** Rows a warning names as examples (the count covers them all). */
const EXAMPLE_ROWS = 5;

export interface ImportWarning {
  kind: 'long-durations' | 'duplicate-rows';
  /** How many rows it concerns. */
  count: number;
  /** The first rows concerned (1-based data rows, as in row problems). */
  rows: number[];
  /** One or two sentences for the summary. */
  message: string;
}

const UNITS: [number, string][] = [
  [365.25 * 86400, 'years'],
  [86400, 'days'],
  [3600, 'hours'],
];

/** "3.2 years", "9 days", "7.5 hours" — the scale of an implausible duration, in words. */
export function durationWords(seconds: number): string {
  const [size, unit] = UNITS.find(([s]) => seconds >= s) ?? [1, 'seconds'];
  const n = seconds / size;
  if (n >= 1e6) return `${n.toExponential(1)} ${unit}`;
  return `${n >= 10 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1)} ${unit}`;
}

const rowsText = (rows: readonly number[], count: number): string =>
  `row${count === 1 ? '' : 's'} ${rows.join(', ')}${count > rows.length ? ', …' : ''}`;

/**
 * Clips durations above MAX_TASK_SECONDS in place and returns the warnings for `tasks` (chronological,
 * as the importer sorts them). Linear in the rows.
 */
export function checkImportedTasks(tasks: Task[]): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  let long = 0;
  let longest = 0;
  let longestRow = 0;
  const longRows: number[] = [];
  for (const t of tasks) {
    if (t.actualTimeSeconds <= MAX_TASK_SECONDS) continue;
    long++;
    if (longRows.length < EXAMPLE_ROWS) longRows.push(t.row ?? 0);
    if (t.actualTimeSeconds > longest) {
      longest = t.actualTimeSeconds;
      longestRow = t.row ?? 0;
    }
    t.actualTimeSeconds = MAX_TASK_SECONDS;
  }
  if (long > 0) {
    longRows.sort((a, b) => a - b);
    warnings.push({
      kind: 'long-durations',
      count: long,
      rows: longRows,
      message:
        `${long.toLocaleString('en-US')} task${long === 1 ? ' lasts' : 's last'} longer than 6 hours (longest ${durationWords(longest)}, row ${longestRow}; ${rowsText(longRows, long)}). ` +
        `Their times are clipped to 6 hours, the lab's cap for one task, so the time head learns from plausible durations; their answers are kept.`,
    });
  }
  const duplicates = duplicateRows(tasks);
  if (duplicates.count > 0) {
    const [row, original] = duplicates.first as [number, number];
    warnings.push({
      kind: 'duplicate-rows',
      count: duplicates.count,
      rows: duplicates.rows,
      message:
        `${duplicates.count.toLocaleString('en-US')} row${duplicates.count === 1 ? ' repeats' : 's repeat'} an earlier row's user, time and topic (first: row ${row} repeats row ${original}; ${rowsText(duplicates.rows, duplicates.count)}). ` +
        `They are kept as separate tasks; if the export doubled rows, remove the copies and import again.`,
    });
  }
  return warnings;
}

/** Rows whose user, completion time and topic equal an earlier row's; tasks are sorted by time. */
function duplicateRows(tasks: readonly Task[]): { count: number; rows: number[]; first?: [number, number] } {
  let count = 0;
  const rows: number[] = [];
  let first: [number, number] | undefined;
  let seen = new Map<string, number>();
  let at = Number.NaN;
  for (const t of tasks) {
    if (t.completedAtMs !== at) {
      at = t.completedAtMs;
      if (seen.size > 0) seen = new Map();
    }
    // NUL cannot occur in an imported text field (binary files are refused), so the key is unambiguous.
    const key = `${t.userId}\u0000${t.topic}`;
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, t.row ?? 0);
      continue;
    }
    count++;
    if (rows.length < EXAMPLE_ROWS) rows.push(t.row ?? 0);
    first ??= [t.row ?? 0, earlier];
  }
  return { count, rows, first };
}
