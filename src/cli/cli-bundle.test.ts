// The bin's bundle of the CLI (bin/cli-bundle.mjs): built once per state of the sources and kept, built
// again when a source changes. The bin's own tests (inspect-command.test.ts) run commands and a lane
// thread from it in fresh processes.
import { existsSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliBundle } from '../../bin/cli-bundle.mjs';

describe('the CLI bundle', () => {
  it('is kept while the sources stand still and rebuilt when one changes', async () => {
    const dir = await cliBundle();
    expect(dir).not.toBeNull();
    for (const file of ['main.js', 'cli-io.js', 'lane-thread.js'])
      expect(existsSync(join(dir as string, file))).toBe(true);
    expect(await cliBundle()).toBe(dir);
    // A source changes: its modification time moves (put back after).
    const source = fileURLToPath(new URL('./inspect-command.ts', import.meta.url));
    const { atime, mtime } = statSync(source);
    try {
      utimesSync(source, atime, new Date(Date.now() + 60_000));
      const rebuilt = await cliBundle();
      expect(rebuilt).not.toBeNull();
      expect(rebuilt).not.toBe(dir);
      expect(existsSync(join(rebuilt as string, 'main.js'))).toBe(true);
    } finally {
      utimesSync(source, atime, mtime);
    }
    expect(await cliBundle()).toBe(dir);
  }, 60_000);
});
