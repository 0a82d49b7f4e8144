/**
 * Keeps the page's URL and the lab's settings in step: the opening link's settings are applied (strategy
 * settings once the worker's catalog can check them), then every change is written back with one
 * debounced `history.replaceState` — a link to the page is always a link to these settings.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { StrategyMeta } from '../worker/protocol';
import type { DatasetSlice } from './dataset-slice';
import type { OwnStrategySlice } from './own-strategy-slice';
import type { SettingsSlice } from './settings-slice';
import {
  decodeGeneral,
  decodeStrategies,
  encodeSettings,
  mergeSearch,
  type LinkSettings,
} from './url-settings';

/** The little of `location` and `history` the sync needs, so it runs in Node tests too. */
export interface UrlAdapter {
  href(): string;
  /** Replaces the current history entry's URL (no new entry: editing settings is not navigation). */
  replace(href: string): void;
}

export type UrlSyncedState = SettingsSlice &
  Pick<OwnStrategySlice, 'ownStrategies' | 'restoreOwnStrategies'> &
  Pick<DatasetSlice, 'summary'>;

const DEBOUNCE_MS = 300;

export const linkSettingsOf = (
  state: Omit<LinkSettings, 'own'> & Pick<OwnStrategySlice, 'ownStrategies'>,
): LinkSettings => ({
  seed: state.seed,
  backend: state.backend,
  workers: state.workers,
  thresholds: state.thresholds,
  maskIds: state.maskIds,
  strategies: state.strategies,
  own: state.ownStrategies,
});

/**
 * `href` with the settings' parameters in place of its own; other parameters and the hash stay.
 * `dataset`: the loaded dataset's fingerprint — or, before one is loaded, the one the opening link named.
 */
export function settingsHref(
  href: string,
  settings: LinkSettings,
  catalog: readonly StrategyMeta[],
  dataset?: string,
): string {
  const url = new URL(href);
  url.search = mergeSearch(url.search, encodeSettings(settings, catalog, dataset));
  return url.toString();
}

const watched = (s: UrlSyncedState) =>
  [
    s.seed,
    s.backend,
    s.workers,
    s.thresholds,
    s.maskIds,
    s.strategies,
    s.ownStrategies,
    s.catalog,
    s.summary?.fingerprint,
  ] as const;

/** Starts the sync; returns a function that stops it. */
export function startUrlSync<S extends UrlSyncedState>(
  store: StoreApi<S>,
  url: UrlAdapter,
  debounceMs = DEBOUNCE_MS,
): () => void {
  const params = new URL(url.href()).searchParams;
  const general = decodeGeneral(params);
  const opening = store.getState();
  if (general.seed !== undefined) opening.setSeed(general.seed);
  if (general.backend !== undefined) opening.setBackend(general.backend);
  if (general.workers !== undefined) opening.setWorkers(general.workers);
  if (general.maskIds !== undefined) opening.setMaskIds(general.maskIds);
  for (const [key, value] of Object.entries(general.thresholds)) {
    opening.setThreshold(key as keyof typeof general.thresholds, value);
  }
  opening.setLinkReport({ problems: general.problems, dataset: general.dataset });

  // Nothing is written before the strategy settings are applied: a write would drop the link's ones.
  let applied = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    const state = store.getState();
    const dataset = state.summary?.fingerprint ?? state.linkDataset;
    const next = settingsHref(url.href(), linkSettingsOf(state), state.catalog, dataset);
    if (next !== url.href()) url.replace(next);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(write, debounceMs);
  };
  const applyStrategies = (state: S) => {
    applied = true;
    const { strategies, own, problems } = decodeStrategies(params, state.catalog);
    state.restoreStrategies(strategies);
    state.restoreOwnStrategies(own);
    if (problems.length > 0) {
      state.setLinkReport({ problems: [...general.problems, ...problems], dataset: general.dataset });
    }
    schedule();
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (!applied) {
      if (state.catalog.length > 0) applyStrategies(state);
      return;
    }
    const [now, before] = [watched(state), watched(previous)];
    if (now.some((v, i) => v !== before[i])) schedule();
  });
  if (opening.catalog.length > 0) applyStrategies(store.getState());
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}
