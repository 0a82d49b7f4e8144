/** One strategy's prediction histogram (a panel of PredictionHistograms): share of predictions per
 *  5 % bin on a shared y-axis, the saturated zones (<1 %, >99 %) shaded, its key numbers below. */
import { Bar, BarChart, CartesianGrid, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import type { HistogramSeries } from './chart-types';
import { AXIS, GRID_STROKE, percentText, percentTick, WARN, xAxisTitle, yAxisTitle } from './chart-theme';
import { ChartPanel, ChartPlot } from './ChartPanel';
import { seriesColor } from './strategy-colors';

export interface HistogramPanelProps {
  series: HistogramSeries;
  /** Shared y-axis maximum (share of predictions) and its ticks. */
  yMax: number;
  yTicks: number[];
  /** Saturation above the limit: the panel is outlined and tagged. */
  flagged: boolean;
  maxSaturatedShare: number;
  height: number;
}

interface BinRow {
  x: number;
  lower: number;
  upper: number;
  share: number;
  count: number;
}

function toRows(s: HistogramSeries): BinRow[] {
  const width = 1 / Math.max(s.counts.length, 1);
  const total = s.n > 0 ? s.n : s.counts.reduce((a, b) => a + b, 0);
  return s.counts.map((count, i) => ({
    x: (i + 0.5) * width,
    lower: i * width,
    upper: (i + 1) * width,
    share: total > 0 ? count / total : 0,
    count,
  }));
}

export function HistogramPanel({
  series,
  yMax,
  yTicks,
  flagged,
  maxSaturatedShare,
  height,
}: HistogramPanelProps) {
  const color = seriesColor(series);
  const rows = toRows(series);
  return (
    <ChartPanel label={series.label} color={color} flagged={flagged}>
      <ChartPlot height={height}>
        <BarChart
          data={rows}
          margin={{ top: 6, right: 18, bottom: 6, left: -2 }}
          barCategoryGap="6%"
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={GRID_STROKE} vertical={false} />
          {/* Drawn over the bars (zIndex above bars) so a pile-up at the edges reads as saturated. */}
          <ReferenceArea x1={0} x2={0.01} fill={WARN} fillOpacity={0.4} stroke="none" zIndex={350} />
          <ReferenceArea x1={0.99} x2={1} fill={WARN} fillOpacity={0.4} stroke="none" zIndex={350} />
          <XAxis
            dataKey="x"
            type="number"
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tickFormatter={percentTick}
            {...AXIS}
            interval={0}
            height={34}
            label={xAxisTitle('predicted P(correct)')}
          />
          <YAxis
            domain={[0, yMax]}
            ticks={yTicks}
            tickFormatter={percentTick}
            {...AXIS}
            allowDataOverflow
            width={50}
            label={yAxisTitle('share', 10, 14)}
          />
          <Tooltip
            cursor={{ fill: '#eef1f6' }}
            isAnimationActive={false}
            formatter={(value, _name, item) => {
              const row = item.payload as BinRow;
              return [`${percentText(Number(value), 1)} (${row.count})`, 'predictions'];
            }}
            labelFormatter={(_label, payload) => {
              const row = payload[0]?.payload as BinRow | undefined;
              return row ? `${percentText(row.lower)}–${percentText(row.upper)}` : '';
            }}
          />
          <Bar dataKey="share" fill={color} isAnimationActive={false} />
        </BarChart>
      </ChartPlot>
      <p className="chart-panel__stats">
        <span className={flagged ? 'chart-stat--warn' : undefined}>
          saturated {percentText(series.saturatedShare)}
          {flagged && ` > ${percentText(maxSaturatedShare)}`}
        </span>
        <span>{series.distinctPercent} distinct %</span>
        <span>n = {series.n.toLocaleString('en-US')}</span>
      </p>
    </ChartPanel>
  );
}
