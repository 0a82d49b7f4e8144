/**
 * A CliIo that keeps what a command printed, for the CLI's tests: `out` (stdout) and `err` (stderr) as
 * one text each. Test-only.
 */
import type { CliIo } from './cli-io';

export function captureIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
  };
  return io;
}
