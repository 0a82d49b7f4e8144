import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../core/strategies/catalogue';
import { COMPARE_SPEC, compareCommand } from './compare-command';
import { commandHelp, parseCommand, UsageError, type CommandSpec } from './command-spec';
import { INSPECT_SPEC, inspectCommand } from './inspect-command';
import { main } from './main';
import { captureIo } from './capture-io.test-helper';

describe('help made from each command’s option table', () => {
  it.each([INSPECT_SPEC, COMPARE_SPEC])(
    '$name --help lists every declared option with its meaning',
    (spec) => {
      const help = commandHelp(spec);
      for (const [name, option] of Object.entries(spec.options)) {
        expect(help).toContain(`--${name}`);
        expect(help).toContain(option.help);
      }
      expect(help).toContain('--help');
    },
  );

  it('compare --help lists every strategy id', () => {
    const help = commandHelp(COMPARE_SPEC);
    for (const s of CATALOGUE)
      expect(help).toMatch(new RegExp(`^  ${s.id}\\s+${s.label.replace(/[.()]/g, '\\$&')}$`, 'm'));
  });

  it('an option added to a table appears in the help and parses, with no other edit', () => {
    const spec: CommandSpec = {
      ...COMPARE_SPEC,
      options: {
        ...COMPARE_SPEC.options,
        'hold-out': { type: 'string', value: 'SHARE', help: 'share of each user held out' },
      },
    };
    expect(commandHelp(spec)).toMatch(/--hold-out SHARE\s+share of each user held out/);
    expect(parseCommand(spec, ['f.csv', '--hold-out', '0.3'])).toMatchObject({
      values: { 'hold-out': '0.3' },
    });
    expect(() => parseCommand(COMPARE_SPEC, ['f.csv', '--hold-out', '0.3'])).toThrow(UsageError);
  });

  it.each([
    [['inspect', '--help'], 'usage: retrain-lab inspect FILE'],
    [['inspect', 'x.csv', '-h'], 'usage: retrain-lab inspect FILE'],
    [['compare', '--help'], 'usage: retrain-lab compare FILE'],
    [['compare', '--help', '--bogus'], '--batch-size N'],
    [['--help'], 'retrain-lab compare FILE [options]'],
  ])('%j prints help on stdout and exits 0', async (argv, text) => {
    const io = captureIo();
    expect(await main(argv, io)).toBe(0);
    expect(io.out).toContain(text);
    expect(io.err).toBe('');
  });

  it.each([
    [['inspect', 'a.csv', '--bogus'], 'retrain-lab inspect: unknown option --bogus'],
    [['compare', 'a.csv', '--bogus'], 'retrain-lab compare: unknown option --bogus'],
    [['compare', 'a.csv', '--seed'], 'retrain-lab compare: --seed needs a value'],
    [['compare', 'a.csv', '--seed', '1.5'], '--seed must be an integer ≥ 0, got "1.5"'],
    [['compare', 'a.csv', '--batch-size', '0'], '--batch-size must be an integer ≥ 1, got "0"'],
    [['compare', 'a.csv', '--epochs', '-5'], '--epochs must be an integer ≥ 1, got "-5"'],
    [['nope'], 'retrain-lab: unknown command "nope"'],
  ])('%j refuses in one line on stderr with exit 2, never Node’s parseArgs text', async (argv, line) => {
    const io = captureIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.err).toContain(line);
    expect(io.err.trimEnd().split('\n')).toHaveLength(1);
    expect(io.err).not.toMatch(/Unknown option|To specify a positional/);
    expect(io.out).toBe('');
  });

  it('the commands answer --help themselves too', async () => {
    const a = captureIo();
    expect(await inspectCommand(['--help'], a, async () => new Uint8Array())).toBe(0);
    expect(a.out).toBe(commandHelp(INSPECT_SPEC));
    const b = captureIo();
    expect(await compareCommand(['-h'], b, async () => '')).toBe(0);
    expect(b.out).toBe(commandHelp(COMPARE_SPEC));
  });
});
