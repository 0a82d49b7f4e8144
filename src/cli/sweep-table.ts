/**
 * What `retrain-lab sweep` prints: one line per point — the swept value(s), per-user log loss with its
 * 95 % interval, the paired difference from the reference point, AUC, responseGap, saturated share,
 * variance ratio and each check's pass rate — then the headline (which value, or "no clear winner").
 */
import { fixed, interval, percentText, seedsText, signed, withInterval } from '../core/report/format-figures';
import type { SweepDocument, SweepPoint } from '../core/sweep/sweep-document';

const COLUMNS: [string, number][] = [
  ['value', 22],
  ['per-user log loss ↓', 24],
  ['vs reference', 26],
  ['AUC ↑', 22],
  ['responseGap ↑', 15],
  ['saturated ↓', 12],
  ['var ratio ↓', 12],
  ['pass c/r/g/all', 0],
];

/** Cells padded to their columns; the first column as wide as its widest cell (a grid's names are long). */
const row = (cells: string[], first: number) =>
  cells
    .map((c, i) =>
      i === cells.length - 1 ? c : c.padEnd(i === 0 ? first : (COLUMNS[i] as [string, number])[1]),
    )
    .join('');

const valueText = (doc: SweepDocument, p: SweepPoint) =>
  doc.axes.map((a) => String(p.values[a.name])).join(' × ');

function pointRow(doc: SweepDocument, p: SweepPoint, first: number): string {
  const value = valueText(doc, p);
  if (p.status === 'failed') return row([value, `failed: ${p.error}`], first);
  const m = p.metrics;
  const vs =
    p.id === doc.reference
      ? 'reference'
      : p.vsReference
        ? `${signed(p.vsReference.difference)} ${interval(p.vsReference.lo, p.vsReference.hi, 3, true)}`
        : '–';
  const r = p.passRate;
  return row(
    [
      value,
      withInterval(m.userLogLoss.mean, m.userLogLoss.lo, m.userLogLoss.hi),
      vs,
      withInterval(m.auc.mean, m.auc.lo, m.auc.hi),
      signed(m.responseGap.mean),
      percentText(m.saturatedShare.mean),
      fixed(m.varianceRatio.mean, 2),
      [r.continuous, r.responsive, r.generalizes, r.all].map((x) => percentText(x)).join(' '),
    ],
    first,
  );
}

export function formatSweepTable(doc: SweepDocument): string {
  const names = doc.axes.map((a) => a.name).join(' × ');
  const first = Math.max(
    (COLUMNS[0] as [string, number])[1],
    names.length + 2,
    ...doc.points.map((p) => valueText(doc, p).length + 2),
  );
  const lines = [
    `Sweep of ${names} for ${doc.base.label} · ${seedsText(doc.seeds)} · ${doc.heldOut.rows} held-out tasks from ${doc.heldOut.users} users`,
    row(
      COLUMNS.map(([c], i) => (i === 0 ? names : c)),
      first,
    ),
    ...doc.points.map((p) => pointRow(doc, p, first)),
    '',
    `Constant rate: per-user log loss ${fixed(doc.constantRate.userLogLoss)}. Intervals: 95 %, resampling seeds, held-out users and their rows (responseGap, saturated share and variance ratio: seeds only).`,
  ];
  if (doc.best) lines.push(doc.best.headline);
  return `${lines.join('\n')}\n`;
}
