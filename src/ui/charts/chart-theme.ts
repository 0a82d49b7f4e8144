/** Axis, grid and number formatting shared by the charts, so every panel reads the same way.
 *  Pure helpers: no React, no store. */

/** Tick label style: small, muted, tabular figures. */
export const TICK = { fontSize: 11, fill: '#5b6475' };

export const GRID_STROKE = '#e9ecf1';
export const AXIS_STROKE = '#c5cbd6';
export const INK = '#1d2330';
export const MUTED = '#5b6475';
/** Same as `--warn` in styles.css: failing checks and saturated zones. */
export const WARN = '#a4341f';

/** Probability axis ticks: 0, 25 %, 50 %, 75 %, 100 %. */
export const PROBABILITY_TICKS = [0, 0.25, 0.5, 0.75, 1];

/** A share (0..1) as a whole percent, e.g. `0.372` → `37%`; null → `–`. */
export function percentText(share: number | null | undefined, digits = 0): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  return `${(share * 100).toFixed(digits)}%`;
}

/** Tick formatter for probability / share axes. */
export const percentTick = (value: number): string => `${Math.round(value * 100)}%`;

/** A number to a fixed number of digits; null or non-finite → `–`. */
export function numberText(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value.toFixed(digits);
}

/** The smallest "nice" step multiple (1, 2, 2.5, 5 × 10^k) at or above `value`, with its ticks. */
export function niceScale(value: number, tickCount = 4): { max: number; ticks: number[] } {
  const target = value > 0 && Number.isFinite(value) ? value : 1;
  const rough = target / tickCount;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const max = Math.ceil(target / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= max + step / 2; t += step) ticks.push(Number(t.toFixed(10)));
  return { max, ticks };
}

/**
 * Round ticks spanning [min, max] (1, 2, 2.5, 5 × 10^k steps, about `count` of them), for axes that do
 * not start at zero: a loss between 0.43 and 0.71 gets 0.40, 0.50, 0.60, 0.70, 0.80 rather than odd values.
 */
export function niceRange(
  min: number,
  max: number,
  count = 4,
): { lo: number; hi: number; ticks: number[]; step: number } {
  const a = Number.isFinite(min) ? min : 0;
  const b = Number.isFinite(max) ? max : 1;
  const span = b - a > 0 ? b - a : Math.abs(a) * 0.1 || 1;
  const rough = span / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const lo = Math.floor(a / step + 1e-9) * step;
  let hi = Math.ceil(b / step - 1e-9) * step;
  if (hi <= lo) hi = lo + step;
  const ticks: number[] = [];
  for (let t = lo; t <= hi + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
  return { lo: Number(lo.toPrecision(12)), hi: Number(hi.toPrecision(12)), ticks, step };
}

/**
 * A probability axis fitted to the values (within [0, 1]) with round ticks, never narrower than
 * `minSpan` (default 2 points): a flat pair of paths must not look like a swing.
 */
export function fittedProbabilityRange(
  values: readonly number[],
  minSpan = 0.02,
): { lo: number; hi: number; ticks: number[]; step: number } {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return niceRange(0, 1, 4);
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (hi - lo < minSpan) {
    const mid = Math.min(1 - minSpan / 2, Math.max(minSpan / 2, (lo + hi) / 2));
    lo = mid - minSpan / 2;
    hi = mid + minSpan / 2;
  }
  const r = niceRange(Math.max(0, lo), Math.min(1, hi), 4);
  return {
    ...r,
    lo: Math.max(0, r.lo),
    hi: Math.min(1, r.hi),
    ticks: r.ticks.filter((t) => t >= 0 && t <= 1),
  };
}

/** Decimals a tick step needs: 0.05 → 2, 2.5 → 1, 10 → 0. */
export function stepDigits(step: number): number {
  for (let d = 0; d <= 6; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-6) return d;
  return 6;
}

/** An axis title's style: muted, a little larger than ticks. */
export const AXIS_TITLE = { fontSize: 11.5, fill: MUTED };

/** An x-axis title (a Recharts label) under the ticks, `offset` px above the plot's bottom edge. */
export const xAxisTitle = (value: string, offset = 0) => ({
  value,
  position: 'insideBottom' as const,
  offset,
  ...AXIS_TITLE,
});

/** A y-axis title turned up the left edge; `dy` moves it down so it sits centred beside the ticks. */
export const yAxisTitle = (value: string, offset: number, dy: number) => ({
  value,
  angle: -90,
  position: 'insideLeft' as const,
  offset,
  dy,
  ...AXIS_TITLE,
});

/** Splits a label into at most two lines of about `width` characters, for category ticks. */
export function wrapLabel(label: string, width = 18): string[] {
  const words = label.split(/\s+/);
  const lines: string[] = [''];
  for (const word of words) {
    const last = lines.length - 1;
    const current = lines[last] ?? '';
    if (current && (current + ' ' + word).length > width && lines.length < 2) lines.push(word);
    else lines[last] = current ? `${current} ${word}` : word;
  }
  return lines.map((l) => (l.length > width + 8 ? `${l.slice(0, width + 6)}…` : l));
}

/** A largest / smallest ratio as text: "∞" for null or infinite, one decimal below 100. */
export function ratioText(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '∞';
  return ratio >= 100 ? `${Math.round(ratio)}×` : `${ratio.toFixed(1)}×`;
}

/** Whether a ratio breaks its limit; null (infinite) always does. */
export function ratioExceeds(ratio: number | null, limit: number): boolean {
  return ratio === null || !Number.isFinite(ratio) || ratio > limit;
}

/** What every axis shares: tick style, line colour and tick length. */
export const AXIS = { tick: TICK, stroke: AXIS_STROKE, tickSize: 3 };

/** A probability axis drawn in percent, 0–100 %, the same on every chart so panels compare. */
export const PROBABILITY_AXIS = {
  ...AXIS,
  domain: [0, 1] as [number, number],
  ticks: PROBABILITY_TICKS,
  tickFormatter: percentTick,
};
