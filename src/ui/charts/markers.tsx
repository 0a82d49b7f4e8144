/** Marker shapes that tell users apart without colour (the colour is the strategy's): eight shapes,
 *  filled and open, drawn the same way in a chart and in its legend, so each legend swatch is the mark. */

export const MARKER_SHAPES = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'triangle-down',
  'plus',
  'cross',
  'star',
] as const;
export type MarkerShape = (typeof MARKER_SHAPES)[number];

/** Shapes drawn as strokes (no fill area). */
const STROKED: ReadonlySet<MarkerShape> = new Set(['plus', 'cross']);

/** The SVG path of a shape centred on (0, 0), about `r` from the centre. */
export function markerPath(shape: MarkerShape, r: number): string {
  const p = (x: number, y: number) => `${x.toFixed(2)},${y.toFixed(2)}`;
  switch (shape) {
    case 'circle':
      return `M${-r},0a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'square': {
      const s = r * 0.88;
      return `M${p(-s, -s)}L${p(s, -s)}L${p(s, s)}L${p(-s, s)}Z`;
    }
    case 'triangle':
      return `M${p(0, -r * 1.15)}L${p(r * 1.05, r * 0.75)}L${p(-r * 1.05, r * 0.75)}Z`;
    case 'triangle-down':
      return `M${p(0, r * 1.15)}L${p(r * 1.05, -r * 0.75)}L${p(-r * 1.05, -r * 0.75)}Z`;
    case 'diamond':
      return `M${p(0, -r * 1.2)}L${p(r, 0)}L${p(0, r * 1.2)}L${p(-r, 0)}Z`;
    case 'plus':
      return `M${p(-r, 0)}L${p(r, 0)}M${p(0, -r)}L${p(0, r)}`;
    case 'cross': {
      const s = r * 0.8;
      return `M${p(-s, -s)}L${p(s, s)}M${p(-s, s)}L${p(s, -s)}`;
    }
    case 'star': {
      const points = Array.from({ length: 10 }, (_, i) => {
        const a = (Math.PI / 5) * i - Math.PI / 2;
        const d = i % 2 === 0 ? r * 1.2 : r * 0.5;
        return p(Math.cos(a) * d, Math.sin(a) * d);
      });
      return `M${points.join('L')}Z`;
    }
  }
}

export function markerShape(index: number): MarkerShape {
  return MARKER_SHAPES[index % MARKER_SHAPES.length] as MarkerShape;
}

interface MarkProps {
  shape: MarkerShape;
  x: number;
  y: number;
  r?: number;
  color: string;
}

/** A marker at (x, y) inside an <svg>. */
export function Mark({ shape, x, y, r = 5, color }: MarkProps) {
  const stroked = STROKED.has(shape);
  return (
    <path
      d={markerPath(shape, r)}
      transform={`translate(${x},${y})`}
      fill={stroked ? 'none' : color}
      stroke={stroked ? color : '#fff'}
      strokeWidth={stroked ? 2.2 : 0.8}
    />
  );
}

/** A legend swatch: the marker itself in a small inline <svg>. */
export function MarkSwatch({ shape, color }: { shape: MarkerShape; color: string }) {
  return (
    <svg className="mark-swatch" width={14} height={14} viewBox="-7 -7 14 14" aria-hidden="true">
      <Mark shape={shape} x={0} y={0} r={4.8} color={color} />
    </svg>
  );
}
