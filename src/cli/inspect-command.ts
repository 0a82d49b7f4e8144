/**
 * `retrain-lab inspect FILE [--json]`: validate and summarise a task export (docs/contract.md §3).
 * Exit 0 with the summary; exit 2 with one line on a refused file or bad arguments — never a stack trace.
 */
import { importTasksFromBytes } from '../core/data/import-tasks';
import { summarizeDataset, type DatasetSummary } from '../core/data/summarize-dataset';
import type { ImportWarning, RowProblem } from '../core/data/task';
import { readFailure, type CliIo } from './cli-io';
import { commandHelp, parseCommand, usageRefusal, UsageError, type CommandSpec } from './command-spec';

export const INSPECT_SPEC: CommandSpec = {
  name: 'inspect',
  args: 'FILE',
  summary: 'validate and summarise a task export (CSV, JSON or NDJSON; docs/contract.md §1)',
  details:
    'Prints tasks, users by share with their correct rates, topics by difficulty, skipped rows (row, column,\n' +
    'reason) and warnings. Exit 0; exit 2 with one line when the file or the arguments are refused.',
  options: {
    json: {
      type: 'boolean',
      help: "print one JSON object (the report's dataset block, correct rates, problems and warnings)",
    },
  },
};

export async function inspectCommand(
  argv: string[],
  io: CliIo,
  readBytes: (path: string) => Promise<Uint8Array>,
): Promise<number> {
  let file: string;
  let json: boolean;
  try {
    const parsed = parseCommand(INSPECT_SPEC, argv);
    if (parsed.kind === 'help') {
      io.stdout(commandHelp(INSPECT_SPEC));
      return 0;
    }
    const [first, ...rest] = parsed.positionals;
    if (!first) throw new UsageError('missing FILE');
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
    file = first;
    json = parsed.values.json === true;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(usageRefusal(INSPECT_SPEC, error.message));
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(file);
  } catch (error) {
    io.stderr(readFailure(file, error));
    return 2;
  }
  const result = importTasksFromBytes(bytes, file);
  if (result.kind === 'refused') {
    io.stderr(`${result.message}\n`);
    return 2;
  }
  const summary = await summarizeDataset(result.dataset);
  const { problems, warnings = [] } = result.dataset.report;
  io.stdout(
    json
      ? `${JSON.stringify(inspectJson(summary, problems, warnings), null, 2)}\n`
      : formatSummary(summary, problems, warnings),
  );
  return 0;
}

/** The `--json` object: the report's `dataset` block plus the skipped rows. */
export function inspectJson(
  summary: DatasetSummary,
  problems: RowProblem[],
  warnings: readonly ImportWarning[] = [],
) {
  return {
    rows: summary.rows,
    skippedRows: summary.skippedRows,
    fingerprint: summary.fingerprint,
    correctRate: summary.correctRate,
    users: summary.users.map(({ userId, tasks, share, correctRate }) => ({
      userId,
      tasks,
      share,
      correctRate,
    })),
    problems,
    warnings,
    notCompletedRows: summary.notCompletedRows,
    firstTaskAt: summary.firstTaskAt,
    lastTaskAt: summary.lastTaskAt,
    topics: summary.topics,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function formatSummary(
  s: DatasetSummary,
  problems: RowProblem[],
  warnings: readonly ImportWarning[],
): string {
  const lines = [
    `${s.fileName}: ${s.rows} tasks, ${s.users.length} users, ${s.topics.length} topics`,
    `skipped rows: ${s.skippedRows}${s.notCompletedRows ? `; left out as not completed: ${s.notCompletedRows}` : ''}`,
    `from ${s.firstTaskAt} to ${s.lastTaskAt}; correct overall ${pct(s.correctRate)}`,
    `fingerprint: ${s.fingerprint}`,
    '',
    'user                                   tasks   share  correct',
    ...s.users
      .slice(0, 20)
      .map(
        (u) =>
          `${u.userId.slice(0, 36).padEnd(36)} ${String(u.tasks).padStart(8)} ${pct(u.share).padStart(7)} ${pct(u.correctRate).padStart(8)}`,
      ),
  ];
  if (s.users.length > 20) lines.push(`… and ${s.users.length - 20} more users`);
  lines.push('', 'topic                                 easy  medium    hard');
  for (const t of s.topics.slice(0, 20)) {
    lines.push(
      `${t.topic.slice(0, 34).padEnd(34)} ${[t.counts.easy, t.counts.medium, t.counts.hard].map((n) => String(n).padStart(7)).join(' ')}`,
    );
  }
  if (warnings.length > 0) {
    lines.push('', 'warnings:');
    for (const w of warnings) lines.push(`  ${w.message}`);
  }
  if (problems.length > 0) {
    lines.push('', 'first problems:');
    for (const p of problems.slice(0, 10))
      lines.push(`  row ${p.row}, ${p.column} ${p.reason}: ${JSON.stringify(p.value)}`);
  }
  return `${lines.join('\n')}\n`;
}
