/**
 * One prediction histogram as a self-contained SVG string (no script, no external reference) for the
 * exported HTML summary: share of predictions per bin on a given y scale, saturated zones (<1 %, >99 %)
 * shaded. Pure; every text is escaped.
 */
import { escapeHtml } from './escape-html';

export interface HistogramSvgInput {
  /** Accessible name and title, e.g. "1. Full retrain (no changes)". */
  label: string;
  /** Prediction counts per equal-width bin over [0, 1]. */
  counts: readonly number[];
  /** Predictions behind the counts (0: their sum). */
  n: number;
  /** y-axis maximum as a share of predictions (shared by the panels compared). */
  yMax: number;
  color: string;
  width?: number;
  height?: number;
}

const M = { left: 40, right: 18, top: 10, bottom: 26 };
const INK = '#5b6475';
const GRID = '#e9ecf1';
const SATURATED = '#fbe3dc';

const pct = (share: number) => `${Math.round(share * 100)}%`;
const fmt = (x: number) => Number(x.toFixed(1));

/** The largest bin share over several histograms (at least 0.1), to draw them on one scale. */
export function sharedShareMax(histograms: readonly { counts: readonly number[]; n: number }[]): number {
  let max = 0.1;
  for (const h of histograms) {
    const total = h.n > 0 ? h.n : h.counts.reduce((a, b) => a + b, 0);
    if (total > 0) for (const c of h.counts) max = Math.max(max, c / total);
  }
  return Math.ceil(max * 10) / 10;
}

export function histogramSvg({
  label,
  counts,
  n,
  yMax,
  color,
  width = 360,
  height = 180,
}: HistogramSvgInput): string {
  const plotW = width - M.left - M.right;
  const plotH = height - M.top - M.bottom;
  const total = n > 0 ? n : counts.reduce((a, b) => a + b, 0);
  const top = yMax > 0 ? yMax : 1;
  const x = (p: number) => M.left + p * plotW;
  const y = (share: number) => M.top + plotH - (Math.min(share, top) / top) * plotH;
  const binW = plotW / Math.max(counts.length, 1);
  const parts: string[] = [];
  parts.push(
    `<rect x="${fmt(x(0))}" y="${M.top}" width="${fmt(x(0.01) - x(0))}" height="${plotH}" fill="${SATURATED}"/>`,
    `<rect x="${fmt(x(0.99))}" y="${M.top}" width="${fmt(x(1) - x(0.99))}" height="${plotH}" fill="${SATURATED}"/>`,
  );
  for (const t of [0, top / 2, top]) {
    parts.push(
      `<line x1="${M.left}" x2="${width - M.right}" y1="${fmt(y(t))}" y2="${fmt(y(t))}" stroke="${GRID}"/>`,
      `<text x="${M.left - 4}" y="${fmt(y(t) + 4)}" text-anchor="end">${pct(t)}</text>`,
    );
  }
  counts.forEach((c, i) => {
    const share = total > 0 ? c / total : 0;
    if (share <= 0) return;
    const barH = M.top + plotH - y(share);
    parts.push(
      `<rect x="${fmt(M.left + i * binW + 0.5)}" y="${fmt(y(share))}" width="${fmt(Math.max(binW - 1, 0.5))}" height="${fmt(Math.max(barH, 0.5))}" fill="${escapeHtml(color)}"/>`,
    );
  });
  parts.push(
    `<line x1="${M.left}" x2="${width - M.right}" y1="${M.top + plotH}" y2="${M.top + plotH}" stroke="${INK}"/>`,
  );
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<text x="${fmt(x(t))}" y="${height - 8}" text-anchor="middle">${pct(t)}</text>`);
  }
  const name = escapeHtml(`Prediction distribution: ${label}`);
  return (
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `role="img" aria-label="${name}" font-family="system-ui, sans-serif" font-size="10" fill="${INK}">` +
    `<title>${name}</title>${parts.join('')}</svg>`
  );
}
