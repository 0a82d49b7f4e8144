import { execFile } from 'node:child_process';
import { mkdtemp, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readInputFile } from './cli-io';
import { inspectCommand } from './inspect-command';
import { main } from './main';

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
    expect(json.users[0]).toMatchObject({ userId: 'bulk@example.com', tasks: 846, share: 846 / 917 });
  });

  it('carries the correct rates the text output shows, overall and per user', async () => {
    const text = capture();
    await inspectCommand(['fixtures/seed-shaped.csv'], text.io, readBytes);
    const json = capture();
    await inspectCommand(['fixtures/seed-shaped.csv', '--json'], json.io, readBytes);
    const parsed = JSON.parse(json.out.join('')) as {
      correctRate: number;
      users: { userId: string; correctRate: number }[];
    };
    const printed = text.out.join('');
    expect(printed).toContain(`correct overall ${(parsed.correctRate * 100).toFixed(1)}%`);
    for (const u of parsed.users) {
      expect(u.correctRate).toBeGreaterThan(0);
      expect(printed).toMatch(
        new RegExp(`${u.userId.replace('.', '\\.')}.*${(u.correctRate * 100).toFixed(1)}%`),
      );
    }
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
    [[], 'retrain-lab inspect: missing FILE'],
    [['a.csv', '--bogus'], 'retrain-lab inspect: unknown option --bogus'],
    [['a.csv', 'b.csv'], 'retrain-lab inspect: unexpected argument "b.csv"'],
    [['a.csv', '--json=1'], 'retrain-lab inspect: --json takes no value'],
  ])('exits 2 with one line for %j', async (argv, line) => {
    const { io, out, err } = capture();
    expect(await inspectCommand(argv, io, readBytes)).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('')).toContain(line);
    expect(err.join('').trimEnd().split('\n')).toHaveLength(1);
  });
});

/** A task row whose user_id is a JSON value nested `depth` deep (arrays or objects). */
function deepRow(depth: number, kind: 'array' | 'object'): string {
  const value =
    kind === 'array'
      ? `${'['.repeat(depth)}"x"${']'.repeat(depth)}`
      : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return `{"user_id":${value},"topic":"t","difficulty":"easy","completed_at":"2025-01-01T00:00:00Z","is_correct":true,"actual_time_seconds":3}`;
}
const goodRow = (day: number) =>
  `{"user_id":"u","topic":"t","difficulty":"easy","completed_at":"2025-01-0${day}T00:00:00Z","is_correct":true,"actual_time_seconds":3}`;

describe('refusals are one line with exit 2, whatever the file holds', () => {
  it.each(['array', 'object'] as const)(
    'a user_id nested 100,000 deep (%s) is a skipped row quoted in 200 characters, not a stack overflow',
    async (kind) => {
      const dir = await mkdtemp(join(tmpdir(), 'retrain-lab-deep-'));
      const mixed = join(dir, 'mixed.json');
      await writeFile(mixed, `[${deepRow(100_000, kind)},${goodRow(2)},${goodRow(3)}]`);
      const ok = capture();
      expect(await main(['inspect', mixed, '--json'], ok.io)).toBe(0);
      const json = JSON.parse(ok.out.join('')) as {
        rows: number;
        problems: { row: number; value: string }[];
      };
      expect(json.rows).toBe(2);
      expect(json.problems[0]).toMatchObject({ row: 1, column: 'user_id', reason: 'is not text' });
      expect(json.problems[0]?.value.length).toBe(201);

      const only = join(dir, 'only.json');
      await writeFile(only, `[${deepRow(100_000, kind)}]`);
      const refused = capture();
      expect(await main(['inspect', only], refused.io)).toBe(2);
      expect(refused.err.join('')).toBe(
        `${only} has no valid row: all 1 rows were skipped (first: row 1, user_id is not text).\n`,
      );
    },
  );

  it('a file over the size limit is refused by its size, unread, in the lab’s words (not "binary")', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'retrain-lab-big-'));
    const big = join(dir, 'big.csv');
    await writeFile(big, '');
    await truncate(big, 601_000_000); // sparse: no disk used
    for (const command of ['inspect', 'compare']) {
      const { io, out, err } = capture();
      expect(await main([command, big], io)).toBe(2);
      expect(out).toEqual([]);
      expect(err.join('')).toBe(
        `${big} is 601 MB; the lab reads up to 250 MB — split the export (by date or by users) or sample it, then import a part.\n`,
      );
    }
    await expect(readInputFile(big)).rejects.toThrow(/is 601 MB/);
  });

  it('a binary file is refused as binary by compare too (bytes, not text decoding)', async () => {
    const { io, err } = capture();
    expect(await main(['compare', 'fixtures/bad/png-image.csv'], io)).toBe(2);
    expect(err.join('')).toBe('fixtures/bad/png-image.csv looks like a binary file, not CSV or JSON text.\n');
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

  it('trains on a lane thread from a fresh process: the thread starts (no strategy handed back)', async () => {
    const args = ['compare', 'fixtures/seed-shaped.csv', '--strategies', 'full-retrain,balanced-sampling'];
    const { stderr } = await run('node', [
      'bin/retrain-lab.mjs',
      ...args.concat(['--epochs', '1', '--backend', 'wasm', '--threads', '2']),
    ]);
    expect(stderr).toContain('training 3. Balanced sampling');
    expect(stderr).not.toMatch(/could not train/);
  }, 60_000);
});
