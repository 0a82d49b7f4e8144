/** A forest plot of paired differences: one row per strategy — a dot at the difference and a line across
 *  its 95 % interval — against a marked zero line (no difference). A row whose whole interval sits on
 *  one side of zero is a detectable difference; the verdict is written beside it. Takes ready rows. */
import type { ForestRow } from './chart-types';
import { AXIS_STROKE, GRID_STROKE, INK, MUTED, TICK } from './chart-theme';
import { ChartFigure } from './ChartFigure';
import { DataTable } from './DataTable';
import { seriesColor } from './strategy-colors';

export interface ForestPlotProps {
  rows: ForestRow[];
  /** e.g. "per-user log loss". */
  metricLabel: string;
  /** e.g. "1. Full retrain (no changes)". */
  againstLabel: string;
  /** Which side of zero is better: below (losses) or above (AUC). */
  betterBelowZero: boolean;
}

const LABEL_WIDTH = 210;
const PLOT_WIDTH = 380;
const VERDICT_WIDTH = 170;
const ROW_HEIGHT = 28;
const TOP = 8;
const AXIS_HEIGHT = 34;

/** A symmetric-enough axis around zero holding every interval, with about five round ticks. */
export function forestScale(rows: readonly ForestRow[]): { min: number; max: number; ticks: number[] } {
  const ends = rows.flatMap((r) => [r.lo, r.hi, r.difference]).filter((v): v is number => v !== null);
  const extent = Math.max(1e-3, ...ends.map(Math.abs));
  const rough = extent / 2;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const min = Math.min(0, Math.floor(Math.min(0, ...ends) / step) * step);
  const max = Math.max(0, Math.ceil(Math.max(0, ...ends) / step) * step);
  const ticks: number[] = [];
  for (let t = min; t <= max + step / 2; t += step) ticks.push(Number(t.toFixed(10)));
  return { min, max: max === min ? min + step : max, ticks };
}

const sign = (v: number) =>
  v > 0 ? `+${v.toFixed(3)}` : v < 0 ? `\u2212${Math.abs(v).toFixed(3)}` : '0.000';

export function ForestPlot({ rows, metricLabel, againstLabel, betterBelowZero }: ForestPlotProps) {
  const { min, max, ticks } = forestScale(rows);
  const x = (v: number) => LABEL_WIDTH + ((v - min) / (max - min)) * PLOT_WIDTH;
  const height = TOP + rows.length * ROW_HEIGHT + AXIS_HEIGHT;
  const width = LABEL_WIDTH + PLOT_WIDTH + VERDICT_WIDTH;
  const axisY = TOP + rows.length * ROW_HEIGHT;
  return (
    <ChartFigure
      label={`Paired differences in ${metricLabel} against ${againstLabel}`}
      caption={`Difference in ${metricLabel} against ${againstLabel}`}
      note={`Dot: mean difference over seeds; line: 95 % interval (seeds, users and their rows resampled). ${betterBelowZero ? 'Left of 0 is better.' : 'Right of 0 is better.'}`}
      footnote="A strategy is detectably better or worse only when its whole line is on one side of the zero line."
    >
      {/* Never drawn below three quarters of its size (its labels would be unreadable on a phone): a narrow
          screen scrolls it sideways instead. */}
      <div
        className="chart__plot chart__plot--scroll"
        role="region"
        aria-label="Forest plot (scrolls sideways)"
        tabIndex={0}
      >
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          role="img"
          aria-hidden="true"
          className="forest-plot"
          style={{ minWidth: Math.round(0.75 * width) }}
        >
          {ticks.map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={TOP} y2={axisY} stroke={GRID_STROKE} />
              <text x={x(t)} y={axisY + 14} textAnchor="middle" {...TICK}>
                {sign(t)}
              </text>
            </g>
          ))}
          <line x1={LABEL_WIDTH} x2={LABEL_WIDTH + PLOT_WIDTH} y1={axisY} y2={axisY} stroke={AXIS_STROKE} />
          <line
            x1={x(0)}
            x2={x(0)}
            y1={TOP - 4}
            y2={axisY}
            stroke={INK}
            strokeDasharray="4 3"
            strokeWidth={1.5}
          />
          <text x={x(0)} y={axisY + 28} textAnchor="middle" fontSize={11} fill={MUTED}>
            0 = no difference
          </text>
          {rows.map((r, i) => {
            const y = TOP + i * ROW_HEIGHT + ROW_HEIGHT / 2;
            const color = seriesColor(r);
            return (
              <g key={r.id}>
                <text x={LABEL_WIDTH - 8} y={y + 4} textAnchor="end" fontSize={12} fill={INK}>
                  {r.label.length > 30 ? `${r.label.slice(0, 29)}…` : r.label}
                </text>
                {r.lo !== null && r.hi !== null && (
                  <line x1={x(r.lo)} x2={x(r.hi)} y1={y} y2={y} stroke={color} strokeWidth={2.5} />
                )}
                {r.difference !== null && (
                  <circle cx={x(r.difference)} cy={y} r={5} fill={color} stroke="#fff" />
                )}
                <text
                  x={LABEL_WIDTH + PLOT_WIDTH + 10}
                  y={y + 4}
                  fontSize={11}
                  fill={r.verdict === 'no detectable difference' ? MUTED : INK}
                >
                  {r.verdict}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <DataTable
        caption={`Difference in ${metricLabel} against ${againstLabel}, with 95 % intervals`}
        columns={['Strategy', 'Difference', 'Lower', 'Upper', 'Verdict']}
        rows={rows.map((r) => ({
          key: r.id,
          cells: [
            r.label,
            r.difference === null ? '–' : sign(r.difference),
            r.lo === null ? '–' : sign(r.lo),
            r.hi === null ? '–' : sign(r.hi),
            r.verdict,
          ],
        }))}
      />
    </ChartFigure>
  );
}
