/** A chart's accessible frame: a <figure> named by aria-label, a visible <figcaption>, the plot,
 *  and an optional footnote. Every chart in this folder renders inside one. */
import type { ReactNode } from 'react';
import './charts.css';

export interface ChartFigureProps {
  /** Accessible name of the figure (aria-label); say what is compared. */
  label: string;
  /** Visible caption title. */
  caption: ReactNode;
  /** Short muted line beside the caption: how to read the chart. */
  note?: ReactNode;
  /** Small text under the plot, e.g. "4 other users not shown". */
  footnote?: ReactNode;
  className?: string;
  children: ReactNode;
}

export function ChartFigure({ label, caption, note, footnote, className, children }: ChartFigureProps) {
  return (
    <figure className={className ? `chart ${className}` : 'chart'} aria-label={label}>
      <figcaption className="chart__caption">
        <span className="chart__title">{caption}</span>
        {note !== undefined && <span className="chart__note">{note}</span>}
      </figcaption>
      {children}
      {footnote !== undefined && <p className="chart__footnote">{footnote}</p>}
    </figure>
  );
}
