// Option fields validate like the link parser: one rule (setting-rules) for both, so a value a shared
// link would refuse never reaches training from the page either.
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { optionRule, parseValue } from './setting-rules';
import { decodeStrategies } from './url-settings';

const defaults = { epochs: 50, batchSize: 32, learningRate: 0.001, minTasks: 20, baseWeighting: 'none' };
const meta = {
  id: 's',
  label: 's',
  summary: '',
  defaultOptions: defaults,
  seedOptions: defaults,
  optionDocs: {},
};

function store() {
  const s = createStore<SettingsSlice>()(createSettingsSlice);
  s.getState().setCatalog([meta]);
  return s;
}

describe('typed option values', () => {
  it.each([
    ['batchSize', '0', 'must be at least 1'],
    ['batchSize', '0.5', 'not a whole number'],
    ['epochs', '-5', 'must be at least 0'],
    ['epochs', '', 'not a number'],
    ['learningRate', '0', 'must be more than 0'],
    ['learningRate', 'Infinity', 'not a finite number'],
  ])('%s = %j is refused in the field (%s) and never applied', (key, text, reason) => {
    const s = store();
    s.getState().setStrategyOptionText('s', key, text);
    expect(s.getState().optionErrors).toEqual({ [`s.${key}`]: reason });
    expect(s.getState().strategies['s']?.options[key]).toBe(defaults[key as keyof typeof defaults]);
    // The link parser refuses the same value for the same reason.
    const link = decodeStrategies(new URLSearchParams({ [`s.${key}`]: text }), [meta]);
    expect(link.problems).toEqual([expect.stringContaining(reason)]);
    expect(parseValue(optionRule(key, defaults[key as keyof typeof defaults]), text)).toEqual({
      ok: false,
      reason,
    });
  });

  it('applies a valid value and clears the refusal; epochs 0 is valid (the card explains it)', () => {
    const s = store();
    s.getState().setStrategyOptionText('s', 'batchSize', '0');
    s.getState().setStrategyOptionText('s', 'batchSize', '64');
    s.getState().setStrategyOptionText('s', 'epochs', '0');
    s.getState().setStrategyOptionText('s', 'learningRate', '1e9');
    expect(s.getState().optionErrors).toEqual({});
    expect(s.getState().strategies['s']?.options).toMatchObject({
      batchSize: 64,
      epochs: 0,
      learningRate: 1e9,
    });
  });

  it('a reset or a preset replaces refused values and their refusals', () => {
    const s = store();
    s.getState().setStrategyOptionText('s', 'epochs', '-5');
    s.getState().resetStrategy('s');
    expect(s.getState().optionErrors).toEqual({});
    s.getState().setStrategyOptionText('s', 'batchSize', '0.5');
    s.getState().applyPreset('quick');
    expect(s.getState().optionErrors).toEqual({});
  });
});
