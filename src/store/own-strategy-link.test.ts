import { describe, expect, it } from 'vitest';
import { presetFields, type OwnStrategy } from './own-strategies';
import { CATALOG } from './settings-slice';
import { decodeSettings, defaultLinkSettings, encodeSettings, mergeSearch } from './url-settings';

const own = (
  id: string,
  label: string,
  from: OwnStrategy['from'],
  change: object,
  enabled = true,
): OwnStrategy => ({
  id,
  label,
  from,
  enabled,
  fields: { ...presetFields(from), ...change },
});

const link = (list: OwnStrategy[]) => encodeSettings({ ...defaultLinkSettings(CATALOG), own: list }, CATALOG);
const decode = (search: string) => decodeSettings(new URLSearchParams(search), CATALOG);

describe('own strategies in a link', () => {
  it('writes a declaration and only the fields that differ from the preset, and reads them back', () => {
    const list = [
      own('my-1', 'Half weights: cap 100', 'weighted-loss', { weightExponent: 0.5, capPerUser: 100 }),
      own('my-2', 'Tuned per user', 'per-user', { minTasks: 5, userLearningRate: 0.001 }, false),
      own('my-3', 'Wide, pretrained', 'architecture-fixes', {
        schedule: 'pretrain-then-finetune',
        userEmbeddingDim: 32,
      }),
    ];
    const params = link(list);
    expect([...params.entries()]).toEqual([
      ['off', 'my-2'],
      ['own.my-1', 'weighted-loss:Half weights: cap 100'],
      ['my-1.capPerUser', '100'],
      ['my-1.weightExponent', '0.5'],
      ['own.my-2', 'per-user:Tuned per user'],
      ['my-2.minTasks', '5'],
      ['my-2.userLearningRate', '0.001'],
      ['own.my-3', 'architecture-fixes:Wide, pretrained'],
      ['my-3.schedule', 'pretrain-then-finetune'],
      ['my-3.userEmbeddingDim', '32'],
    ]);
    // As the address bar shows it: short and readable.
    expect(mergeSearch('', params)).toBe(
      '?off=my-2&own.my-1=weighted-loss:Half%20weights:%20cap%20100&my-1.capPerUser=100&my-1.weightExponent=0.5' +
        '&own.my-2=per-user:Tuned%20per%20user&my-2.minTasks=5&my-2.userLearningRate=0.001' +
        '&own.my-3=architecture-fixes:Wide,%20pretrained&my-3.schedule=pretrain-then-finetune&my-3.userEmbeddingDim=32',
    );
    const back = decode(mergeSearch('', params));
    expect(back.problems).toEqual([]);
    expect(back.settings.own).toEqual(list);
    // The six are untouched by own keys.
    expect(back.settings.strategies).toEqual(defaultLinkSettings(CATALOG).strategies);
  });

  it('refuses what it cannot train, saying why, and keeps the rest of the link', () => {
    const { settings, problems } = decode(
      'seed=3&own.my-1=weighted-loss:Too%20strong&my-1.weightExponent=2' +
        '&own.my-2=weighted-loss:Monotone&my-2.monotoneResponse=on' +
        '&own.my-3=magic:Nope&own.weighted-loss=per-user:Shadow' +
        '&own.my-4=per-user:Fine&my-4.colour=red&my-4.minTasks=-1' +
        '&own.my-5=per-user:&full-retrain.epochs=5&off=my-9',
    );
    expect(settings.seed).toBe(3);
    expect(settings.strategies['full-retrain']?.options.epochs).toBe(5);
    expect(settings.own.map((o) => o.id)).toEqual(['my-1', 'my-2', 'my-4']);
    // my-1's bad exponent is left out (the preset's stays); my-2's monotone response is kept; my-4 keeps
    // its valid fields.
    expect(settings.own[0]?.fields.weightExponent).toBe(1);
    expect(settings.own[1]?.fields.monotoneResponse).toBe('on');
    expect(settings.own[2]?.fields.minTasks).toBe(20);
    expect(problems).toEqual([
      'Ignored link setting off=my-9: no strategy is named my-9.',
      'Ignored link setting own.my-3=magic:Nope: it must start with the strategy it came from, as in weighted-loss:My name.',
      'Ignored link setting own.weighted-loss=per-user:Shadow: id "weighted-loss" is one of the six strategies; choose another.',
      'Ignored link setting my-1.weightExponent=2: must be at most 1.',
      'Ignored link setting my-4.colour=red: a recipe has no field colour.',
      'Ignored link setting my-4.minTasks=-1: must be at least 1.',
      'Ignored your strategy my-5 from the link: the name must be 1–80 characters.',
    ]);
  });

  it('reads "none" for a cap and the choices of each field', () => {
    const { settings, problems } = decode(
      'own.my-1=balanced-sampling:No%20cap&my-1.capPerUser=none&my-1.architecture=v1&my-1.perUser=fine-tune&my-1.restoreBestWeights=0',
    );
    expect(problems).toEqual([]);
    expect(settings.own[0]?.fields).toMatchObject({
      capPerUser: 'none',
      architecture: 'v1',
      perUser: 'fine-tune',
      restoreBestWeights: false,
    });
    expect(decode('own.my-1=balanced-sampling:X&my-1.architecture=v3').problems).toEqual([
      'Ignored link setting my-1.architecture=v3: not one of v1, v2, base.',
    ]);
  });
});
