/** The time head: predicted against actual seconds of the held-out tasks, one binned scatter per strategy
 *  on the same log-spaced bins (darker = more tasks); cells on the dashed diagonal were predicted in their
 *  own time bin. Under each: mean and median error, and the share within one bin of the truth. */
import type { TimeScatterSeries } from './chart-types';
import { INK, MUTED, percentText } from './chart-theme';
import { ChartFigure } from './ChartFigure';
import { ChartPanel } from './ChartPanel';
import { DataTable } from './DataTable';
import { seriesColor } from './strategy-colors';

export interface TimeScatterChartProps {
  series: TimeScatterSeries[];
}

/** "2 s", "1 min", "1 h". */
export function secondsText(s: number): string {
  if (s >= 3600) return `${+(s / 3600).toFixed(1)} h`;
  if (s >= 60) return `${+(s / 60).toFixed(1)} min`;
  return `${s} s`;
}

const VIEW = { w: 280, h: 250, left: 46, bottom: 40, top: 6, right: 8 };

function TimeScatterPanel({ series }: { series: TimeScatterSeries }) {
  const color = seriesColor(series);
  const bins = series.edgesSeconds.length + 1;
  const plotW = VIEW.w - VIEW.left - VIEW.right;
  const plotH = VIEW.h - VIEW.top - VIEW.bottom;
  const cw = plotW / bins;
  const ch = plotH / bins;
  const max = Math.max(1, ...series.counts.flat());
  // Every other edge labelled: the axis stays readable at phone width.
  const labelled = series.edgesSeconds.map((e, i) => ({ e, i })).filter(({ i }) => i % 2 === 1);
  return (
    <ChartPanel label={series.label} color={color}>
      <svg
        className="time-scatter"
        viewBox={`0 0 ${VIEW.w} ${VIEW.h}`}
        width="100%"
        role="img"
        aria-label={`${series.label}: predicted against actual time, ${series.n} held-out tasks`}
      >
        <rect x={VIEW.left} y={VIEW.top} width={plotW} height={plotH} fill="#f7f8fa" />
        {series.counts.map((row, a) =>
          row.map((c, p) =>
            c === 0 ? null : (
              <rect
                key={`${a}-${p}`}
                x={VIEW.left + a * cw + 0.5}
                y={VIEW.top + (bins - 1 - p) * ch + 0.5}
                width={cw - 1}
                height={ch - 1}
                fill={color}
                fillOpacity={0.15 + 0.85 * Math.sqrt(c / max)}
              >
                <title>{`${c} tasks`}</title>
              </rect>
            ),
          ),
        )}
        <line
          x1={VIEW.left}
          y1={VIEW.top + plotH}
          x2={VIEW.left + plotW}
          y2={VIEW.top}
          stroke={MUTED}
          strokeDasharray="4 3"
        />
        {labelled.map(({ e, i }) => (
          <g key={e}>
            <text
              x={VIEW.left + (i + 1) * cw}
              y={VIEW.top + plotH + 12}
              fontSize={9.5}
              textAnchor="middle"
              fill={MUTED}
            >
              {secondsText(e)}
            </text>
            <text
              x={VIEW.left - 4}
              y={VIEW.top + (bins - 1 - i) * ch + 3}
              fontSize={9.5}
              textAnchor="end"
              fill={MUTED}
            >
              {secondsText(e)}
            </text>
          </g>
        ))}
        <text x={VIEW.left + plotW / 2} y={VIEW.h - 6} fontSize={11} textAnchor="middle" fill={INK}>
          actual time (log scale)
        </text>
        <text
          x={11}
          y={VIEW.top + plotH / 2}
          fontSize={11}
          textAnchor="middle"
          fill={INK}
          transform={`rotate(-90 11 ${VIEW.top + plotH / 2})`}
        >
          predicted time
        </text>
      </svg>
      <p className="chart-panel__stats">
        <span>mean error {series.maeSeconds === null ? '–' : `${series.maeSeconds.toFixed(1)} s`}</span>
        <span>
          median{' '}
          {series.medianAbsErrorSeconds === null ? '–' : `${series.medianAbsErrorSeconds.toFixed(1)} s`}
        </span>
        <span>within one bin {percentText(series.nearDiagonalShare)}</span>
        <span>n = {series.n.toLocaleString('en-US')}</span>
      </p>
    </ChartPanel>
  );
}

export function TimeScatterChart({ series }: TimeScatterChartProps) {
  const edges = series[0]?.edgesSeconds ?? [];
  const binName = (i: number) =>
    i === 0
      ? `under ${secondsText(edges[0] ?? 0)}`
      : i === edges.length
        ? `${secondsText(edges[i - 1] ?? 0)} and more`
        : `${secondsText(edges[i - 1] ?? 0)}–${secondsText(edges[i] ?? 0)}`;
  return (
    <ChartFigure
      label="Predicted against actual answering time, by strategy"
      caption="Time head: predicted against actual time"
      note="Held-out tasks binned by actual (across) and predicted (up) seconds, same bins in every panel; darker = more tasks; on the dashed diagonal the prediction fell in the right bin."
    >
      <div className="chart-grid">
        {series.map((s) => (
          <TimeScatterPanel key={s.id} series={s} />
        ))}
      </div>
      <DataTable
        caption="Held-out tasks by actual and predicted time bin, by strategy"
        columns={[
          'Strategy',
          'Mean error (s)',
          'Median error (s)',
          'Within one bin',
          'Cells: actual → predicted: tasks',
        ]}
        rows={series.map((s) => ({
          key: s.id,
          cells: [
            s.label,
            s.maeSeconds === null ? '–' : s.maeSeconds.toFixed(1),
            s.medianAbsErrorSeconds === null ? '–' : s.medianAbsErrorSeconds.toFixed(1),
            percentText(s.nearDiagonalShare),
            s.counts
              .flatMap((row, a) => row.map((c, p) => (c > 0 ? `${binName(a)} → ${binName(p)}: ${c}` : '')))
              .filter(Boolean)
              .join('; '),
          ],
        }))}
      />
    </ChartFigure>
  );
}
