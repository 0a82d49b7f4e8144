/**
 * The output sinks a CLI command writes to, so commands are testable without a process.
 * Commands return their exit code; only bin/retrain-lab.mjs touches process.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** One line saying why a file could not be read, in words rather than errno codes. */
export function readFailure(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
  return `${file} could not be read: ${why}.\n`;
}
