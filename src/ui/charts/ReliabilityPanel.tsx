/** One strategy's reliability diagram (a panel of ReliabilityChart): observed correct rate against mean
 *  predicted probability per bin, dot area by bin size, the diagonal = perfectly calibrated. */
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReliabilitySeries } from './chart-types';
import { GRID_STROKE, percentText, PROBABILITY_AXIS, xAxisTitle, yAxisTitle } from './chart-theme';
import { ChartPanel, ChartPlot } from './ChartPanel';
import { BASELINE_COLOR, seriesColor } from './strategy-colors';

export interface ReliabilityPanelProps {
  series: ReliabilitySeries;
  /** Largest bin size across all panels, so dot sizes compare between panels. */
  maxN: number;
  height: number;
}

interface Point {
  x: number;
  y: number;
  n: number;
}

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: Point;
}

export function ReliabilityPanel({ series, maxN, height }: ReliabilityPanelProps) {
  const color = seriesColor(series);
  const points: Point[] = series.bins
    .filter((b) => b.n > 0 && b.meanPredicted !== null && b.observedRate !== null)
    .map((b) => ({ x: b.meanPredicted ?? 0, y: b.observedRate ?? 0, n: b.n }))
    .sort((a, b) => a.x - b.x);
  const total = series.bins.reduce((sum, b) => sum + b.n, 0);
  const renderDot = ({ cx, cy, payload }: DotProps) => {
    if (cx === undefined || cy === undefined || !payload) return <g key={`${cx}-${cy}`} />;
    const r = 2 + 6 * Math.sqrt(payload.n / Math.max(maxN, 1));
    return (
      <circle
        key={`${cx}-${cy}`}
        cx={cx}
        cy={cy}
        r={r}
        fill={color}
        fillOpacity={0.75}
        stroke="#fff"
        strokeWidth={1}
      />
    );
  };
  return (
    <ChartPanel label={series.label} color={color}>
      <ChartPlot height={height}>
        <LineChart
          data={points}
          margin={{ top: 8, right: 18, bottom: 6, left: -2 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={GRID_STROKE} />
          <ReferenceLine
            segment={[
              { x: 0, y: 0 },
              { x: 1, y: 1 },
            ]}
            stroke={BASELINE_COLOR}
            strokeDasharray="4 3"
          />
          <XAxis
            dataKey="x"
            type="number"
            {...PROBABILITY_AXIS}
            interval={0}
            height={34}
            label={xAxisTitle('mean predicted P(correct)')}
          />
          <YAxis {...PROBABILITY_AXIS} width={50} label={yAxisTitle('observed correct', 10, 44)} />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(_x, payload) => {
              const p = payload[0]?.payload as Point | undefined;
              return p ? `predicted ${percentText(p.x, 1)} · ${p.n} predictions` : '';
            }}
            formatter={(value) => [percentText(Number(value), 1), 'observed correct']}
          />
          <Line
            dataKey="y"
            stroke={color}
            strokeWidth={1.5}
            dot={renderDot}
            activeDot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ChartPlot>
      <p className="chart-panel__stats">
        <span>n = {total.toLocaleString('en-US')}</span>
        <span>
          {points.length} of {series.bins.length} bins used
        </span>
      </p>
    </ChartPanel>
  );
}
