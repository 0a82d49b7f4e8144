/** A pass / fail / not-checked badge: "✓ label", "✗ label" or "– label", green, red or grey.
 *  The symbol is hidden from screen readers, which hear "label: passes" (or "fails", "not checked"). */
import './charts.css';

export interface CheckBadgeProps {
  /** true = passes, false = fails, null = not checked (no data). */
  pass: boolean | null;
  label: string;
  /** Optional detail shown on hover, e.g. "saturated 37% > 5%". */
  detail?: string;
}

const LOOK = {
  pass: { symbol: '✓', word: 'passes', className: 'check-badge check-badge--pass' },
  fail: { symbol: '✗', word: 'fails', className: 'check-badge check-badge--fail' },
  unknown: { symbol: '–', word: 'not checked', className: 'check-badge check-badge--unknown' },
};

export function CheckBadge({ pass, label, detail }: CheckBadgeProps) {
  const look = pass === null ? LOOK.unknown : pass ? LOOK.pass : LOOK.fail;
  return (
    <span className={look.className} title={detail}>
      <span className="check-badge__symbol" aria-hidden="true">
        {look.symbol}
      </span>{' '}
      {label}
      <span className="visually-hidden">: {look.word}</span>
    </span>
  );
}
