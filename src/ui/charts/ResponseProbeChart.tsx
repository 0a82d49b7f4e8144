/** Response probe: each strategy's predicted chance of a correct answer as 0–5 consecutive answers are
 *  appended to one user's history; solid = after correct (should rise), dashed = after incorrect. */
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ProbeSeries } from './chart-types';
import { AXIS, GRID_STROKE, percentText, PROBABILITY_AXIS } from './chart-theme';
import { ChartFigure } from './ChartFigure';
import { DataTable } from './DataTable';
import { SeriesLegend } from './SeriesLegend';
import { seriesColor } from './strategy-colors';

export interface ResponseProbeChartProps {
  series: ProbeSeries[];
  userId: string;
  topic: string;
  difficulty: string;
  /** Plot height in px; default 280. */
  height?: number;
}

type Row = Record<string, number | undefined> & { step: number };

const correctKey = (i: number) => `c${i}`;
const incorrectKey = (i: number) => `i${i}`;

function toRows(series: ProbeSeries[]): Row[] {
  const steps = Math.max(6, ...series.map((s) => Math.max(s.afterCorrect.length, s.afterIncorrect.length)));
  return Array.from({ length: steps }, (_, step) => {
    const row: Row = { step };
    series.forEach((s, i) => {
      row[correctKey(i)] = s.afterCorrect[step];
      row[incorrectKey(i)] = s.afterIncorrect[step];
    });
    return row;
  });
}

const valuesText = (values: number[]) => values.map((v) => percentText(v, 1)).join(', ');

export function ResponseProbeChart({
  series,
  userId,
  topic,
  difficulty,
  height = 280,
}: ResponseProbeChartProps) {
  const rows = toRows(series);
  const lastStep = rows.length - 1;
  return (
    <ChartFigure
      label={`Response to consecutive answers for ${userId}, ${topic}, ${difficulty}`}
      caption="Response to consecutive answers"
      note={`${userId} · ${topic} · ${difficulty}: predicted chance of a correct answer after each appended answer.`}
    >
      <div className="chart__plot" style={{ height }} aria-hidden="true">
        <ResponsiveContainer width="100%" height={height}>
          <LineChart
            data={rows}
            margin={{ top: 8, right: 16, bottom: 4, left: -8 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke={GRID_STROKE} />
            <XAxis
              dataKey="step"
              type="number"
              domain={[0, lastStep]}
              ticks={rows.map((r) => r.step)}
              {...AXIS}
              height={40}
              label={{
                value: 'answers appended',
                position: 'insideBottom',
                offset: 2,
                fontSize: 11,
                fill: '#5b6475',
              }}
            />
            <YAxis {...PROBABILITY_AXIS} width={48} />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(step) => `${step} answer${step === 1 ? '' : 's'} appended`}
              formatter={(value, name) => [percentText(Number(value), 1), String(name)]}
            />
            {series.flatMap((s, i) => [
              <Line
                key={`${s.id}-correct`}
                dataKey={correctKey(i)}
                name={`${s.label}, after correct`}
                stroke={seriesColor(s)}
                strokeWidth={2}
                dot={{ r: 2.5, strokeWidth: 0, fill: seriesColor(s) }}
                isAnimationActive={false}
              />,
              <Line
                key={`${s.id}-incorrect`}
                dataKey={incorrectKey(i)}
                name={`${s.label}, after incorrect`}
                stroke={seriesColor(s)}
                strokeWidth={2}
                strokeDasharray="5 4"
                dot={false}
                isAnimationActive={false}
              />,
            ])}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <SeriesLegend
        series={series}
        lineStyles={[{ label: 'after correct answers' }, { label: 'after incorrect answers', dashed: true }]}
      />
      <DataTable
        caption={`Predicted chance of a correct answer after 0 to ${lastStep} appended answers, ${userId}, ${topic}, ${difficulty}`}
        columns={['Strategy', 'After correct answers', 'After incorrect answers']}
        rows={series.map((s) => ({
          key: s.id,
          cells: [s.label, valuesText(s.afterCorrect), valuesText(s.afterIncorrect)],
        }))}
      />
    </ChartFigure>
  );
}
