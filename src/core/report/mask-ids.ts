/**
 * "Mask user IDs": masked copies of the report, the dataset summary and the import problems, with every
 * user id replaced by "User A", "User B", … (in the order given: the dataset's, largest share first).
 * By identity, never by splitting text into words: fields that hold an id are mapped through the id →
 * label table, phases by their structure ("fine-tune:Alice Smith"), free text by finding whole ids in it
 * (id-matcher.ts). Pure; the originals are never changed. An unknown id gets a stable fallback, never itself.
 * Exported names are stable: other parts (predictions CSV, bundles) call them.
 */
import type { DatasetSummary } from '../data/summarize-dataset';
import type { ImportReport, RowProblem } from '../data/task';
import { USER_REF, userRef } from '../data/user-ref';
import { matchersOf, type UserLabels } from './id-matcher';
import type { Report, ReportStrategy } from './report-types';

export type { UserLabels };
export { userRef };

/** What a free-text e-mail address no label knows (or any value with '@' in an id column) becomes. */
export const MASKED = '(masked)';

/** 0 → "A", 25 → "Z", 26 → "AA", 27 → "AB", … (bijective base 26, as spreadsheet columns). */
export function letterCode(index: number): string {
  let n = index + 1;
  let code = '';
  while (n > 0) {
    n -= 1;
    code = String.fromCharCode(65 + (n % 26)) + code;
    n = Math.floor(n / 26);
  }
  return code;
}

/** "User A", "User B", … in the given order; a repeated id keeps its first label. */
export function userLabels(userIds: readonly string[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const id of userIds) if (!labels.has(id)) labels.set(id, `User ${letterCode(labels.size)}`);
  return labels;
}

/** FNV-1a, 32 bits: a short stable tag for ids outside the labels (one-way, never the id itself). */
function tag(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0').slice(0, 6);
}

/** The id's label; an unknown id gets "Unlisted user <tag>", stable across calls and renders. */
export function labelFor(labels: UserLabels, userId: string): string {
  return labels.get(userId) ?? `Unlisted user ${tag(userId)}`;
}

/** E-mail-shaped tokens: masked in free text even when no label knows them. */
const EMAIL = /[^\s@<>()[\]{},;:"'`]+@[^\s@<>()[\]{},;:"'`]+/g;

/**
 * Free text people wrote (a file name, a column name, a skipped value): a whole-text id becomes its
 * label, and so does every whole occurrence of an id inside it (not inside a longer word); any other
 * e-mail-shaped token becomes "(masked)". Marked references (userRef) are resolved too.
 */
export function maskText(text: string, labels: UserLabels): string {
  const whole = labels.get(text);
  if (whole !== undefined) return whole;
  const refs = text.replace(USER_REF, (_, id: string) => labelFor(labels, id));
  return matchersOf(labels)
    .all.replace(refs, (id) => labelFor(labels, id))
    .replace(EMAIL, MASKED);
}

/**
 * A message the lab wrote (a training error, a row problem's reason): ids it names are marked
 * (userRef) and become labels; as a safety net, other whole ids and e-mail addresses are
 * masked too. Ids made only of digits (and number punctuation) are left to the marks: "epoch 3" must not read "epoch User C".
 */
export function maskMessage(text: string, labels: UserLabels): string {
  const whole = labels.get(text);
  if (whole !== undefined) return whole;
  const refs = text.replace(USER_REF, (_, id: string) => labelFor(labels, id));
  return matchersOf(labels)
    .nonNumeric.replace(refs, (id) => labelFor(labels, id))
    .replace(EMAIL, MASKED);
}

/**
 * A training phase: a lab name, optionally followed by ":" or " " and the user it concerns
 * ("fine-tune:Alice Smith", "user a,b"). The user part is mapped by identity; anything else is free text.
 */
export function maskPhase(phase: string, labels: UserLabels): string {
  const cut = [phase.indexOf(':'), phase.indexOf(' ')].filter((i) => i > 0);
  if (cut.length > 0) {
    const at = Math.min(...cut);
    const id = phase.slice(at + 1);
    if (labels.has(id)) return `${phase.slice(0, at + 1)}${labelFor(labels, id)}`;
  }
  return maskText(phase, labels);
}

/** An object keyed by user id (e.g. a bundle's routes), its keys mapped to labels. */
export function maskKeys<T>(record: Readonly<Record<string, T>>, labels: UserLabels): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([id, v]) => [labelFor(labels, id), v]));
}

