/**
 * A box a wide table scrolls in, so the page itself never scrolls sideways (a phone shows the first
 * columns and the rest is a swipe away). Focusable and named, so keyboard users can scroll it too.
 */
import type { ReactNode } from 'react';

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
