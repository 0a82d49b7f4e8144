import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { inspectCommand } from './inspect-command';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) }, out, err };
}
const readBytes = async (path: string) => new Uint8Array(await readFile(path));

describe('inspectCommand', () => {
  it('prints the JSON summary of docs/contract.md §3 with exit 0', async () => {
    const { io, out, err } = capture();
    expect(await inspectCommand(['fixtures/seed-shaped.csv', '--json'], io, readBytes)).toBe(0);
    expect(err).toEqual([]);
    const json = JSON.parse(out.join(''));
    expect(json).toMatchObject({ rows: 917, skippedRows: 0, problems: [] });
    expect(json.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(json.users[0]).toEqual({ userId: 'bulk@example.com', tasks: 846, share: 846 / 917 });
  });

  it('lists skipped rows as problems', async () => {
    const { io, out } = capture();
    expect(await inspectCommand(['fixtures/bad/bad-timestamp.csv', '--json'], io, readBytes)).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(json.skippedRows).toBe(1);
    expect(json.problems[0]).toMatchObject({ column: 'completed_at' });
  });

  it('prints a readable table without --json', async () => {
    const { io, out } = capture();
    expect(await inspectCommand(['fixtures/seed-shaped.csv'], io, readBytes)).toBe(0);
    expect(out.join('')).toMatch(/bulk@example\.com\s+846\s+92\.3%/);
  });

  it.each([
    [
      ['fixtures/bad/missing-topic-difficulty.csv'],
      'fixtures/bad/missing-topic-difficulty.csv is missing the required columns topic, difficulty',
    ],
    [['no/such/file.csv'], 'no/such/file.csv could not be read: no such file.'],
    [[], 'usage: retrain-lab inspect FILE [--json]'],
    [['a.csv', '--bogus'], "Unknown option '--bogus'"],
  ])('exits 2 with one line for %j', async (argv, line) => {
    const { io, out, err } = capture();
    expect(await inspectCommand(argv, io, readBytes)).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('')).toContain(line);
    expect(err.join('')).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('the retrain-lab bin', () => {
  const run = promisify(execFile);
  it('runs inspect from a fresh process and exits 2 on a refused file', async () => {
    const ok = await run('node', ['bin/retrain-lab.mjs', 'inspect', 'fixtures/seed-shaped.json', '--json']);
    expect(JSON.parse(ok.stdout).rows).toBe(917);
    const refused = await run('node', ['bin/retrain-lab.mjs', 'inspect', 'fixtures/bad/empty.csv']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused).toMatchObject({ code: 2, stderr: 'fixtures/bad/empty.csv is empty.\n' });
  });
});
