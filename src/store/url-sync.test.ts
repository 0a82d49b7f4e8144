import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { DatasetSummary } from '../core/data/summarize-dataset';
import type { StrategyMeta } from '../worker/protocol';
import { createOwnStrategySlice } from './own-strategy-slice';
import { createSettingsSlice } from './settings-slice';
import { linkSettingsOf, settingsHref, startUrlSync, type UrlAdapter, type UrlSyncedState } from './url-sync';

const meta = (id: string, defaultOptions: StrategyMeta['defaultOptions']): StrategyMeta => ({
  id,
  label: id,
  summary: '',
  defaultOptions,
  seedOptions: defaultOptions,
  optionDocs: {},
});
const CATALOG = [
  meta('full-retrain', { epochs: 50, learningRate: 0.001 }),
  meta('per-user', { minTasks: 20 }),
];
const LOADED = 'sha256:aaaaaaaaaaaa' + 'b'.repeat(52);

function setUp(href: string) {
  const store = createStore<UrlSyncedState>()((...a) => ({
    ...createSettingsSlice(...a),
    ...createOwnStrategySlice(...(a as unknown as Parameters<typeof createOwnStrategySlice>)),
    summary: undefined,
  }));
  const writes: string[] = [];
  const url: UrlAdapter & { current: string } = {
    current: href,
    href: () => url.current,
    replace: (next) => {
      writes.push(next);
      url.current = next;
    },
  };
  const stop = startUrlSync(store, url, 300);
  return { store, url, writes, stop };
}

const loadDataset = (store: ReturnType<typeof setUp>['store'], fingerprint: string) =>
  store.setState({ summary: { fingerprint } as DatasetSummary });

describe('url sync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('applies the opening link: general settings at once, strategy settings when the catalog comes', () => {
    const { store, writes } = setUp(
      'http://lab.test/?seed=7&backend=wasm&mask=1&t.maxVarianceRatio=4' +
        '&full-retrain.epochs=5&off=per-user&data=cccccccccccc',
    );
    expect(store.getState()).toMatchObject({
      seed: 7,
      backend: 'wasm',
      maskIds: true,
      thresholds: { maxVarianceRatio: 4 },
      linkDataset: 'cccccccccccc',
      linkProblems: [],
    });
    vi.advanceTimersByTime(1000);
    expect(writes).toEqual([]); // the strategy settings could not be checked yet: nothing written
    store.getState().setCatalog(CATALOG);
    expect(store.getState().strategies).toEqual({
      'full-retrain': { enabled: true, options: { epochs: 5, learningRate: 0.001 } },
      'per-user': { enabled: false, options: { minTasks: 20 } },
    });
  });

  it('records what the link could not apply, general and per strategy', () => {
    const { store } = setUp('http://lab.test/?seed=abc&full-retrain.epochs=abc&full-retrain.x=1');
    expect(store.getState().linkProblems).toEqual(['Ignored link setting seed=abc: not a number.']);
    store.getState().setCatalog(CATALOG);
    expect(store.getState().linkProblems).toEqual([
      'Ignored link setting seed=abc: not a number.',
      'Ignored link setting full-retrain.epochs=abc: not a number.',
      'Ignored link setting full-retrain.x=1: full-retrain has no option x.',
    ]);
    expect(store.getState().seed).toBe(42);
    expect(store.getState().strategies['full-retrain']?.options['epochs']).toBe(50);
  });

  it('writes changes back once per burst, keeping other parameters, the path and the hash', () => {
    const { store, url, writes } = setUp('http://lab.test/lab/?utm=x&seed=7#compare');
    store.getState().setCatalog(CATALOG);
    vi.advanceTimersByTime(300);
    expect(writes).toEqual([]); // the link already says what the settings are
    for (const seed of [8, 9, 10]) store.getState().setSeed(seed);
    store.getState().setStrategyOption('full-retrain', 'learningRate', 0.01);
    store.getState().setStrategyEnabled('per-user', false);
    vi.advanceTimersByTime(299);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes).toEqual([
      'http://lab.test/lab/?utm=x&seed=10&off=per-user&full-retrain.learningRate=0.01#compare',
    ]);
    store.getState().setSeed(42);
    store.getState().setStrategyEnabled('per-user', true);
    store.getState().resetStrategy('full-retrain');
    vi.advanceTimersByTime(300);
    expect(url.current).toBe('http://lab.test/lab/?utm=x#compare');
  });

  it("names the link's dataset until one is loaded, then the loaded one", () => {
    const { store, url, stop } = setUp('http://lab.test/?data=cccccccccccc');
    store.getState().setCatalog(CATALOG);
    store.getState().setMaskIds(true);
    vi.advanceTimersByTime(300);
    expect(url.current).toBe('http://lab.test/?mask=1&data=cccccccccccc');
    loadDataset(store, LOADED);
    vi.advanceTimersByTime(300);
    expect(url.current).toBe('http://lab.test/?mask=1&data=aaaaaaaaaaaa');
    expect(store.getState().linkDataset).toBe('cccccccccccc'); // the note about the mismatch stays
    stop();
    store.getState().setSeed(1);
    vi.advanceTimersByTime(300);
    expect(url.current).toBe('http://lab.test/?mask=1&data=aaaaaaaaaaaa');
  });

  it('settingsHref gives the link of the current settings at any moment', () => {
    const { store } = setUp('http://lab.test/?a=1#x');
    store.getState().setCatalog(CATALOG);
    store.getState().setSeed(3);
    loadDataset(store, LOADED);
    const state = store.getState();
    expect(settingsHref('http://lab.test/?a=1#x', linkSettingsOf(state), CATALOG, LOADED)).toBe(
      'http://lab.test/?a=1&seed=3&data=aaaaaaaaaaaa#x',
    );
  });
});
