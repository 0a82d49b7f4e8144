/**
 * The settings slice: which strategies run with which options, the seed, the backend and workers choices and the
 * verdict thresholds. Strategy defaults come from the catalogue (core, free of tfjs), so a new strategy
 * appears here by itself.
 */
import type { StateCreator } from 'zustand/vanilla';
import { DEFAULT_THRESHOLDS, type VerdictThresholds } from '../core/evaluation/verdicts';
import { CATALOGUE } from '../core/strategies/catalogue';
import type { BackendChoice, OptionValue, StrategyMeta, WorkersChoice } from '../worker/protocol';
import { optionRule, parseValue } from './setting-rules';

export interface StrategySettings {
  enabled: boolean;
  options: Record<string, OptionValue>;
}

/** The six strategies as the page shows them: the catalogue's entries without their recipe functions. */
export const CATALOG: readonly StrategyMeta[] = CATALOGUE.map((p) => ({
  id: p.id,
  label: p.label,
  summary: p.summary,
  defaultOptions: { ...p.defaultOptions },
  seedOptions: { ...p.seedOptions },
  optionDocs: { ...p.optionDocs },
}));

export interface SettingsSlice {
  /** The six strategies in catalogue order (CATALOG once the store is made; tests may set others). */
  catalog: readonly StrategyMeta[];
  seed: number;
  backend: BackendChoice;
  workers: WorkersChoice;
  strategies: Record<string, StrategySettings>;
  thresholds: VerdictThresholds;
  /** Show and export "User A", "User B", … instead of real user ids (page, charts, report, exports). */
  maskIds: boolean;
  /** What the page's link asked for that could not be applied, in plain words (url-settings.ts). */
  linkProblems: string[];
  /** The short fingerprint of the dataset the opening link was made for, when it named one. */
  linkDataset?: string;
  setCatalog(catalog: readonly StrategyMeta[]): void;
  setSeed(seed: number): void;
  setBackend(backend: BackendChoice): void;
  setWorkers(workers: WorkersChoice): void;
  setStrategyEnabled(id: string, enabled: boolean): void;
  setStrategyOption(id: string, key: string, value: OptionValue): void;
  /**
   * An option as typed in its field, checked by the same rule as a link's value (setting-rules): a valid
   * value is applied, an invalid one is kept out of the settings and its reason shown by the field.
   */
  setStrategyOptionText(id: string, key: string, text: string): void;
  /** Why a typed option was refused, by "strategyId.option"; training waits until none is left. */
  optionErrors: Record<string, string>;
  resetStrategy(id: string): void;
  setThreshold(key: keyof VerdictThresholds, value: number): void;
  setMaskIds(maskIds: boolean): void;
  /** Records what the opening link could not apply and which dataset it was made for. */
  setLinkReport(report: { problems: string[]; dataset?: string }): void;
  /** Every strategy's settings at once (from a link); strategies the catalog lacks are left out. */
  restoreStrategies(strategies: Record<string, StrategySettings>): void;
  /** Every strategy's options at once: the lab's defaults, the design note's own settings, or a quick look (a tenth of the epochs). */
  applyPreset(preset: Preset): void;
}

export type Preset = 'lab' | 'seed-faithful' | 'quick';

/** A quick look: every epoch count of the lab's defaults divided by ten (at least 1). */
export function quickOptions(defaults: Record<string, OptionValue>): Record<string, OptionValue> {
  return Object.fromEntries(
    Object.entries(defaults).map(([k, v]) => [
      k,
      /epochs$/i.test(k) && typeof v === 'number' ? Math.max(1, Math.round(v / 10)) : v,
    ]),
  );
}

export const DEFAULT_SEED = 42;

const withoutStrategy = (errors: Record<string, string>, id: string): Record<string, string> =>
  Object.fromEntries(Object.entries(errors).filter(([k]) => !k.startsWith(`${id}.`)));

const defaultsOf = (meta: StrategyMeta): StrategySettings => ({
  enabled: true,
  options: { ...meta.defaultOptions },
});

export const createSettingsSlice: StateCreator<SettingsSlice, [], [], SettingsSlice> = (set, get) => {
  const update = (id: string, change: (s: StrategySettings) => StrategySettings) =>
    set((state) => {
      const current = state.strategies[id];
      return current ? { strategies: { ...state.strategies, [id]: change(current) } } : {};
    });
  return {
    catalog: [],
    seed: DEFAULT_SEED,
    backend: 'auto',
    workers: 'auto',
    strategies: {},
    thresholds: { ...DEFAULT_THRESHOLDS },
    maskIds: false,
    linkProblems: [],
    // Settings already made (e.g. restored from a link) survive the catalog's arrival.
    setCatalog: (catalog) =>
      set((state) => ({
        catalog,
        strategies: Object.fromEntries(catalog.map((m) => [m.id, state.strategies[m.id] ?? defaultsOf(m)])),
      })),
    setSeed: (seed) => set({ seed }),
    setBackend: (backend) => set({ backend }),
    setWorkers: (workers) => set({ workers }),
    setStrategyEnabled: (id, enabled) => update(id, (s) => ({ ...s, enabled })),
    setStrategyOption: (id, key, value) =>
      update(id, (s) => ({ ...s, options: { ...s.options, [key]: value } })),
    setStrategyOptionText: (id, key, text) => {
      const meta = get().catalog.find((m) => m.id === id);
      const fallback = meta?.defaultOptions[key];
      if (fallback === undefined) return;
      const parsed = parseValue(optionRule(key, fallback), text);
      const errorKey = `${id}.${key}`;
      const { [errorKey]: _old, ...others } = get().optionErrors;
      if (parsed.ok) {
        set({ optionErrors: others });
        update(id, (s) => ({ ...s, options: { ...s.options, [key]: parsed.value } }));
      } else set({ optionErrors: { ...others, [errorKey]: parsed.reason } });
    },
    optionErrors: {},
    resetStrategy: (id) => {
      const meta = get().catalog.find((m) => m.id === id);
      if (meta) update(id, (s) => ({ ...defaultsOf(meta), enabled: s.enabled }));
      set((state) => ({ optionErrors: withoutStrategy(state.optionErrors, id) }));
    },
    setThreshold: (key, value) => set((state) => ({ thresholds: { ...state.thresholds, [key]: value } })),
    setMaskIds: (maskIds) => set({ maskIds }),
    setLinkReport: ({ problems, dataset }) => set({ linkProblems: problems, linkDataset: dataset }),
    restoreStrategies: (strategies) =>
      set((state) => ({
        optionErrors: {},
        strategies: Object.fromEntries(
          state.catalog.map((m) => [m.id, strategies[m.id] ?? state.strategies[m.id] ?? defaultsOf(m)]),
        ),
      })),
    applyPreset: (preset) =>
      set((state) => ({
        optionErrors: {},
        strategies: Object.fromEntries(
          state.catalog.map((m) => [
            m.id,
            {
              enabled: state.strategies[m.id]?.enabled ?? true,
              options:
                preset === 'quick'
                  ? quickOptions(m.defaultOptions)
                  : { ...(preset === 'seed-faithful' ? m.seedOptions : m.defaultOptions) },
            },
          ]),
        ),
      })),
  };
};
