import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sweepSchema } from '../core/sweep/sweep-schema';
import type { SweepDocument } from '../core/sweep/sweep-document';
import { parseSweepArgs, sweepCommand, sweepPlanOf } from './sweep-command';
import { captureIo } from './capture-io.test-helper';

const FIXTURE = fileURLToPath(new URL('../../fixtures/seed-shaped.csv', import.meta.url));

const noFiles = async (path: string): Promise<string> => {
  throw new Error(`ENOENT: ${path}`);
};

describe('sweep arguments', () => {
  it('reads one or two parameters, defaults to 5 repeats, and plans a preset with the overrides', async () => {
    const a = parseSweepArgs([
      'd.csv',
      '--strategy',
      'balanced-sampling',
      '--param',
      'capPerUser',
      '--values',
      '25,100',
    ]);
    expect([a.repeats, a.seed, a.axes]).toEqual([5, 42, [{ name: 'capPerUser', text: '25,100' }]]);
    const plan = await sweepPlanOf({ ...a, epochs: 3 }, noFiles);
    expect(plan.points.map((p) => [p.recipe.capPerUser, p.recipe.training.epochs])).toEqual([
      [25, 3],
      [100, 3],
    ]);
    const two = parseSweepArgs([
      ...['d.csv', '--strategy', 'weighted-loss', '--param', 'weightExponent', '--values', '0,1'],
      ...['--param2', 'userL2', '--values2', '0,0.01'],
    ]);
    expect((await sweepPlanOf(two, noFiles)).points).toHaveLength(4);
  });

  it('sweeps an own recipe given with --recipe', async () => {
    const a = parseSweepArgs([
      ...['d.csv', '--strategy', 'soft', '--param', 'minTasks', '--values', '5,20'],
      ...['--recipe', '{"id":"soft","from":"per-user","weightExponent":0.5}'],
    ]);
    const plan = await sweepPlanOf(a, noFiles);
    expect(plan.base).toMatchObject({ id: 'soft', label: 'soft' });
    expect(plan.points.map((p) => [p.recipe.weightExponent, p.recipe.perUser])).toEqual([
      [0.5, expect.objectContaining({ kind: 'fine-tune', minTasks: 5 })],
      [0.5, expect.objectContaining({ kind: 'fine-tune', minTasks: 20 })],
    ]);
  });

  it('refuses with one line and exit 2, before reading the data', async () => {
    const refused = async (argv: string[]) => {
      const io = captureIo();
      const code = await sweepCommand(argv, io, noFiles);
      expect(io.err.trim().split('\n')).toHaveLength(io.err.includes('usage:') ? 2 : 1);
      return [code, io.err];
    };
    expect(await refused(['d.csv', '--param', 'epochs', '--values', '1'])).toEqual([
      2,
      expect.stringContaining('missing --strategy id'),
    ]);
    expect(await refused(['d.csv', '--strategy', 'x', '--param', 'epochs', '--values', '1'])).toEqual([
      2,
      expect.stringContaining('unknown strategy "x"'),
    ]);
    expect(
      await refused(['d.csv', '--strategy', 'progressive', '--param', 'capPerUser', '--values', '5,zero']),
    ).toEqual([2, 'capPerUser: "zero" is not a number\n']);
    expect(
      await refused([
        'd.csv',
        '--strategy',
        'progressive',
        '--param',
        'epochs',
        '--values',
        '1',
        '--param2',
        'userL2',
      ]),
    ).toEqual([2, expect.stringContaining('--param2 and --values2 go together')]);
  });

  it('prints the parameters with --help', async () => {
    const io = captureIo();
    expect(await sweepCommand(['--help'], io, noFiles)).toBe(0);
    expect(io.out).toContain('finetuneRateRatio');
    expect(io.out).toContain('--values a,b,…');
  });
});

describe('sweep on the sample', () => {
  it('prints one row per value and the headline, and writes a valid sweep document', async () => {
    const io = captureIo();
    const written = new Map<string, string>();
    const code = await sweepCommand(
      [
        ...[FIXTURE, '--strategy', 'balanced-sampling', '--param', 'capPerUser', '--values', '50,150'],
        ...['--repeats', '2', '--epochs', '2', '--threads', '1', '--out', 'sweep.json'],
      ],
      io,
      (path) => readFile(path),
      async (path, data) => void written.set(path, String(data)),
    );
    expect(code).toBe(0);
    const doc = JSON.parse(written.get('sweep.json') as string) as SweepDocument;
    expect(sweepSchema.safeParse(doc).success).toBe(true);
    expect(doc.points.map((p) => p.values.capPerUser)).toEqual([50, 150]);
    expect(doc.reference).toBe('point-2');
    expect(doc.seeds).toEqual([42, 43]);
    const lines = io.out.split('\n');
    expect(lines.some((l) => /^50\s+\d\.\d{3} \[/.test(l))).toBe(true);
    expect(lines.some((l) => /^150\s+.*reference/.test(l))).toBe(true);
    expect(io.out).toContain(doc.best?.headline as string);
    expect(io.err).toContain('2 values × 2 seeds of 3. Balanced sampling');
  }, 120_000);
});
