/** One strategy's response to consecutive answers for the chosen user (a panel of ResponseProbeChart): the
 *  path after correct answers (solid, dots) and after incorrect ones (dashed) on a y-axis fitted to this
 *  panel's values, each path's change from its first point printed at its end, and the ✓/✗ with its reason. */
import { CartesianGrid, LabelList, Line, LineChart, XAxis, YAxis } from 'recharts';
import type { ProbePanelSeries } from './chart-types';
import {
  AXIS,
  fittedProbabilityRange,
  GRID_STROKE,
  stepDigits,
  WARN,
  xAxisTitle,
  yAxisTitle,
} from './chart-theme';
import { ChartPanel, ChartPlot } from './ChartPanel';
import { seriesColor } from './strategy-colors';

export interface ProbePanelProps {
  series: ProbePanelSeries;
  height: number;
}

const pts = (change: number) => {
  const v = Math.abs(change * 100).toFixed(1);
  return v === '0.0' ? '±0.0' : `${change > 0 ? '+' : '−'}${v}`;
};

interface EndLabelProps {
  x?: number | string;
  y?: number | string;
  index?: number;
}

export function ProbePanel({ series, height }: ProbePanelProps) {
  const color = seriesColor(series);
  const { decision } = series;
  const steps = Math.max(series.afterCorrect.length, series.afterIncorrect.length);
  const rows = Array.from({ length: steps }, (_, step) => ({
    step,
    correct: series.afterCorrect[step],
    incorrect: series.afterIncorrect[step],
  }));
  const domain = fittedProbabilityRange([...series.afterCorrect, ...series.afterIncorrect]);
  const digits = Math.max(0, stepDigits(domain.step * 100));
  const last = steps - 1;
  const endLabel = (change: number, above: boolean) =>
    function EndLabel({ x, y, index }: EndLabelProps) {
      if (index !== last || x === undefined || y === undefined) return null;
      return (
        <text
          x={Number(x) + 6}
          y={Number(y) + (above ? -6 : 12)}
          fontSize={11}
          fontWeight={600}
          fill={color}
          textAnchor="start"
        >
          {pts(change)}
        </text>
      );
    };
  return (
    <ChartPanel label={series.label} color={color} flagged={!decision.pass}>
      <ChartPlot height={height}>
        <LineChart data={rows} margin={{ top: 14, right: 48, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke={GRID_STROKE} />
          <XAxis
            dataKey="step"
            type="number"
            domain={[0, last]}
            ticks={rows.map((r) => r.step)}
            {...AXIS}
            height={34}
            label={xAxisTitle('answers added')}
          />
          <YAxis
            domain={[domain.lo, domain.hi]}
            ticks={domain.ticks}
            allowDataOverflow
            tickFormatter={(v: number) => `${(v * 100).toFixed(digits)}%`}
            {...AXIS}
            // "57.5%" needs more room than "58%", or the axis title runs into the ticks.
            width={digits > 0 ? 62 : 54}
            label={yAxisTitle('P(correct)', 8, 30)}
          />
          <Line
            dataKey="correct"
            stroke={color}
            strokeWidth={2.2}
            dot={{ r: 3, strokeWidth: 0, fill: color }}
            activeDot={false}
            isAnimationActive={false}
          >
            <LabelList content={endLabel(decision.correctChange, true)} />
          </Line>
          <Line
            dataKey="incorrect"
            stroke={color}
            strokeWidth={1.8}
            strokeDasharray="5 4"
            dot={{ r: 2.5, strokeWidth: 1.2, fill: '#fff', stroke: color }}
            activeDot={false}
            isAnimationActive={false}
          >
            <LabelList content={endLabel(decision.incorrectChange, false)} />
          </Line>
        </LineChart>
      </ChartPlot>
      <p className={`probe-verdict probe-verdict--${decision.pass ? 'pass' : 'fail'}`}>
        <span className="probe-verdict__mark" style={{ color: decision.pass ? undefined : WARN }}>
          {decision.pass ? '✓' : '✗'}
        </span>{' '}
        {decision.pass ? 'responsive' : 'not responsive'}: {decision.reason}
      </p>
    </ChartPanel>
  );
}
