/** One colour per strategy id (Okabe–Ito, colour-blind safe), shared by every chart and legend.
 *  Pure data: no React, no store; a seventh strategy gets a stable colour from the fallback list. */

/** Colours by strategy id; full-retrain, the one to avoid, is the warm vermillion. */
export const STRATEGY_COLORS: Record<string, string> = {
  'full-retrain': '#D55E00',
  'architecture-fixes': '#E69F00',
  'balanced-sampling': '#56B4E9',
  'weighted-loss': '#009E73',
  progressive: '#CC79A7',
  'per-user': '#0072B2',
};

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
