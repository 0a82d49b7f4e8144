/** Per-user spread of predictions as grouped bars: one group per strategy (its colour), one bar per
 *  user (given order; first solid, later ones lighter), y = std; each group shows its variance ratio. */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BarShapeProps, XAxisTickContentProps } from 'recharts';
import type { UserSpreadSeries } from './chart-types';
import {
  AXIS,
  AXIS_STROKE,
  GRID_STROKE,
  niceScale,
  numberText,
  ratioExceeds,
  ratioText,
} from './chart-theme';
import { ChartFigure } from './ChartFigure';
import { DataTable } from './DataTable';
import { SpreadGroupTick } from './SpreadGroupTick';
import { seriesColor } from './strategy-colors';

export interface UserSpreadBarsProps {
  series: UserSpreadSeries[];
  /** Users in display order (e.g. by task count); the first `maxUsers` get bars. */
  users: string[];
  /** A ratio above this is flagged; default 3. */
  maxVarianceRatio?: number;
  /** Most users drawn per group; default 8. */
  maxUsers?: number;
  /** Plot height in px; default 300. */
  height?: number;
}

type Row = { id: string; color: string } & Record<string, number | string | undefined>;

const userKey = (i: number) => `u${i}`;
/** Bar opacity by user position: first user solid, later ones lighter, so order reads across groups. */
const opacityAt = (i: number, count: number) => (count <= 1 ? 1 : 1 - (0.65 * i) / (count - 1));

export function UserSpreadBars({
  series,
  users,
  maxVarianceRatio = 3,
  maxUsers = 8,
  height = 300,
}: UserSpreadBarsProps) {
  const shown = users.slice(0, maxUsers);
  const rows: Row[] = series.map((s) => {
    const row: Row = { id: s.id, color: seriesColor(s) };
    const stdBy = new Map(s.perUser.map((u) => [u.userId, u.std]));
    shown.forEach((u, i) => (row[userKey(i)] = stdBy.get(u)));
    return row;
  });
  const maxStd = Math.max(0.05, ...series.flatMap((s) => s.perUser.map((u) => u.std)));
  const { max, ticks } = niceScale(maxStd, 4);
  const byId = new Map(series.map((s) => [s.id, s]));
  const lineWidth = series.length > 4 ? 16 : 28;
  const renderTick = (p: XAxisTickContentProps) => (
    <SpreadGroupTick
      x={Number(p.x)}
      y={Number(p.y)}
      group={byId.get(String(p.payload.value))}
      maxVarianceRatio={maxVarianceRatio}
      lineWidth={lineWidth}
    />
  );
  /** A user's bar in the strategy's colour; a zero spread still shows as a 2 px stub at the baseline. */
  const renderBar = (i: number) =>
    function renderUserBar(p: BarShapeProps) {
      const row = p.payload as Row | undefined;
      if (typeof row?.[userKey(i)] !== 'number') return <g />;
      const stub = p.height < 2;
      return (
        <rect
          x={p.x}
          y={stub ? p.y + p.height - 2 : p.y}
          width={p.width}
          height={stub ? 2 : p.height}
          fill={row.color}
          fillOpacity={opacityAt(i, shown.length)}
        />
      );
    };
  const hidden = users.length - shown.length;
  return (
    <ChartFigure
      label="Spread of predictions per user, by strategy"
      caption="Spread of predictions per user"
      note={`Standard deviation of each user's predictions over all topics and difficulties; ratio = largest / smallest, limit ${maxVarianceRatio}.`}
      footnote={
        hidden > 0
          ? `${hidden} other user${hidden === 1 ? '' : 's'} not shown (the table lists only those drawn).`
          : undefined
      }
    >
      <div className="chart__plot" style={{ height }} aria-hidden="true">
        <ResponsiveContainer width="100%" height={height}>
          <BarChart
            data={rows}
            margin={{ top: 8, right: 8, bottom: 4, left: -8 }}
            barCategoryGap="18%"
            barGap={1}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke={GRID_STROKE} vertical={false} />
            <XAxis
              dataKey="id"
              tick={renderTick}
              interval={0}
              height={52}
              stroke={AXIS_STROKE}
              tickSize={3}
            />
            <YAxis
              domain={[0, max]}
              ticks={ticks}
              {...AXIS}
              width={48}
              tickFormatter={(v: number) => v.toFixed(2)}
            />
            <Tooltip
              isAnimationActive={false}
              cursor={{ fill: '#eef1f6' }}
              labelFormatter={(id) => series.find((s) => s.id === id)?.label ?? String(id)}
              formatter={(value, name) => [numberText(Number(value), 3), String(name)]}
            />
            {shown.map((u, i) => (
              <Bar key={u} dataKey={userKey(i)} name={u} isAnimationActive={false} shape={renderBar(i)} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="chart-legend" aria-label="Users, bar order within each group">
        <li className="chart-legend__key">Bars left to right:</li>
        {shown.map((u, i) => (
          <li key={u}>
            <span
              className="swatch"
              style={{ background: '#1d2330', opacity: opacityAt(i, shown.length) }}
              aria-hidden="true"
            />
            {u}
          </li>
        ))}
      </ul>
      <DataTable
        caption="Standard deviation of predictions per user, by strategy"
        columns={['Strategy', 'Variance ratio', 'Within limit', ...shown]}
        rows={series.map((s, r) => ({
          key: s.id,
          cells: [
            s.label,
            ratioText(s.varianceRatio),
            ratioExceeds(s.varianceRatio, maxVarianceRatio) ? 'no' : 'yes',
            ...shown.map((_u, i) => numberText(rows[r]?.[userKey(i)] as number | undefined, 3)),
          ],
        }))}
      />
    </ChartFigure>
  );
}
