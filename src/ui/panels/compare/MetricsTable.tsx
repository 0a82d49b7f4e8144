/**
 * Held-out metrics side by side (rows from metrics-rows.ts): every metric as mean [95 % interval] over the
 * run's seeds with the held-out n beside it, paired differences against strategy 1 and the constant rate,
 * the checks (✓/✗ for one seed, pass rates for several), direction marks (↓ lower / ↑ higher is better),
 * the best strategy per column, sortable columns, which strategies beat the constant rate, one number
 * format, and a footnote for every "–". References (constant rate, Simulator truth, recorded) stay last.
 */
import { useMemo, useState } from 'react';
import { countText, fixed, interval, percentText, signed } from '../../../core/report/format-figures';
import type { Report } from '../../../core/report/report-types';
import { CheckBadge } from '../../charts/CheckBadge';
import { COLUMNS, DASH_REASONS, type Cell, type Column } from './metric-columns';
import { dashReasons, metricsRows, sortRows, type MetricsRow, type SortKey } from './metrics-rows';

const CHECK_KEYS = ['continuous', 'responsive', 'generalizes'] as const;
const ARROW = { lower: '↓', higher: '↑', none: '' } as const;
const DIRECTION_WORDS = { lower: 'lower is better', higher: 'higher is better', none: '' } as const;
/** Short verdicts: the caption spells out "≈ no detectable difference". */
const VERDICT_WORDS = { better: 'better', worse: 'worse', 'no detectable difference': '≈' };
/** The constant-rate column says in words whether the strategy beats it (issue 17: "beats the constant"). */
/** What a screen reader says for the constant-rate verdict. */
const CONSTANT_SAID = {
  better: 'beats the constant rate',
  worse: 'worse than the constant rate',
  'no detectable difference': 'not detectably better than the constant rate',
};
const CONSTANT_WORDS = {
  better: 'beats the constant',
  worse: 'worse than the constant',
  'no detectable difference': '≈ the constant',
};

function valueText(cell: Cell, column: Column): string {
  if (cell.value === null) return '–';
  switch (column.format) {
    case 'count':
      return countText(cell.value);
    case 'percent':
      return percentText(cell.value, 1);
    case 'difference':
      return signed(cell.value);
    default:
      return fixed(cell.value, column.format);
  }
}

function CellView({
  cell,
  column,
  footnote,
}: {
  cell: Cell | undefined;
  column: Column;
  footnote: (c: Cell) => string;
}) {
  if (!cell) return <td className="num" />;
  if (cell.value === null)
    return (
      <td className="num">
        –<sup className="footnote-mark">{footnote(cell)}</sup>
      </td>
    );
  const isDifference = column.format === 'difference';
  const range = interval(cell.lo, cell.hi, column.format === 1 ? 1 : 3, isDifference);
  return (
    <td
      className={`num${cell.best ? ' cell--best' : ''}${cell.verdict ? ` cell--${cell.verdict.replace(/ /g, '-')}` : ''}`}
    >
      {valueText(cell, column)}
      {cell.best && (
        <>
          <span aria-hidden="true"> ★</span>
          <span className="visually-hidden"> (best in column)</span>
        </>
      )}
      {range && <span className="hint cell__range"> {range}</span>}
      {cell.verdict && (
        <span className="cell__verdict">
          <span aria-hidden="true">
            {column.key === 'vsConstant' ? CONSTANT_WORDS[cell.verdict] : VERDICT_WORDS[cell.verdict]}
          </span>
          <span className="visually-hidden">
            {column.key === 'vsConstant' ? CONSTANT_SAID[cell.verdict] : cell.verdict}
          </span>
        </span>
      )}
    </td>
  );
}

