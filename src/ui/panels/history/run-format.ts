/** How the run history writes its numbers: a value with its interval, a change, a date and time. */
import type { IntervalValue, SettingChange } from '../../../core/report/run-record';
import { presetName } from '../train/PresetButtons';
import type { Metric } from '../../../core/report/report-types';

export const fixed = (x: Metric | undefined, digits = 3): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits);

/** "0.735 [0.63–0.83]". */
export const withInterval = (v: IntervalValue | undefined, digits = 3): string =>
  !v || v.value === null
    ? '–'
    : v.lo !== null && v.hi !== null
      ? `${fixed(v.value, digits)} [${fixed(v.lo, 2)}–${fixed(v.hi, 2)}]`
      : fixed(v.value, digits);

/** "+0.012", "−0.030" (a real minus sign), "–" when unknown. */
export const signed = (x: Metric, digits = 3): string =>
  x === null ? '–' : `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(digits)}`;

/** "2 Dec 2026, 14:05" in the reader's locale and time zone. */
export const when = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/**
 * "seed 42 → 7", "preset Lab default → Quick (epochs ÷ 10)". `fileName` shows the data change's file
 * names (masked when Mask user IDs is on); every other value is the lab's own text.
 */
export function changeText(c: SettingChange, fileName: (name: string) => string = (n) => n): string {
  const value = (v: string) => (c.what === 'preset' ? presetName(v) : c.what === 'data' ? fileName(v) : v);
  return `${c.what}: ${value(c.from)} → ${value(c.to)}`;
}
