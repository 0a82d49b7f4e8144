import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, type VerdictThresholds } from '../core/evaluation/verdicts';
import type { OptionValue } from '../worker/protocol';
import { optionRule, THRESHOLD_RULES, type Rule } from './setting-rules';
import { checkOwnStrategy, presetFields, type OwnStrategy } from './own-strategies';
import { CATALOG } from './settings-slice';
import {
  decodeGeneral,
  decodeSettings,
  defaultLinkSettings,
  encodeSettings,
  mergeSearch,
  sameDataset,
  shortFingerprint,
  type LinkSettings,
} from './url-settings';

// The real catalog (the rules must accept every real default).
const FP = 'sha256:3f9cab12de45' + '0'.repeat(52);

const decode = (search: string) => decodeSettings(new URLSearchParams(search), CATALOG);

function valueOf(rule: Rule): fc.Arbitrary<OptionValue> {
  if (rule.kind === 'boolean') return fc.boolean();
  if (rule.kind === 'text') return fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 20 }));
  const min = rule.min ?? -1e9;
  const max = rule.max ?? 1e9;
  if (rule.integer) return fc.integer({ min, max });
  return fc
    .double({ min, max, noNaN: true, noDefaultInfinity: true, minExcluded: rule.above === true })
    .map((v) => (v === 0 ? 0 : v));
}

/** A valid own strategy: a preset's fields with some ingredients changed, under any name. */
const ownArb: fc.Arbitrary<OwnStrategy> = fc
  .record({
    label: fc.string({ minLength: 1, maxLength: 30 }).filter((l) => l.trim() !== ''),
    from: fc.constantFrom(...CATALOG.map((m) => m.id as OwnStrategy['from'])),
    enabled: fc.boolean(),
    change: fc.record(
      {
        architecture: fc.constantFrom('v1', 'v2', 'base'),
        capPerUser: fc.oneof(fc.constant('none'), fc.integer({ min: 1, max: 1000 })),
        weightExponent: fc.double({ min: 0, max: 1, noNaN: true }).map((v) => (v === 0 ? 0 : v)),
        schedule: fc.constantFrom('single', 'pretrain-then-finetune'),
        perUser: fc.constantFrom('off', 'fine-tune'),
        epochs: fc.integer({ min: 1, max: 1000 }),
        learningRate: fc.double({ min: 1e-6, max: 1, noNaN: true }),
        userEmbeddingDim: fc.integer({ min: 1, max: 256 }),
      },
      { requiredKeys: [] },
    ),
  })
  .map(({ label, from, enabled, change }) => {
    const checked = checkOwnStrategy(
      { id: 'my-1', label, from, enabled, fields: { ...presetFields(from), ...change } },
      [],
    );
    return checked.ok ? checked.value : undefined;
  })
  .filter((o): o is OwnStrategy => o !== undefined);

const settingsArb: fc.Arbitrary<LinkSettings> = fc.record({
  seed: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map((v) => (v === 0 ? 0 : v)),
  backend: fc.constantFrom('auto', 'webgl', 'wasm', 'cpu'),
  workers: fc.constantFrom('auto', 1, 2, 3, 4),
  thresholds: fc.record(
    Object.fromEntries(
      (Object.keys(THRESHOLD_RULES) as (keyof VerdictThresholds)[]).map((k) => [
        k,
        fc.oneof(fc.constant(DEFAULT_THRESHOLDS[k]), valueOf(THRESHOLD_RULES[k])),
      ]),
    ) as Record<keyof VerdictThresholds, fc.Arbitrary<number>>,
  ),
  maskIds: fc.boolean(),
  strategies: fc.record(
    Object.fromEntries(
      CATALOG.map((m) => [
        m.id,
        fc.record({
          enabled: fc.boolean(),
          options: fc.record(
            Object.fromEntries(
              Object.entries(m.defaultOptions).map(([k, d]) => [
                k,
                fc.oneof(fc.constant(d), valueOf(optionRule(k, d))),
              ]),
            ),
          ),
        }),
      ]),
    ),
  ),
  own: fc
    .uniqueArray(ownArb, { maxLength: 3, selector: (o) => o.label.toLowerCase() })
    .map((list) => list.map((o, i) => ({ ...o, id: `my-${i + 1}` }))),
}) as fc.Arbitrary<LinkSettings>;

