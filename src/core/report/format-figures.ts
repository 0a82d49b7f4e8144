/**
 * One number format for every place figures are shown (metrics table, CLI, stakeholder texts, HTML
 * summary): fixed decimals, a real minus sign, signed differences, intervals in brackets, seed ranges.
 */

const MINUS = '\u2212';

/** x with `digits` decimals and a real minus sign; "–" when missing. */
export function fixed(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const text = Math.abs(x).toFixed(digits);
  // -0.0004 rounds to 0.000: no sign for a value that reads as zero.
  return x < 0 && Number(text) !== 0 ? `${MINUS}${text}` : text;
}

/** A difference: always signed ("+0.010", "−0.021", "0.000"). */
export function signed(x: number | null | undefined, digits = 3): string {
  const text = fixed(x, digits);
  return text === '–' || text.startsWith(MINUS) || Number(text) === 0 ? text : `+${text}`;
}

/** "[0.350, 0.390]" — or "[−0.050, +0.010]" for differences; empty when either end is missing. */
export function interval(
  lo: number | null | undefined,
  hi: number | null | undefined,
  digits = 3,
  asDifference = false,
): string {
  const f = asDifference ? signed : fixed;
  if (lo === null || lo === undefined || hi === null || hi === undefined) return '';
  return `[${f(lo, digits)}, ${f(hi, digits)}]`;
}

/** "0.372 [0.350, 0.390]"; just the value without an interval. */
export function withInterval(
  x: number | null | undefined,
  lo: number | null | undefined,
  hi: number | null | undefined,
  digits = 3,
): string {
  const i = interval(lo, hi, digits);
  return i ? `${fixed(x, digits)} ${i}` : fixed(x, digits);
}

/** A share as a percentage: "80 %" style without the space, "80%"; "–" when missing. */
export function percentText(share: number | null | undefined, digits = 0): string {
  return share === null || share === undefined ? '–' : `${(share * 100).toFixed(digits)}%`;
}

/** A count with thousands separators. */
export const countText = (n: number): string => n.toLocaleString('en-US');

/** "Seed 42", "Seeds 42–51" (consecutive) or "Seeds 1, 5, 9". */
export function seedsText(seeds: readonly number[]): string {
  if (seeds.length === 0) return 'No seeds';
  if (seeds.length === 1) return `Seed ${seeds[0]}`;
  const consecutive = seeds.every((s, i) => i === 0 || s === (seeds[i - 1] as number) + 1);
  return consecutive ? `Seeds ${seeds[0]}\u2013${seeds[seeds.length - 1]}` : `Seeds ${seeds.join(', ')}`;
}

/** "4. Weighted loss", "A and B", "A, B and C". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
