import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { ReportStrategy } from '../core/report/report-types';
import { nextOwnId, ownChoice, ownSummary, presetFields } from './own-strategies';
import { createOwnStrategySlice, type OwnStrategySlice } from './own-strategy-slice';
import { CATALOG } from './settings-slice';
import type { TrainingSlice } from './training-slice';

type State = OwnStrategySlice &
  Pick<TrainingSlice, 'results' | 'progress' | 'preview'> & { catalog: typeof CATALOG };

const fresh = () =>
  createStore<State>()((...a) => ({
    ...createOwnStrategySlice(...(a as unknown as Parameters<typeof createOwnStrategySlice>)),
    catalog: CATALOG,
    results: {},
    progress: {},
    preview: {},
  }));

const draft = (label: string, change: object = {}) => ({
  label,
  from: 'weighted-loss' as const,
  fields: { ...presetFields('weighted-loss'), ...change },
});

describe('own strategies in the store', () => {
  it('adds checked strategies with ids of their own, never from the name', () => {
    const store = fresh();
    expect(
      store.getState().addOwnStrategy(draft('  For bulk@example.com  ', { weightExponent: 0.5 })),
    ).toEqual({
      ok: true,
      value: 'my-1',
    });
    expect(store.getState().addOwnStrategy(draft('Cap 100', { capPerUser: 100 }))).toEqual({
      ok: true,
      value: 'my-2',
    });
    const [first, second] = store.getState().ownStrategies;
    expect(first).toMatchObject({
      id: 'my-1',
      label: 'For bulk@example.com',
      from: 'weighted-loss',
      enabled: true,
    });
    expect(ownChoice(first!).recipe).toMatchObject({ weightExponent: 0.5, architecture: 'v2' });
    expect(ownSummary(second!)).toMatch(
      /^Started from 4\. Weighted loss: v2 · at most 100 tasks per user · inverse-frequency weights/,
    );
    expect(nextOwnId([{ id: 'my-2' }, { id: 'my-9' }, { id: 'x' }])).toBe('my-10');
  });

  it('refuses a draft it cannot train or name, saying why, and keeps the rest', () => {
    const store = fresh();
    const refuse = (d: ReturnType<typeof draft>) => {
      const r = store.getState().addOwnStrategy(d);
      return r.ok ? 'ok' : r.reason;
    };
    expect(refuse(draft('Too strong', { weightExponent: 2 }))).toBe('weightExponent must be from 0 to 1');
    expect(refuse(draft('Monotone', { monotoneResponse: 'sideways' }))).toMatch(/^monotoneResponse /);
    expect(refuse(draft('   '))).toBe('the name must be 1–80 characters');
    expect(refuse(draft('4. weighted loss'))).toBe('the name "4. weighted loss" is taken; choose another');
    expect(refuse(draft('Mine'))).toBe('ok');
    expect(refuse(draft('MINE'))).toBe('the name "MINE" is taken; choose another');
    expect(store.getState().ownStrategies.map((o) => o.label)).toEqual(['Mine']);
  });

  it('edits, switches off and removes — with the result, progress and preview of the removed one', () => {
    const store = fresh();
    store.getState().addOwnStrategy(draft('A'));
    store.getState().addOwnStrategy(draft('B'));
    expect(store.getState().updateOwnStrategy('my-1', draft('A2', { epochs: 3 }))).toEqual({
      ok: true,
      value: 'my-1',
    });
    expect(store.getState().updateOwnStrategy('my-1', draft('B'))).toMatchObject({ ok: false });
    store.getState().setOwnEnabled('my-2', false);
    expect(store.getState().ownStrategies.map((o) => [o.label, o.enabled, o.fields.epochs])).toEqual([
      ['A2', true, 3],
      ['B', false, 50],
    ]);
    const entry = { status: 'failed', id: 'my-1' } as ReportStrategy;
    store.setState({ results: { 'my-1': entry, 'weighted-loss': entry }, preview: { 'my-1': [] } });
    store.getState().removeOwnStrategy('my-1');
    expect(store.getState().ownStrategies.map((o) => o.id)).toEqual(['my-2']);
    expect(Object.keys(store.getState().results)).toEqual(['weighted-loss']);
    expect(store.getState().preview).toEqual({});
  });
});
