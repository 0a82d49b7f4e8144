/** Live training curves: training loss (solid) and validation loss (dashed) per epoch, one colour per
 *  strategy. Redrawn every epoch, so no animation, no dots, and rows built in one pass. */
import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { LossSeries } from './chart-types';
import {
  AXIS,
  GRID_STROKE,
  niceRange,
  niceScale,
  numberText,
  stepDigits,
  xAxisTitle,
  yAxisTitle,
} from './chart-theme';
import { ChartFigure } from './ChartFigure';
import { ChartPlot } from './ChartPanel';
import { DataTable } from './DataTable';
import { SeriesLegend } from './SeriesLegend';
import { seriesColor } from './strategy-colors';

export interface LossCurvesProps {
  series: LossSeries[];
  /** Plot height in px; default 260. */
  height?: number;
  /** Planned epochs: fixes the x-axis while training runs, so it does not rescale every epoch. */
  maxEpochs?: number;
}

type Row = Record<string, number | null | undefined> & { epoch: number };

const lossKey = (i: number) => `l${i}`;
const valKey = (i: number) => `v${i}`;

function toRows(series: LossSeries[]): Row[] {
  const epochs = Math.max(0, ...series.map((s) => Math.max(s.losses.length, s.valLosses.length)));
  return Array.from({ length: epochs }, (_, e) => {
    const row: Row = { epoch: e + 1 };
    series.forEach((s, i) => {
      row[lossKey(i)] = s.losses[e];
      row[valKey(i)] = s.valLosses[e];
    });
    return row;
  });
}

/** Round ticks around every finite loss (never below 0); 0–1 before the first epoch. */
function lossScale(series: LossSeries[]): { lo: number; hi: number; ticks: number[]; step: number } {
  const values = series
    .flatMap((s) => [...s.losses, ...s.valLosses])
    .filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length === 0) return niceRange(0, 1, 4);
  const r = niceRange(Math.max(0, Math.min(...values)), Math.max(...values), 5);
  return { ...r, lo: Math.max(0, r.lo), ticks: r.ticks.filter((t) => t >= 0) };
}

function bestVal(s: LossSeries): string {
  let bestLoss = Infinity;
  let bestEpoch = 0;
  s.valLosses.forEach((v, e) => {
    if (v !== null && Number.isFinite(v) && v < bestLoss) {
      bestLoss = v;
      bestEpoch = e + 1;
    }
  });
  return bestEpoch > 0 ? `${numberText(bestLoss)} at epoch ${bestEpoch}` : '–';
}

export function LossCurves({ series, height = 260, maxEpochs }: LossCurvesProps) {
  const rows = useMemo(() => toRows(series), [series]);
  const scale = useMemo(() => lossScale(series), [series]);
  const digits = stepDigits(scale.step);
  const x = niceScale(Math.max(maxEpochs ?? 0, rows.length, 5), 6);
  return (
    <ChartFigure
      label="Training and validation loss per epoch, by strategy"
      caption="Training curves"
      note="Log loss per epoch; solid = training, dashed = validation. A widening gap means overfitting."
      footnote={rows.length === 0 ? 'Waiting for the first epoch…' : undefined}
    >
      <ChartPlot height={height}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: -8 }} accessibilityLayer={false}>
          <CartesianGrid stroke={GRID_STROKE} />
          <XAxis
            dataKey="epoch"
            type="number"
            domain={[0, x.max]}
            ticks={x.ticks}
            {...AXIS}
            height={40}
            label={xAxisTitle('epoch', 2)}
          />
          <YAxis
            domain={[scale.lo, scale.hi]}
            ticks={scale.ticks}
            allowDataOverflow
            {...AXIS}
            width={56}
            tickFormatter={(v: number) => v.toFixed(digits)}
            label={yAxisTitle('log loss', 10, 24)}
          />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(epoch) => `epoch ${epoch}`}
            formatter={(value, name) => [numberText(Number(value)), String(name)]}
          />
          {series.flatMap((s, i) => [
            <Line
              key={`${s.id}-loss`}
              dataKey={lossKey(i)}
              name={`${s.label}, training`}
              stroke={seriesColor(s)}
              strokeWidth={2}
              dot={false}
              activeDot={false}
              isAnimationActive={false}
            />,
            <Line
              key={`${s.id}-val`}
              dataKey={valKey(i)}
              name={`${s.label}, validation`}
              stroke={seriesColor(s)}
              strokeWidth={1.5}
              strokeDasharray="5 4"
              dot={false}
              activeDot={false}
              connectNulls
              isAnimationActive={false}
            />,
          ])}
        </LineChart>
      </ChartPlot>
      <SeriesLegend
        series={series}
        lineStyles={[{ label: 'training loss' }, { label: 'validation loss', dashed: true }]}
      />
      <DataTable
        caption="Training progress by strategy"
        columns={['Strategy', 'Epochs', 'Last training loss', 'Last validation loss', 'Best validation loss']}
        rows={series.map((s) => ({
          key: s.id,
          cells: [
            s.label,
            s.losses.length,
            numberText(s.losses[s.losses.length - 1]),
            numberText(s.valLosses[s.valLosses.length - 1]),
            bestVal(s),
          ],
        }))}
      />
    </ChartFigure>
  );
}