function Checks({ row }: { row: MetricsRow }) {
  const rates = row.passRates;
  if (!rates) return <td />;
  if ((row.seeds ?? 1) <= 1)
    return (
      <td className="checks">
        {CHECK_KEYS.map((k) => (
          <CheckBadge
            key={k}
            pass={rates[k] === null ? null : rates[k] === 1}
            label={k}
            detail={rates[k] === null ? 'not enough data' : undefined}
          />
        ))}
      </td>
    );
  return (
    <td className="checks">
      {CHECK_KEYS.map((k) => {
        const r = rates[k];
        const tone = r === null ? 'unknown' : r === 1 ? 'pass' : r === 0 ? 'fail' : 'partial';
        return (
          <span key={k} className={`check-rate check-rate--${tone}`}>
            {k} {r === null ? 'not enough data' : percentText(r)}
          </span>
        );
      })}
    </td>
  );
}

export function MetricsTable({ report }: { report: Report }) {
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean } | undefined>();
  const rows = useMemo(() => metricsRows(report), [report]);
  const shown = sort ? sortRows(rows, sort.key, sort.ascending) : rows;
  const reasons = dashReasons(rows);
  const footnote = (cell: Cell) =>
    String.fromCharCode(97 + Math.max(0, reasons.indexOf(cell.dash ?? 'noPredictions')));
  const several = report.seeds.length > 1;
  const sortBy = (key: SortKey, direction: Column['direction']) =>
    setSort((s) =>
      s?.key === key ? { key, ascending: !s.ascending } : { key, ascending: direction !== 'higher' },
    );
  const ariaSort = (key: SortKey) =>
    sort?.key === key ? (sort.ascending ? 'ascending' : 'descending') : undefined;
  const header = (key: SortKey, label: string, direction: Column['direction'], note: string) => (
    <th scope="col" key={key} aria-sort={ariaSort(key)} title={note}>
      <button type="button" className="sort-button" onClick={() => sortBy(key, direction)}>
        {label}
        {direction !== 'none' && (
          <>
            {' '}
            <span aria-hidden="true">{ARROW[direction]}</span>
            <span className="visually-hidden"> ({DIRECTION_WORDS[direction]})</span>
          </>
        )}
      </button>
    </th>
  );
  // The caption sits above the scroll box, so a phone reads it whole while the table scrolls sideways.
  return (
    <>
      <p className="hint metrics-table__note" id="metrics-table-note">
        Held-out metrics: n = {countText(report.split.testRows)} tasks per seed (each user's last{' '}
        {percentText(report.split.testShare)}).{' '}
        {several
          ? `Mean over ${report.seeds.length} seeds with its 95 % interval (resampling seeds, users and their rows)`
          : 'With the 95 % interval resampling users and their rows (one seed)'}
        ; ↓ lower is better, ↑ higher is better, ★ best strategy in the column, ≈ no detectable difference;
        click a heading to sort.
      </p>
      <div
        className="table-scroll"
        role="region"
        aria-label="Held-out metrics (scrolls sideways)"
        tabIndex={0}
      >
        <table
          className="table table--compact metrics-table"
          aria-label="Held-out metrics by strategy"
          aria-describedby="metrics-table-note"
        >
          <thead>
            <tr>
              {header('label', 'Strategy', 'none', 'strategy')}
              {header(
                'checks',
                several ? 'Checks (share of seeds)' : 'Checks',
                'higher',
                'the three checks of the design note',
              )}
              {COLUMNS.map((c) => header(c.key, c.label, c.direction, c.note))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.id} className={row.kind === 'reference' ? 'row--reference' : undefined}>
                <th scope="row">{row.label}</th>
                {row.kind === 'failed' ? (
                  <td colSpan={COLUMNS.length + 1} className="alert__refusal">
                    failed: {row.error}
                  </td>
                ) : (
                  <>
                    <Checks row={row} />
                    {COLUMNS.map((c) => (
                      <CellView key={c.key} cell={row.cells[c.key]} column={c} footnote={footnote} />
                    ))}
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {reasons.length > 0 && (
          <ol className="footnotes" type="a" aria-label="What each – means">
            {reasons.map((r) => (
              <li key={r}>– {DASH_REASONS[r]}</li>
            ))}
          </ol>
        )}
      </div>
    </>
  );
}
