/**
 * "Mask user IDs": masked copies of the report, the dataset summary and the import problems, with every
 * user id replaced by "User A", "User B", … (in the order given: the dataset's, largest share first).
 * Pure; the originals are never changed. An id the labels do not know gets a stable fallback, never itself.
 */
import type { DatasetSummary } from '../data/summarize-dataset';
import type { ImportReport, RowProblem } from '../data/task';
import type { Report, ReportScores, ReportStrategy } from './report-types';

export type UserLabels = ReadonlyMap<string, string>;

/** What a masked free-text token that looks like an e-mail address (or any value with '@') becomes. */
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

/**
 * Free text (a file name, an error message, a skipped value): a whole-text id becomes its label, and
 * so does each id-shaped token; any remaining token with '@' becomes "(masked)". Linear in the text.
 */
export function maskText(text: string, labels: UserLabels): string {
  const whole = labels.get(text);
  if (whole !== undefined) return whole;
  return text.replace(/[^\s,;:()"'<>[\]{}]+/g, (token) => {
    const label = labels.get(token);
    if (label !== undefined) return label;
    return token.includes('@') ? MASKED : token;
  });
}

const maskOptions = (options: Record<string, unknown>, labels: UserLabels): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(options).map(([k, v]) => [k, typeof v === 'string' ? maskText(v, labels) : v]),
  );

function maskScores<S extends ReportScores>(s: S, labels: UserLabels): S {
  const id = (userId: string) => labelFor(labels, userId);
  return {
    ...s,
    testPerUser: s.testPerUser.map((u) => ({ ...u, userId: id(u.userId) })),
    groundTruth: s.groundTruth && {
      ...s.groundTruth,
      perUser: s.groundTruth.perUser.map((u) => ({ ...u, userId: id(u.userId) })),
    },
  };
}

/** One strategy entry of the report, masked (an own recipe's label is free text a person typed). */
export function maskStrategy(entry: ReportStrategy, labels: UserLabels): ReportStrategy {
  if (entry.status === 'failed') {
    return {
      ...entry,
      label: maskText(entry.label, labels),
      options: maskOptions(entry.options, labels),
      error: maskText(entry.error, labels),
    };
  }
  const id = (userId: string) => labelFor(labels, userId);
  return {
    ...maskScores(entry, labels),
    label: maskText(entry.label, labels),
    options: maskOptions(entry.options, labels),
    trainingInfluence: entry.trainingInfluence.map((r) => ({
      ...r,
      userId: id(r.userId),
      phase: maskText(r.phase, labels),
    })),
    perUser: entry.perUser.map((u) => ({ ...u, userId: id(u.userId) })),
    generalisation: {
      ...entry.generalisation,
      grid: entry.generalisation.grid.map((g) => ({ ...g, userId: id(g.userId) })),
    },
    responseProbes: entry.responseProbes.map((p) => ({ ...p, userId: id(p.userId) })),
    responseViolations: entry.responseViolations.map((v) => ({ ...v, userId: id(v.userId) })),
    phases: entry.phases.map((p) => ({
      ...p,
      phase: maskText(p.phase, labels),
      ...(p.userId === undefined ? {} : { userId: id(p.userId) }),
    })),
  };
}

/** The whole report, masked: still a valid docs/contract.md §2 document (same shape, same numbers). */
export function maskReport(report: Report, labels: UserLabels): Report {
  const id = (userId: string) => labelFor(labels, userId);
  return {
    ...report,
    dataset: {
      ...report.dataset,
      fileName: maskText(report.dataset.fileName, labels),
      users: report.dataset.users.map((u) => ({ ...u, userId: id(u.userId) })),
    },
    split: { ...report.split, perUser: report.split.perUser.map((u) => ({ ...u, userId: id(u.userId) })) },
    baseline: maskScores(report.baseline, labels),
    recorded: report.recorded && maskScores(report.recorded, labels),
    strategies: report.strategies.map((e) => maskStrategy(e, labels)),
  };
}

export function maskSummary(summary: DatasetSummary, labels: UserLabels): DatasetSummary {
  return {
    ...summary,
    fileName: maskText(summary.fileName, labels),
    users: summary.users.map((u) => ({ ...u, userId: labelFor(labels, u.userId) })),
  };
}

/** The user column's canonical name in import problems (see core/data/column-aliases). */
const USER_COLUMN = 'user_id';

/**
 * A skipped row's problem, masked conservatively: a value in the user column, a value equal to a known
 * id, and any value with '@' are all replaced; ids and addresses inside the reason are masked too.
 */
export function maskProblem(problem: RowProblem, labels: UserLabels): RowProblem {
  const known = labels.get(problem.value);
  const value =
    known ??
    (problem.column === USER_COLUMN && problem.value !== ''
      ? MASKED
      : problem.value.includes('@')
        ? MASKED
        : problem.value);
  return { ...problem, value, reason: maskText(problem.reason, labels) };
}

export function maskProblems(problems: readonly RowProblem[], labels: UserLabels): RowProblem[] {
  return problems.map((p) => maskProblem(p, labels));
}

/** The import report, masked: its problems, file name and the names of the columns it ignored. */
export function maskImportReport(report: ImportReport, labels: UserLabels): ImportReport {
  return {
    ...report,
    fileName: maskText(report.fileName, labels),
    problems: maskProblems(report.problems, labels),
    ignoredColumns: report.ignoredColumns.map((c) => maskText(c, labels)),
  };
}