/** Fields holding a user id. */
const ID_KEYS = new Set(['userId']);
/** Fields holding text people wrote (file names, column headers, an own recipe's name). */
const TEXT_KEYS = new Set(['fileName', 'label']);
/** Fields holding the lab's own sentences, which name users only by userRef. */
const MESSAGE_KEYS = new Set(['error', 'reason', 'reasons', 'message', 'headline']);

/**
 * Masks any JSON-like value the lab produces, by its fields: `userId` → label; `phase` → maskPhase;
 * `users` → each id (a list of ids, e.g. a vocabulary) or each key (a record keyed by id, e.g. routes);
 * `options` → string values as free text; file names as free text; messages as the lab's messages.
 * Everything else is copied as is. Walking by field name covers fields added later (per-seed runs,
 * per-user tables) without another edit here; a new kind of id-bearing field needs one line above.
 */
export function maskFields<T>(value: T, labels: UserLabels): T {
  return walk(value, undefined, labels) as T;
}

function walk(value: unknown, key: string | undefined, labels: UserLabels): unknown {
  if (typeof value === 'string') {
    if (key === undefined) return value;
    if (ID_KEYS.has(key)) return labelFor(labels, value);
    if (key === 'phase') return maskPhase(value, labels);
    if (key === 'users') return labelFor(labels, value);
    if (key === 'options' || TEXT_KEYS.has(key)) return maskText(value, labels);
    if (MESSAGE_KEYS.has(key)) return maskMessage(value, labels);
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    // Long numeric series (grids, curves, histograms) hold nothing to mask.
    if (typeof value[0] === 'number') return value.slice();
    // A list of strings takes its field's rule (ids, reasons); objects in a list go by their own fields.
    return value.map((item) => walk(item, typeof item === 'string' ? key : undefined, labels));
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (key === 'users')
    return Object.fromEntries(entries.map(([id, v]) => [labelFor(labels, id), walk(v, undefined, labels)]));
  return Object.fromEntries(entries.map(([k, v]) => [k, walk(v, key === 'options' ? 'options' : k, labels)]));
}

/** One strategy entry of the report, masked (an own recipe's label is free text a person typed). */
export function maskStrategy(entry: ReportStrategy, labels: UserLabels): ReportStrategy {
  return maskFields(entry, labels);
}

/** The whole report, masked: still a valid docs/contract.md §2 document (same shape, same numbers). */
export function maskReport(report: Report, labels: UserLabels): Report {
  return maskFields(report, labels);
}

export function maskSummary(summary: DatasetSummary, labels: UserLabels): DatasetSummary {
  return maskFields(summary, labels);
}

/** The user column's canonical name in import problems (see core/data/column-aliases). */
const USER_COLUMN = 'user_id';

/**
 * A skipped row's problem, masked conservatively: a value in the user column, a value equal to a known
 * id, and any value with '@' are all replaced; ids inside another value or inside the reason are masked.
 */
export function maskProblem(problem: RowProblem, labels: UserLabels): RowProblem {
  const known = labels.get(problem.value);
  const value =
    known ??
    (problem.column === USER_COLUMN && problem.value !== ''
      ? MASKED
      : problem.value.includes('@')
        ? MASKED
        : maskText(problem.value, labels));
  return { ...problem, value, reason: maskMessage(problem.reason, labels) };
}

export function maskProblems(problems: readonly RowProblem[], labels: UserLabels): RowProblem[] {
  return problems.map((p) => maskProblem(p, labels));
}

/**
 * The import report, masked: its problems, file name and the names of its columns. Its warnings are the
 * lab's sentences of counts and row numbers, never ids, and stay as they are.
 */
export function maskImportReport(report: ImportReport, labels: UserLabels): ImportReport {
  return {
    ...report,
    fileName: maskText(report.fileName, labels),
    problems: maskProblems(report.problems, labels),
    ignoredColumns: report.ignoredColumns.map((c) => maskText(c, labels)),
    columnMap: Object.fromEntries(
      Object.entries(report.columnMap).map(([field, header]) => [field, maskText(header, labels)]),
    ),
  };
}
