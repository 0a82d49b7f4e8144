/**
 * The `retrain-lab` command line over src/core: dispatches to a command and returns its exit code.
 * Uses core only (no worker, store or UI); Node I/O is passed in so commands stay testable. The top-level
 * help lists each command's usage from its declared option table (command-spec.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readInputFile, type CliIo } from './cli-io';
import { usageLine, type CommandSpec } from './command-spec';
import { INSPECT_SPEC, inspectCommand } from './inspect-command';

/** The commands' tables; compare's is loaded with the command (it pulls in tfjs and the registry). */
async function specs(): Promise<CommandSpec[]> {
  const { COMPARE_SPEC } = await import('./compare-command');
  const { SWEEP_SPEC } = await import('./sweep-command');
  return [INSPECT_SPEC, COMPARE_SPEC, SWEEP_SPEC];
}

async function usage(): Promise<string> {
  const lines = ['usage: retrain-lab <command> [options]', '', 'commands:'];
  for (const spec of await specs()) lines.push(`  ${usageLine(spec)}`, `      ${spec.summary}`);
  lines.push('', 'retrain-lab <command> --help lists every option of a command (and the strategy ids).');
  return `${lines.join('\n')}\n`;
}

/** Writes a file, making its folder first. */
async function writeTo(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'inspect':
        return await inspectCommand(rest, io, readInputFile);
      case 'compare': {
        // Loaded on demand: tfjs takes a moment to import and `inspect` does not need it.
        const { compareCommand } = await import('./compare-command');
        return await compareCommand(rest, io, readInputFile, writeTo);
      }
      case 'sweep': {
        const { sweepCommand } = await import('./sweep-command');
        return await sweepCommand(rest, io, readInputFile, writeTo);
      }
      case undefined:
      case '-h':
      case '--help':
        io.stdout(await usage());
        return command === undefined ? 2 : 0;
      default:
        io.stderr(
          `retrain-lab: unknown command "${command}" (inspect, compare or sweep; retrain-lab --help)\n`,
        );
        return 2;
    }
  } catch (error) {
    // A fault must still end in one line, not a stack trace; RETRAIN_LAB_DEBUG shows the trace.
    io.stderr(`retrain-lab ${command}: ${(error as Error).message.split('\n')[0]}\n`);
    if (process.env.RETRAIN_LAB_DEBUG) io.stderr(`${(error as Error).stack}\n`);
    return command === 'inspect' ? 2 : 1;
  }
}
