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
