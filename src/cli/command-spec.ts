/**
 * Each command declares its options once, in a table; `--help` text and argument parsing are both made
 * from that table, so an option added to a command is listed by its help without another edit. Every
 * refusal of the arguments is one line (UsageError), never Node's multi-line parseArgs message.
 */
import { parseArgs } from 'node:util';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** What the value looks like in the help, e.g. "N" or "id,…" (string options only). */
  value?: string;
  /** One line saying what the option does (and its default). */
  help: string;
  /** May be given more than once (string options): the values come as a list. */
  multiple?: boolean;
}

export interface CommandSpec {
  /** "inspect", "compare", … */
  name: string;
  /** Positional arguments as the usage line shows them, e.g. "FILE". */
  args: string;
  /** One line: what the command does (the top-level help shows it). */
  summary: string;
  /** More lines for the command's own help (exit codes, formats). */
  details?: string;
  options: Readonly<Record<string, OptionSpec>>;
  /** Lines after the options, e.g. the strategy ids; a function so it can read a registry. */
  more?: () => string[];
}

/** A refusal of the command line: printed as one line, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const HELP_OPTION: OptionSpec = { type: 'boolean', help: 'print this help and exit' };

const optionsOf = (spec: CommandSpec): Record<string, OptionSpec> => ({
  ...spec.options,
  help: HELP_OPTION,
});

const FLAG_COLUMN = 20;

const flag = (name: string, o: OptionSpec) =>
  o.type === 'string' ? `--${name} ${o.value ?? 'VALUE'}` : `--${name}`;

/** The full help of a command: usage line, summary, every declared option with its meaning, extras. */
export function commandHelp(spec: CommandSpec): string {
  const entries = Object.entries(optionsOf(spec));
  const flags = entries.map(([name, o]) => flag(name, o));
  // Flags longer than this get their meaning on the next line, so the column stays readable.
  const width = Math.min(FLAG_COLUMN, Math.max(...flags.map((f) => f.length)));
  const lines = [
    `usage: retrain-lab ${spec.name} ${spec.args} [options]`,
    '',
    spec.summary,
    ...(spec.details ? [spec.details] : []),
    '',
    'options:',
    ...entries.map(([, o], i) => {
      const f = flags[i] as string;
      return f.length > width
        ? `  ${f}\n  ${''.padEnd(width)}  ${o.help}`
        : `  ${f.padEnd(width)}  ${o.help}`;
    }),
  ];
  const more = spec.more?.() ?? [];
  if (more.length > 0) lines.push('', ...more);
  return `${lines.join('\n')}\n`;
}

/** The one-line usage of a command, for the top-level help. */
export function usageLine(spec: CommandSpec): string {
  return `retrain-lab ${spec.name} ${spec.args} [options]`;
}

export type Parsed =
  | { kind: 'help' }
  | { kind: 'args'; values: Record<string, string | string[] | boolean | undefined>; positionals: string[] };

const NODE_REASONS: Record<string, string> = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: 'unknown option',
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: 'unexpected argument',
};

/** `--help` or `-h` before any `--` (after it, they are file names). */
export function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  const flags = end < 0 ? argv : argv.slice(0, end);
  return flags.includes('--help') || flags.includes('-h');
}

/**
 * Parse `argv` against the command's table. `--help`/`-h` anywhere wins (so `compare --help --bogus`
 * still helps); anything else wrong throws a UsageError naming the argument, in one line.
 */
export function parseCommand(spec: CommandSpec, argv: readonly string[]): Parsed {
  if (asksForHelp(argv)) return { kind: 'help' };
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [name, { type: o.type, multiple: o.multiple === true }]),
  );
  try {
    const { values, positionals } = parseArgs({
      args: joinNegativeValues(spec, argv),
      allowPositionals: true,
      options,
    });
    return {
      kind: 'args',
      values: values as Record<string, string | string[] | boolean | undefined>,
      positionals,
    };
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    const named = /'(-{1,2}[^'\s]*)/.exec((error as Error).message)?.[1];
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && named)
      throw new UsageError(
        spec.options[named.replace(/^-+/, '')]?.type === 'boolean'
          ? `${named} takes no value`
          : `${named} needs a value`,
      );
    const reason = NODE_REASONS[code];
    if (reason && named) throw new UsageError(`${reason} ${named}`);
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
}

/**
 * `--epochs -5` as `--epochs=-5`: parseArgs takes "-5" for an option and would say a value is missing,
 * where the person gave one that the command's own check should refuse by name.
 */
function joinNegativeValues(spec: CommandSpec, argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name && spec.options[name]?.type === 'string' && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${arg}=${next}`);
      i += 1;
    } else out.push(arg);
  }
  return out;
}

/** "retrain-lab compare: unknown option --bogus (retrain-lab compare --help lists the options)". */
export function usageRefusal(spec: CommandSpec, reason: string): string {
  return `retrain-lab ${spec.name}: ${reason} (retrain-lab ${spec.name} --help lists the options)\n`;
}

/**
 * A command's arguments by its parser, or the exit code when there is nothing to run: 0 after printing
 * the help for --help, 2 after printing a one-line refusal. Errors other than UsageError propagate.
 */
export function argsOrExit<T>(
  spec: CommandSpec,
  argv: string[],
  parse: (argv: string[]) => T,
  io: { stdout(text: string): void; stderr(text: string): void },
): T | 0 | 2 {
  if (asksForHelp(argv)) {
    io.stdout(commandHelp(spec));
    return 0;
  }
  try {
    return parse(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(usageRefusal(spec, error.message));
    return 2;
  }
}
