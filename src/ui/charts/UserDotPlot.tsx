/** Per-user values as a dot plot: one row per strategy, one mark per user on a shared value axis — each
 *  user keeps one marker shape in every row (the legend shows the same marks), the strategy's colour fills
 *  them. The users with the most tasks get their own shape; "Show all users" adds everyone else as small
 *  open circles, and every number is in a table below. */
import { useState, type ReactNode } from 'react';
import { CartesianGrid, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { UserDotSeries } from './chart-types';
import { AXIS, AXIS_TITLE, GRID_STROKE, INK, MUTED, niceScale, WARN, wrapLabel } from './chart-theme';
import { byUser, MAX_TABLE_USERS, perUserRows } from '../../core/report/per-user-rows';
import { ChartFigure } from './ChartFigure';
import { StrategyHeads, ValueCells } from './PerUserCells';
import { ChartPlot } from './ChartPanel';
import { Mark, MarkSwatch, markerShape } from './markers';
import { seriesColor } from './strategy-colors';
import { count } from '../common/format';

export interface UserDotPlotProps {
  /** Accessible name and visible caption of the figure. */
  label: string;
  caption: string;
  note?: ReactNode;
  series: UserDotSeries[];
  /** Users in display order (e.g. most tasks first); the first `highlighted` get their own marker. */
  users: string[];
  /** Title of the value axis, with its unit. */
  valueTitle: string;
  format(value: number): string;
  /** Users with their own marker; default 8. */
  highlighted?: number;
}

interface Point {
  x: number;
  y: number;
  user: string;
  strategy: string;
  color: string;
}

const ROW_PX = 46;
const OTHER_COLOR = '#8a93a3';

export function UserDotPlot({
  label,
  caption,
  note,
  series,
  users,
  valueTitle,
  format,
  highlighted = 8,
}: UserDotPlotProps) {
  const [showAll, setShowAll] = useState(false);
  const top = users.slice(0, highlighted);
  const others = users.slice(highlighted);
  const drawn = showAll ? users : top;
  const lookups = new Map(series.map((s) => [s, byUser(s.values, (v) => v.value)]));
  const listed = users.slice(0, MAX_TABLE_USERS);
  const spreadAt = (k: number) => (drawn.length <= 1 ? 0 : (k / (drawn.length - 1) - 0.5) * 0.62);
  const pointsOf = (user: string, k: number): Point[] =>
    series.flatMap((s, row) => {
      const v = lookups.get(s)?.(user);
      return v === null || v === undefined || !Number.isFinite(v)
        ? []
        : [{ x: v, y: row + spreadAt(k), user, strategy: s.label, color: seriesColor(s) }];
    });
  const max = Math.max(
    0,
    ...series.flatMap((s) =>
      s.values.map((v) => (v.value !== null && Number.isFinite(v.value) ? v.value : 0)),
    ),
  );
  const x = niceScale(max > 0 ? max : 1, 4);
  const height = series.length * ROW_PX + 56;
  const renderTick = (p: { x?: number | string; y?: number | string; payload?: { value: number } }) => {
    const s = series[Number(p.payload?.value)];
    if (!s) return <g />;
    const lines = wrapLabel(s.label, 17);
    const y0 = Number(p.y) - (lines.length + (s.footer ? 1 : 0) - 1) * 6.5;
    return (
      <g transform={`translate(${Number(p.x) - 6},${y0})`}>
        {lines.map((line, i) => (
          <text key={i} x={0} y={i * 13} dy={4} textAnchor="end" fontSize={11} fill={INK}>
            {line}
          </text>
        ))}
        {s.footer && (
          <text
            x={0}
            y={lines.length * 13}
            dy={4}
            textAnchor="end"
            fontSize={10.5}
            fontWeight={s.footerWarn ? 700 : 400}
            fill={s.footerWarn ? WARN : MUTED}
          >
            {s.footer}
          </text>
        )}
      </g>
    );
  };
  return (
    <ChartFigure
      label={label}
      caption={caption}
      note={note}
      footnote={
        others.length > 0 && !showAll
          ? `${others.length} more user${others.length === 1 ? '' : 's'} not drawn: Show all users, or read every number in the table.`
          : undefined
      }
    >
      <ChartPlot height={height}>
        <ScatterChart margin={{ top: 6, right: 14, bottom: 4, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke={GRID_STROKE} horizontal={false} />
          {series.slice(1).map((s, i) => (
            <ReferenceLine key={s.id} y={i + 0.5} stroke={GRID_STROKE} />
          ))}
          <XAxis
            type="number"
            dataKey="x"
            domain={[0, x.max]}
            ticks={x.ticks}
            tickFormatter={format}
            {...AXIS}
            height={38}
            // Right-aligned: on a phone the title then runs left under the row labels instead of off the edge.
            label={{ value: valueTitle, position: 'insideBottomRight', offset: 0, ...AXIS_TITLE }}
          />
          <YAxis
            type="number"
            dataKey="y"
            domain={[-0.5, series.length - 0.5]}
            ticks={series.map((_, i) => i)}
            reversed
            interval={0}
            tick={renderTick}
            width={128}
            stroke="#c5cbd6"
            tickSize={3}
          />
          <Tooltip
            isAnimationActive={false}
            cursor={false}
            content={({ active, payload }) => {
              const point = payload?.[0]?.payload as Point | undefined;
              return active && point ? (
                <div className="chart-tooltip">
                  <strong>{point.user}</strong>
                  <br />
                  {point.strategy}: {format(point.x)}
                </div>
              ) : null;
            }}
          />
          {showAll && (
            <Scatter
              data={others.flatMap((u) => pointsOf(u, drawn.indexOf(u)))}
              isAnimationActive={false}
              shape={(p: { cx?: number; cy?: number }) => (
                <circle cx={p.cx} cy={p.cy} r={3} fill="none" stroke={OTHER_COLOR} strokeWidth={1.2} />
              )}
            />
          )}
          {top.map((u, k) => (
            <Scatter
              key={u}
              data={pointsOf(u, k)}
              isAnimationActive={false}
              shape={(p: { cx?: number; cy?: number; payload?: Point }) => (
                <Mark shape={markerShape(k)} x={p.cx ?? 0} y={p.cy ?? 0} color={p.payload?.color ?? INK} />
              )}
            />
          ))}
        </ScatterChart>
      </ChartPlot>
      <div className="dot-legend">
        <ul className="chart-legend" aria-label="Users and their markers">
          {top.map((u, k) => (
            <li key={u}>
              <MarkSwatch shape={markerShape(k)} color={INK} />
              <span className="dot-legend__user">{u}</span>
            </li>
          ))}
          {showAll && others.length > 0 && (
            <li>
              <svg className="mark-swatch" width={14} height={14} viewBox="-7 -7 14 14" aria-hidden="true">
                <circle r={3.2} fill="none" stroke={OTHER_COLOR} strokeWidth={1.3} />
              </svg>
              {others.length} other users
            </li>
          )}
        </ul>
        {others.length > 0 && (
          <button
            type="button"
            className="button--small button--secondary"
            aria-pressed={showAll}
            onClick={() => setShowAll(!showAll)}
          >
            {showAll ? `Show the top ${top.length} only` : `Show all ${count(users.length)} users`}
          </button>
        )}
      </div>
      <details className="chart-numbers">
        <summary>Every user&apos;s numbers</summary>
        <div
          className="table-scroll"
          role="region"
          aria-label={`${caption}: every user (scrolls)`}
          tabIndex={0}
        >
          <table className="table table--compact">
            <caption>
              {caption}:{' '}
              {listed.length < users.length
                ? `the first ${count(listed.length)} of ${count(users.length)} users`
                : 'every user'}{' '}
              (rows) under every strategy (columns)
            </caption>
            <thead>
              <tr>
                <th scope="col">User</th>
                <StrategyHeads strategies={series} />
              </tr>
            </thead>
            <tbody>
              {perUserRows(listed, series, (s, u) => lookups.get(s)?.(u), format).map((row) => (
                <tr key={row.userId}>
                  <th scope="row" className="cell-name">
                    {row.userId}
                  </th>
                  <ValueCells row={row} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </ChartFigure>
  );
}
