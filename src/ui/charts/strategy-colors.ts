/** One colour per strategy id, shared by every chart and legend: the catalogue's (Okabe–Ito, colour-blind
 *  safe) for the six, a stable one from the fallback list for own recipes. Pure data: no React, no store. */
import { CATALOGUE } from '../../core/strategies/catalogue';

/** Colours by strategy id, as the catalogue gives them. */
export const STRATEGY_COLORS: Readonly<Record<string, string>> = Object.fromEntries(
  CATALOGUE.map((p) => [p.id, p.color]),
);

/** The production model's recorded predictions ("recorded" row). */
export const RECORDED_COLOR = '#7d8596';

/** Reference marks: diagonals, baselines, untrained models. */
export const BASELINE_COLOR = '#b4bac6';

/** Distinct, still colour-blind-safe extras (Paul Tol) for ids not listed above. */
const FALLBACK_COLORS = ['#332288', '#117733', '#882255', '#44AA99', '#999933', '#AA4499'];

/** The colour of a strategy id; unknown ids get a stable colour hashed from the id. */
export function colorOf(id: string): string {
  const known = STRATEGY_COLORS[id];
  if (known) return known;
  let hash = 0;
  for (let i = 0; i < id.length; i += 1) hash = (hash * 31 + id.charCodeAt(i)) >>> 0;
  return FALLBACK_COLORS[hash % FALLBACK_COLORS.length] ?? RECORDED_COLOR;
}

/** A series' own colour when it sets one, else its strategy colour. */
export function seriesColor(series: { id: string; color?: string }): string {
  return series.color ?? colorOf(series.id);
}