describe('url settings', () => {
  it('round-trips any valid settings through a link, with no problems', () => {
    fc.assert(
      fc.property(settingsArb, (settings) => {
        const search = mergeSearch('', encodeSettings(settings, CATALOG, FP));
        const back = decode(search);
        expect(back.problems).toEqual([]);
        expect(back.settings).toEqual(settings);
        expect(back.dataset).toBe('3f9cab12de45');
      }),
      { numRuns: 300 },
    );
  });

  it('writes only what differs from the defaults, readably', () => {
    expect(mergeSearch('', encodeSettings(defaultLinkSettings(CATALOG), CATALOG))).toBe('');
    const settings = defaultLinkSettings(CATALOG);
    settings.seed = 7;
    settings.backend = 'wasm';
    settings.workers = 2;
    settings.maskIds = true;
    settings.thresholds.maxSaturatedShare = 0.1;
    settings.strategies['full-retrain']!.options['epochs'] = 5;
    settings.strategies['per-user']!.enabled = false;
    settings.strategies['progressive']!.enabled = false;
    settings.strategies['progressive']!.options['finetuneLearningRate'] = 0.00005;
    expect(mergeSearch('', encodeSettings(settings, CATALOG, FP))).toBe(
      '?seed=7&backend=wasm&workers=2&mask=1&off=progressive,per-user&t.maxSaturatedShare=0.1' +
        '&full-retrain.epochs=5&progressive.finetuneLearningRate=0.00005&data=3f9cab12de45',
    );
  });

  it('keeps other parameters as written and replaces its own', () => {
    const params = new URLSearchParams({ seed: '8' });
    expect(mergeSearch('?a=1%202&seed=7&full-retrain.epochs=3&b&off=per-user', params)).toBe(
      '?a=1%202&b&seed=8',
    );
    expect(mergeSearch('?x=y', new URLSearchParams())).toBe('?x=y');
    expect(mergeSearch('?seed=7', new URLSearchParams())).toBe('');
  });

  it('ignores what it cannot use and says so, naming the parameter', () => {
    const { settings, problems } = decode(
      'seed=1.5&backend=tpu&workers=9&mask=maybe&t.maxSaturatedShare=2&t.nope=1&full-retrain.epochs=abc' +
        '&full-retrain.batchSize=0&full-retrain.learningRate=Infinity&full-retrain.restoreBestWeights=yes' +
        '&full-retrain.nope=1&nostrategy.epochs=5&off=per-user,ghost&per-user.minTasks=-3&data=zz&keep=1',
    );
    expect(problems).toEqual([
      'Ignored link setting seed=1.5: not a whole number.',
      'Ignored link setting backend=tpu: not one of auto, webgl, wasm, cpu.',
      'Ignored link setting workers=9: not one of auto, 1, 2, 3, 4.',
      'Ignored link setting mask=maybe: not 0, 1, true or false.',
      'Ignored link setting t.maxSaturatedShare=2: must be at most 1.',
      'Ignored link setting t.nope=1: no verdict threshold is named nope.',
      'Ignored link setting data=zz: not a dataset fingerprint.',
      'Ignored link setting full-retrain.epochs=abc: not a number.',
      'Ignored link setting full-retrain.batchSize=0: must be at least 1.',
      'Ignored link setting full-retrain.learningRate=Infinity: not a finite number.',
      'Ignored link setting full-retrain.restoreBestWeights=yes: not 0, 1, true or false.',
      'Ignored link setting full-retrain.nope=1: full-retrain has no option nope.',
      'Ignored link setting nostrategy.epochs=5: no strategy is named nostrategy.',
      'Ignored link setting off=ghost: no strategy is named ghost.',
      'Ignored link setting per-user.minTasks=-3: must be at least 0.',
    ]);
    // Everything refused stays at its default; what was valid applies.
    const defaults = defaultLinkSettings(CATALOG);
    expect(settings).toEqual({
      ...defaults,
      strategies: {
        ...defaults.strategies,
        'per-user': { ...defaults.strategies['per-user'], enabled: false },
      },
    });
  });

  it('reads numbers strictly: no hex, no blanks, no NaN; learning rates above 0', () => {
    const reasons = (search: string) => decode(search).problems.map((p) => p.replace(/^.*: /, ''));
    expect(reasons('seed=0x10')).toEqual(['not a number.']);
    expect(reasons('seed=&full-retrain.epochs=NaN&full-retrain.learningRate=0')).toEqual([
      'not a number.',
      'not a number.',
      'must be more than 0.',
    ]);
    expect(decode('seed=-0').settings.seed).toBe(0);
    expect(decode('seed=1e3&full-retrain.restoreBestWeights=FALSE&mask=true').settings).toMatchObject({
      seed: 1000,
      maskIds: true,
    });
    expect(decode('full-retrain.restoreBestWeights=FALSE').settings.strategies['full-retrain']).toMatchObject(
      {
        options: { restoreBestWeights: false },
      },
    );
  });

  it('gives prototype names no way in', () => {
    const { settings, problems } = decode(
      'off=__proto__,constructor&mask=constructor&full-retrain.restoreBestWeights=__proto__' +
        '&__proto__.enabled=0&full-retrain.__proto__=1&t.__proto__=1&t.constructor=1',
    );
    expect(problems).toHaveLength(8);
    expect(settings).toEqual(defaultLinkSettings(CATALOG));
    expect(({} as Record<string, unknown>)['enabled']).toBeUndefined();
  });

  it('lets a later duplicate win and shortens the dataset fingerprint', () => {
    expect(decodeGeneral(new URLSearchParams('seed=7&seed=8')).seed).toBe(8);
    expect(shortFingerprint(FP)).toBe('3f9cab12de45');
    expect(decodeGeneral(new URLSearchParams(`data=${FP}`)).dataset).toBe('3f9cab12de45');
    expect(sameDataset('3f9cab12', FP)).toBe(true);
    expect(sameDataset('3f9cab13', FP)).toBe(false);
  });
});
