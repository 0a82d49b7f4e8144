/** X-axis tick of UserSpreadBars: the strategy label (up to two lines) and, under it, the strategy's
 *  variance ratio ("ratio 2.1× ✓", null → "ratio ∞ ✗ > 3"), in warning red when above the limit. */
import { INK, MUTED, ratioExceeds, ratioText, WARN, wrapLabel } from './chart-theme';

export interface SpreadGroupTickProps {
  /** Tick anchor from recharts (px). */
  x: number;
  y: number;
  /** The strategy under this tick; nothing is drawn without one. */
  group: { label: string; varianceRatio: number | null } | undefined;
  maxVarianceRatio: number;
  /** Characters per label line; narrower groups need fewer. */
  lineWidth: number;
}

const LINE_PX = 13;

export function SpreadGroupTick({ x, y, group, maxVarianceRatio, lineWidth }: SpreadGroupTickProps) {
  if (!group) return null;
  const lines = wrapLabel(group.label, lineWidth);
  const over = ratioExceeds(group.varianceRatio, maxVarianceRatio);
  const verdict = over ? `✗ > ${maxVarianceRatio}` : '✓';
  return (
    <g transform={`translate(${x},${y})`}>
      {lines.map((line, i) => (
        <text key={i} x={0} y={12 + i * LINE_PX} textAnchor="middle" fontSize={11} fill={INK}>
          {line}
        </text>
      ))}
      <text
        x={0}
        y={17 + lines.length * LINE_PX}
        textAnchor="middle"
        fontSize={11}
        fontWeight={over ? 700 : 400}
        fill={over ? WARN : MUTED}
      >
        {`ratio ${ratioText(group.varianceRatio)} ${verdict}`}
      </text>
    </g>
  );
}
