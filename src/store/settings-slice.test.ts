import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createSettingsSlice, quickOptions, type SettingsSlice } from './settings-slice';

const meta = (id: string, defaultOptions: Record<string, number | string | boolean>) => ({
  id,
  label: id,
  summary: '',
  defaultOptions,
  seedOptions: { ...defaultOptions, stepsPerEpoch: 0 },
  optionDocs: {},
});

describe('settings slice', () => {
  const fresh = () => createStore<SettingsSlice>()(createSettingsSlice);

  it('takes defaults from the catalog, edits, resets and keeps edits made before the catalog arrived', () => {
    const store = fresh();
    store.getState().setCatalog([meta('a', { epochs: 50, lr: 0.001 })]);
    store.getState().setStrategyOption('a', 'epochs', 7);
    expect(store.getState().strategies['a']?.options).toEqual({ epochs: 7, lr: 0.001 });
    store.getState().setCatalog([meta('a', { epochs: 50, lr: 0.001 }), meta('b', { x: true })]);
    expect(store.getState().strategies['a']?.options['epochs']).toBe(7);
    store.getState().setStrategyEnabled('a', false);
    store.getState().resetStrategy('a');
    expect(store.getState().strategies['a']).toEqual({ enabled: false, options: { epochs: 50, lr: 0.001 } });
  });

  it('applies the quick and seed-faithful presets', () => {
    expect(
      quickOptions({ epochs: 50, finetuneEpochs: 10, pretrainEpochs: 3, batchSize: 32, flag: true }),
    ).toEqual({
      epochs: 5,
      finetuneEpochs: 1,
      pretrainEpochs: 1,
      batchSize: 32,
      flag: true,
    });
    const store = fresh();
    store.getState().setCatalog([meta('a', { epochs: 50 })]);
    store.getState().applyPreset('quick');
    expect(store.getState().strategies['a']?.options['epochs']).toBe(5);
    store.getState().applyPreset('seed-faithful');
    expect(store.getState().strategies['a']?.options).toEqual({ epochs: 50, stepsPerEpoch: 0 });
    store.getState().applyPreset('lab');
    expect(store.getState().strategies['a']?.options).toEqual({ epochs: 50 });
  });

  it('restores strategy settings from a link for the strategies it knows, and keeps its report', () => {
    const store = fresh();
    store.getState().setCatalog([meta('a', { epochs: 50 }), meta('b', { x: true })]);
    store.getState().setStrategyOption('b', 'x', false);
    store.getState().restoreStrategies({
      a: { enabled: false, options: { epochs: 5 } },
      ghost: { enabled: true, options: {} },
    });
    expect(store.getState().strategies).toEqual({
      a: { enabled: false, options: { epochs: 5 } },
      b: { enabled: true, options: { x: false } },
    });
    store
      .getState()
      .setLinkReport({ problems: ['Ignored link setting seed=x: not a number.'], dataset: 'abc123' });
    expect(store.getState()).toMatchObject({ linkProblems: [expect.any(String)], linkDataset: 'abc123' });
  });
});
