/** One metric of a sweep against the swept value: a dot at each point's mean over seeds and a whisker
 *  across its 95 % interval, the means joined in the order swept (a second parameter's values as series
 *  side by side, each its colour), the reference point drawn as a ring and
 *  named under the axis. Failed points are marked ✗ with no numbers. Takes ready points; draws nothing else. */
import { AXIS_STROKE, GRID_STROKE, INK, MUTED, niceRange, stepDigits, TICK, WARN } from './chart-theme';
import { ChartFigure } from './ChartFigure';
import { DataTable } from './DataTable';

// The same shape as the store's SweepChartPoint (sweep-view.ts), which fills it: charts may not import the
// store and the store may not import the UI, so each layer names it.
export interface SweepChartDatum {
  id: string;
  /** The (first) swept value as text: "25". */
  x: string;
  /** With a second parameter: the index of its value, drawn as a series of its own. */
  series?: number;
  mean: number | null;
  lo: number | null;
  hi: number | null;
  reference: boolean;
  failed?: string;
}

export interface SweepMetricChartProps {
  /** e.g. "Per-user log loss". */
  title: string;
  /** e.g. "Cap per user". */
  xLabel: string;
  points: SweepChartDatum[];
  higherIsBetter: boolean;
  /** The interval is over seeds only (a t interval; these quantities have no rows to resample). */
  seedOnly: boolean;
  /** With a second parameter, each series' name ("Weight exponent 0.5"), by `series`. */
  seriesLabels?: string[];
}

/** Series colours (a second parameter's values), distinct in hue and lightness. */
export const SWEEP_SERIES_COLORS = ['#2f5bd3', '#c2571a', '#1b8a5a', '#8a3ab9', '#a4341f', '#0f7c91'];
const colorAt = (i: number | undefined) =>
  SWEEP_SERIES_COLORS[(i ?? 0) % SWEEP_SERIES_COLORS.length] as string;

const WIDTH = 320;
const HEIGHT = 176;
const LEFT = 46;
const RIGHT = 10;
const TOP = 10;
const BOTTOM = 40;

export function SweepMetricChart({
  title,
  xLabel,
  points,
  higherIsBetter,
  seedOnly,
  seriesLabels,
}: SweepMetricChartProps) {
  const ends = points
    .flatMap((p) => [p.lo, p.hi, p.mean])
    .filter((v): v is number => v !== null && Number.isFinite(v));
  const range = niceRange(Math.min(...ends), Math.max(...ends), 4);
  const digits = Math.min(4, stepDigits(range.step) + 1);
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  // One category per first value; a second parameter's values sit side by side within it.
  const categories = [...new Set(points.map((p) => p.x))];
  const seriesCount = seriesLabels?.length ?? 1;
  const band = plotW / Math.max(1, categories.length);
  const spread = Math.min(8, (band * 0.6) / Math.max(1, seriesCount - 1));
  const x = (p: SweepChartDatum) =>
    LEFT + (categories.indexOf(p.x) + 0.5) * band + ((p.series ?? 0) - (seriesCount - 1) / 2) * spread;
  const y = (v: number) => TOP + (1 - (v - range.lo) / (range.hi - range.lo || 1)) * plotH;
  const paths = Array.from({ length: seriesCount }, (_, s) =>
    points
      .filter((p) => (p.series ?? 0) === s && p.mean !== null)
      .map((p) => `${x(p)},${y(p.mean as number)}`)
      .join(' '),
  );
  const fmt = (v: number | null) => (v === null || !Number.isFinite(v) ? '–' : v.toFixed(digits));
  const interval = seedOnly
    ? '95 % interval over seeds only'
    : '95 % interval (seeds, users and rows resampled)';
  return (
    <ChartFigure
      label={`${title} against ${xLabel}`}
      caption={title}
      note={`${higherIsBetter ? 'Higher' : 'Lower'} is better · whiskers: ${interval}`}
      className="chart-panel"
    >
      <div className="chart__plot">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-hidden="true">
          {range.ticks.map((t) => (
            <g key={t}>
              <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(t)} y2={y(t)} stroke={GRID_STROKE} />
              <text x={LEFT - 5} y={y(t) + 4} textAnchor="end" {...TICK}>
                {t.toFixed(stepDigits(range.step))}
              </text>
            </g>
          ))}
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + plotH} y2={TOP + plotH} stroke={AXIS_STROKE} />
          {paths.map(
            (path, s) =>
              path && (
                <polyline
                  key={s}
                  points={path}
                  fill="none"
                  stroke={colorAt(s)}
                  strokeOpacity={0.45}
                  strokeWidth={1.5}
                />
              ),
          )}
          {categories.map((c, i) => (
            <text
              key={c}
              x={LEFT + (i + 0.5) * band}
              y={TOP + plotH + 14}
              textAnchor="middle"
              {...TICK}
              fontSize={categories.length > 6 ? 9 : 11}
              fontWeight={points.some((p) => p.x === c && p.reference) ? 700 : undefined}
            >
              {c}
            </text>
          ))}
          {points.map((p) => (
            <g key={p.id}>
              {p.lo !== null && p.hi !== null && (
                <g stroke={colorAt(p.series)} strokeWidth={1.5}>
                  <line x1={x(p)} x2={x(p)} y1={y(p.lo)} y2={y(p.hi)} />
                  <line x1={x(p) - 3} x2={x(p) + 3} y1={y(p.lo)} y2={y(p.lo)} />
                  <line x1={x(p) - 3} x2={x(p) + 3} y1={y(p.hi)} y2={y(p.hi)} />
                </g>
              )}
              {p.mean !== null &&
                (p.reference ? (
                  <circle cx={x(p)} cy={y(p.mean)} r={5.5} fill="#fff" stroke={INK} strokeWidth={2} />
                ) : (
                  <circle cx={x(p)} cy={y(p.mean)} r={4} fill={colorAt(p.series)} stroke="#fff" />
                ))}
              {p.failed !== undefined && (
                <text x={x(p)} y={TOP + plotH / 2} textAnchor="middle" fontSize={13} fill={WARN}>
                  ✗
                </text>
              )}
            </g>
          ))}
          <text x={LEFT + plotW / 2} y={HEIGHT - 6} textAnchor="middle" fontSize={11} fill={MUTED}>
            {xLabel} (ring: reference)
          </text>
        </svg>
      </div>
      {seriesLabels && (
        <p className="chart__footnote">
          {seriesLabels.map((label, i) => (
            <span key={label} className="sweep-series">
              <span className="sweep-series__swatch" style={{ background: colorAt(i) }} aria-hidden="true" />
              {label}
            </span>
          ))}
        </p>
      )}
      <DataTable
        caption={`${title} against ${xLabel}: mean over seeds with ${interval}`}
        columns={[xLabel, 'Mean', 'Lower', 'Upper']}
        rows={points.map((p) => ({
          key: p.id,
          cells: [
            `${p.x}${p.series !== undefined && seriesLabels ? ` · ${seriesLabels[p.series] ?? ''}` : ''}${p.reference ? ' (reference)' : ''}`,
            p.failed !== undefined ? `failed: ${p.failed}` : fmt(p.mean),
            fmt(p.lo),
            fmt(p.hi),
          ],
        }))}
      />
    </ChartFigure>
  );
}
