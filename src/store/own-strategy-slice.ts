/**
 * The own-strategy slice: strategies a person made from a preset by changing its ingredients — added,
 * edited, switched on and off, removed (with their results) — and restored from a link or a session.
 * Every change is checked first (own-strategies.ts), so what is kept can always train.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Checked } from '../core/strategies/recipe-schema';
import { checkOwnStrategy, nextOwnId, type OwnDraft, type OwnStrategy } from './own-strategies';
import type { SettingsSlice } from './settings-slice';
import type { TrainingSlice } from './training-slice';

export interface OwnStrategySlice {
  /** In the order they were added; trained and reported after the six. */
  ownStrategies: OwnStrategy[];
  /** Keeps the draft as a new strategy; returns its id, or why it cannot be kept. */
  addOwnStrategy(draft: OwnDraft): Checked<string>;
  /** Replaces a strategy's name and recipe (its last result stays until it trains again). */
  updateOwnStrategy(id: string, draft: OwnDraft): Checked<string>;
  setOwnEnabled(id: string, enabled: boolean): void;
  /** Forgets the strategy and its result, progress and preview. */
  removeOwnStrategy(id: string): void;
  /** Every own strategy at once (from a link or a saved session), already checked. */
  restoreOwnStrategies(list: OwnStrategy[]): void;
}

type Deps = OwnStrategySlice &
  Pick<SettingsSlice, 'catalog'> &
  Pick<TrainingSlice, 'results' | 'progress' | 'preview'>;

const without = <T>(record: Record<string, T>, id: string): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k !== id));

export const createOwnStrategySlice: StateCreator<Deps, [], [], OwnStrategySlice> = (set, get) => ({
  ownStrategies: [],
  addOwnStrategy(draft) {
    const list = get().ownStrategies;
    const checked = checkOwnStrategy({ ...draft, id: nextOwnId(list) }, list);
    if (!checked.ok) return checked;
    set({ ownStrategies: [...list, checked.value] });
    return { ok: true, value: checked.value.id };
  },
  updateOwnStrategy(id, draft) {
    const list = get().ownStrategies;
    const current = list.find((o) => o.id === id);
    if (!current) return { ok: false, reason: `there is no strategy ${id}` };
    const checked = checkOwnStrategy({ ...draft, id, enabled: current.enabled }, list);
    if (!checked.ok) return checked;
    set({ ownStrategies: list.map((o) => (o.id === id ? checked.value : o)) });
    return { ok: true, value: id };
  },
  setOwnEnabled: (id, enabled) =>
    set((s) => ({ ownStrategies: s.ownStrategies.map((o) => (o.id === id ? { ...o, enabled } : o)) })),
  removeOwnStrategy: (id) =>
    set((s) => ({
      ownStrategies: s.ownStrategies.filter((o) => o.id !== id),
      results: without(s.results, id),
      progress: without(s.progress, id),
      preview: without(s.preview, id),
    })),
  restoreOwnStrategies: (list) => set({ ownStrategies: list }),
});
