/**
 * Which preset the strategies' options match now (Lab default, Design note, Quick), so the Train panel
 * can mark it — or none, once any option was edited by hand. Only options are compared: switching a
 * strategy off keeps the preset.
 */
import type { StrategyMeta } from '../worker/protocol';
import { quickOptions, type Preset, type StrategySettings } from './settings-slice';

export const PRESETS: readonly Preset[] = ['lab', 'seed-faithful', 'quick'];

export function presetOptions(meta: StrategyMeta, preset: Preset): StrategyMeta['defaultOptions'] {
  if (preset === 'quick') return quickOptions(meta.defaultOptions);
  return preset === 'seed-faithful' ? meta.seedOptions : meta.defaultOptions;
}

const sameOptions = (a: Record<string, unknown>, b: Record<string, unknown>) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
};

/** The first preset every strategy's options equal (presets can coincide: then the first listed). */
export function activePreset(
  catalog: readonly StrategyMeta[],
  strategies: Readonly<Record<string, StrategySettings>>,
): Preset | undefined {
  if (catalog.length === 0) return undefined;
  return PRESETS.find((preset) =>
    catalog.every((meta) => {
      const s = strategies[meta.id];
      return s !== undefined && sameOptions(s.options, presetOptions(meta, preset));
    }),
  );
}
