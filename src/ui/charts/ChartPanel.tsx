/** The scaffolding every chart shares: `ChartPanel`, one strategy's panel of a small-multiples chart (its
 *  outline, flagged in the warning colour, and its swatch and name as the head), and `ChartPlot`, a
 *  Recharts plot sized to its height and hidden from assistive tech (each chart's DataTable says it in words). */
import type { ReactElement, ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';

export interface ChartPanelProps {
  label: string;
  color: string;
  /** Outlined and tagged: the panel's strategy breaks a check the chart shows. */
  flagged?: boolean;
  children: ReactNode;
}

export function ChartPanel({ label, color, flagged = false, children }: ChartPanelProps) {
  return (
    <div className={flagged ? 'chart-panel chart-panel--flagged' : 'chart-panel'}>
      <p className="chart-panel__head">
        <span className="swatch" style={{ background: color }} aria-hidden="true" />
        <span className="chart-panel__name" title={label}>
          {label}
        </span>
      </p>
      {children}
    </div>
  );
}

/** A Recharts chart (the one child) drawn `height` px tall across the width it is given. */
export function ChartPlot({ height, children }: { height: number; children: ReactElement }) {
  return (
    <div className="chart__plot" style={{ height }} aria-hidden="true">
      <ResponsiveContainer width="100%" height={height}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}
