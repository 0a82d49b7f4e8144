// `retrain-lab compare`'s arguments: defaults, --help, own recipes, the options refused and why, and a file
// that cannot be read. What a run prints and writes is in compare-command.test.ts.
import { describe, expect, it } from 'vitest';
import { CATALOGUE, presetRecipe } from '../core/strategies/catalogue';
import { compareCommand, parseCompareArgs, selectStrategies, type CompareArgs } from './compare-command';
import { captureIo } from './capture-io.test-helper';

const args = (argv: string[]) => parseCompareArgs(argv) as CompareArgs;

describe('compare arguments', () => {
  it('defaults to every strategy of the catalogue, seed 42, cpu', () => {
    const a = args(['data.csv']);
    expect(selectStrategies(a, []).map((s) => s.id)).toEqual(CATALOGUE.map((p) => p.id));
    expect([a.seed, a.backend, a.validation, a.epochs]).toEqual([42, 'cpu', 'per-user-tail', undefined]);
    expect(a.seedFaithful).toBe(false);
    expect(args(['data.csv', '--design-note']).seedFaithful).toBe(true);
    // Its former name still works.
    expect(args(['data.csv', '--seed-faithful']).seedFaithful).toBe(true);
  });

  it('prints its options with --help', async () => {
    const io = captureIo();
    expect(await compareCommand(['--help'], io, async () => '')).toBe(0);
    expect(io.out).toContain('--recipe JSON');
    expect(io.out).toContain('--recipe-file PATH');
    expect(io.err).toBe('');
  });

  it('takes own recipes from --recipe and --recipe-file (one or an array), applying --epochs and --batch-size', async () => {
    const files: Record<string, string> = {
      'one.json': '{"id":"wide","from":"architecture-fixes","training":{"userEmbeddingDim":32}}',
      'two.json':
        '[{"id":"tuned","from":"per-user","perUser":{"minTasks":5}},{"id":"soft","from":"weighted-loss","weightExponent":0.5}]',
    };
    const a = args([
      'data.csv',
      '--recipe',
      '{"id":"cap50","label":"Cap 50","from":"balanced-sampling","capPerUser":50}',
      '--recipe-file',
      'one.json',
      '--recipe-file',
      'two.json',
      '--strategies',
      'weighted-loss,cap50,tuned,wide',
      '--epochs',
      '3',
      '--batch-size',
      '64',
    ]);
    const { loadOwnRecipes } = await import('./own-recipes');
    const own = await loadOwnRecipes(a.recipes, a.recipeFiles, async (p) => files[p] as string);
    expect(own.map((r) => r.id)).toEqual(['cap50', 'wide', 'tuned', 'soft']);
    const chosen = selectStrategies(a, own);
    expect(chosen.map((s) => s.id)).toEqual(['weighted-loss', 'cap50', 'wide', 'tuned']);
    expect(chosen[1]).toEqual({
      id: 'cap50',
      label: 'Cap 50',
      recipe: {
        ...presetRecipe('balanced-sampling'),
        capPerUser: 50,
        training: { ...presetRecipe('balanced-sampling').training, epochs: 3, batchSize: 64 },
      },
    });
    expect(chosen[3] && 'recipe' in chosen[3] && chosen[3].recipe.perUser).toMatchObject({
      kind: 'fine-tune',
      minTasks: 5,
      epochs: 3,
    });
  });

  it.each([
    [['--recipe', '{"id":"x",'], /^--recipe: not valid JSON \(/],
    [
      ['--recipe', '{"id":"x","from":"weighted-loss","weightExponent":3}'],
      /^--recipe: recipe "x": weightExponent must be from 0 to 1$/,
    ],
    [
      ['--recipe', '{"id":"per-user","from":"weighted-loss"}'],
      /is one of the six strategies; choose another$/,
    ],
    [
      ['--recipe', '{"id":"a","from":"weighted-loss"}', '--recipe', '{"id":"a","from":"per-user"}'],
      /recipe "a" is declared twice/,
    ],
    [['--recipe-file', 'missing.json'], /^missing\.json could not be read: no such file\.$/],
    [
      ['--recipe', '{"id":"a","from":"weighted-loss"}', '--strategies', 'b'],
      /^unknown strategy "b" \(known: .*, a\)$/,
    ],
    [
      ['--recipe', '{"id":"a","from":"weighted-loss","monotoneResponse":"always"}'],
      /^--recipe: recipe "a": monotoneResponse must be one of off, on, on-with-counts$/,
    ],
  ])('refuses a bad recipe with one line and exit 2: %j', async (extra, message) => {
    const io = captureIo();
    const enoent = Object.assign(new Error('nope'), { code: 'ENOENT' });
    const code = await compareCommand(['data.csv', ...extra], io, (path) =>
      path === 'data.csv' ? Promise.resolve('') : Promise.reject(enoent),
    );
    expect(code).toBe(2);
    expect(io.err.trim().split('\n')).toHaveLength(1);
    expect(io.err.trim()).toMatch(message);
  });

  it('turns the monotone response on for every strategy with --monotone-response (--monotone-counts implies it)', () => {
    const plain = parseCompareArgs(['data.csv']);
    expect([plain.monotoneResponse, plain.monotoneCounts]).toEqual([false, false]);
    const on = parseCompareArgs(['data.csv', '--monotone-response']);
    expect([on.monotoneResponse, on.monotoneCounts]).toEqual([true, false]);
    const counts = parseCompareArgs(['data.csv', '--monotone-counts']);
    expect([counts.monotoneResponse, counts.monotoneCounts]).toEqual([true, true]);
  });

  it.each([
    [['data.csv', '--strategies', 'full-retrain,nope'], 'unknown strategy "nope"'],
    [
      ['data.csv', '--epochs', '5000', '--recipe', '{"id":"a","from":"weighted-loss"}'],
      'recipe "a": training.epochs must be a whole number from 1 to 1000',
    ],
    [['data.csv', '--seed', 'x'], '--seed must be an integer'],
    [['data.csv', '--epochs', '0'], '--epochs must be an integer ≥ 1'],
    [['data.csv', '--backend', 'webgl'], '--backend must be cpu or wasm'],
    [[], 'missing FILE'],
    [['a.csv', 'b.csv'], 'unexpected argument "b.csv"'],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const io = captureIo();
    expect(await compareCommand(argv, io, async () => '')).toBe(2);
    expect(io.err.split('\n')[0]).toContain(message);
    expect(io.out).toBe('');
  });

  it('exits 2 with the importer’s sentence for a refused file, and for a missing one', async () => {
    const io = captureIo();
    expect(await compareCommand(['empty.csv'], io, async () => 'user_id,topic\n')).toBe(2);
    expect(io.err.trim().split('\n')).toHaveLength(1);
    const missing = captureIo();
    const enoent = Object.assign(new Error('nope'), { code: 'ENOENT' });
    expect(await compareCommand(['gone.csv'], missing, () => Promise.reject(enoent))).toBe(2);
    expect(missing.err).toBe('gone.csv could not be read: no such file.\n');
  });
});
