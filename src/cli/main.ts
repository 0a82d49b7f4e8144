/**
 * The `retrain-lab` command line over src/core: dispatches to a command and returns its exit code.
 * Uses core only (no worker, store or UI); Node I/O is passed in so commands stay testable.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CliIo } from './cli-io';
import { inspectCommand } from './inspect-command';

const USAGE = `usage: retrain-lab <command> [options]

commands:
  inspect FILE [--json]            validate and summarise a task export
  compare FILE [--strategies id,…] [--recipe JSON]… [--recipe-file PATH]… [--seed N] [--seed-faithful]
               [--epochs N] [--out report.json] [--models DIR]
                                   train and compare the retraining strategies and your own recipes
                                   (retrain-lab compare --help for every option)
`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'inspect':
        return await inspectCommand(rest, io, async (path) => new Uint8Array(await readFile(path)));
      case 'compare': {
        // Loaded on demand: tfjs takes a moment to import and `inspect` does not need it.
        const { compareCommand } = await import('./compare-command');
        return await compareCommand(
          rest,
          io,
          (path) => readFile(path, 'utf8'),
          async (path, data) => {
            await mkdir(dirname(path), { recursive: true });
            await writeFile(path, data);
          },
        );
      }
      case undefined:
      case '-h':
      case '--help':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.stderr(`unknown command "${command}"\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    // A bug must still end in one line, not a stack trace; RETRAIN_LAB_DEBUG shows the trace.
    io.stderr(`retrain-lab ${command}: ${(error as Error).message}\n`);
    if (process.env.RETRAIN_LAB_DEBUG) io.stderr(`${(error as Error).stack}\n`);
    return 1;
  }
}
