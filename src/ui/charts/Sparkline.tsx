/** A tiny loss curve (training solid, validation dashed) as plain SVG: cheap enough to redraw every epoch. */

interface SparklineProps {
  values: readonly number[];
  dashed?: readonly (number | null)[];
  color: string;
  label: string;
  width?: number;
  height?: number;
}

function points(
  values: readonly (number | null)[],
  min: number,
  max: number,
  width: number,
  height: number,
): string {
  // One epoch (a quick run on a big file) is drawn as a dot in the middle rather than as nothing.
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const x0 = values.length > 1 ? 0 : width / 2;
  const span = max - min || 1;
  return values
    .map((v, i) =>
      v === null
        ? null
        : `${(x0 + i * step).toFixed(1)},${(height - ((v - min) / span) * height).toFixed(1)}`,
    )
    .filter((p): p is string => p !== null)
    .join(' ');
}

export function Sparkline({ values, dashed = [], color, label, width = 120, height = 28 }: SparklineProps) {
  const all = [...values, ...dashed.filter((v): v is number => v !== null)];
  if (all.length < 2) return null;
  const min = Math.min(...all);
  const max = Math.max(...all);
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      // Room for a one-epoch dot's radius at the top and bottom edges.
      viewBox={`-3 -3 ${width + 6} ${height + 6}`}
      role="img"
      aria-label={label}
    >
      <polyline
        points={points(values, min, max, width, height)}
        fill="none"
        stroke={color}
        strokeWidth={1.5}
      />
      <polyline
        points={points(dashed, min, max, width, height)}
        fill="none"
        stroke={color}
        strokeWidth={1}
        strokeDasharray="3 2"
      />
      {values.length === 1 && (
        <circle
          cx={width / 2}
          cy={height - (((values[0] as number) - min) / (max - min || 1)) * height}
          r={2.5}
          fill={color}
        />
      )}
      {dashed.length === 1 && dashed[0] !== null && dashed[0] !== undefined && (
        <circle
          cx={width / 2}
          cy={height - ((dashed[0] - min) / (max - min || 1)) * height}
          r={2.5}
          fill="#fff"
          stroke={color}
        />
      )}
    </svg>
  );
}
