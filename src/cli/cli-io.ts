/**
 * The output sinks a CLI command writes to, so commands are testable without a process, and the Node
 * file reader both commands use (it refuses a file over the lab's size limit before reading it).
 * Commands return their exit code; only bin/retrain-lab.mjs touches process.
 */
import { readFile, stat } from 'node:fs/promises';
import { importSizeRefusal } from '../core/data/import-limits';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** A file refused before it is read: its message is the whole line. */
export class FileRefusedError extends Error {
  override name = 'FileRefusedError';
}

/** Reads a task export's bytes; a file over the import limit is refused by its size, unread. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  const { size } = await stat(path);
  const tooLarge = importSizeRefusal(path, size);
  if (tooLarge) throw new FileRefusedError(tooLarge);
  return new Uint8Array(await readFile(path));
}

/** One line saying why a file could not be read, in words rather than errno codes. */
export function readFailure(file: string, error: unknown): string {
  if (error instanceof FileRefusedError) return `${error.message}\n`;
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'it is a directory'
        : code === 'EACCES'
          ? 'permission denied'
          : (error as Error).message.split('\n')[0];
  return `${file} could not be read: ${why}.\n`;
}
