/**
 * The sweep's points as a table — the numbers behind the charts for anyone who reads rather than looks:
 * each value's per-user log loss with its interval, its paired difference from the reference, its pass
 * rate on all three checks, and "Use this value", which says what it made or changed in step 3.
 */
import { useState } from 'react';
import type { SweepDocument } from '../../../core/sweep/sweep-document';
import { useLab } from '../../common/lab-store-context';

const num = (v: number | null | undefined, digits = 3) =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits);
const signed = (v: number | null) =>
  v === null ? '–' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(3)}`;

export function SweepPointsTable({ document }: { document: SweepDocument }) {
  const useSweepPoint = useLab((s) => s.useSweepPoint);
  const training = useLab((s) => s.runId !== undefined);
  const own = useLab((s) => s.ownStrategies);
  // The point used last, and the own strategy it made or changed (named as it is now) or why not.
  const [used, setUsed] = useState<{ id: string; ownId?: string; refusal?: string }>();
  const use = (pointId: string) => {
    const made = useSweepPoint(pointId);
    setUsed(made.ok ? { id: pointId, ownId: made.value } : { id: pointId, refusal: made.reason });
  };
  const name = own.find((o) => o.id === used?.ownId)?.label ?? '';
  const note = used && {
    id: used.id,
    ok: used.refusal === undefined,
    text:
      used.refusal ??
      (used.ownId === document.base.id
        ? `Set “${name}” in step 3 to this value; train it to compare.`
        : `Added “${name}” to your strategies in step 3; train it with the others.`),
  };
  return (
    <>
      <table className="table table--compact sweep-points">
        <caption className="visually-hidden">Sweep points: per-user log loss and checks per value</caption>
        <thead>
          <tr>
            <th scope="col">Value</th>
            <th scope="col">Per-user log loss (95 % interval)</th>
            <th scope="col">Against the reference</th>
            <th scope="col">All checks pass</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {document.points.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                {p.label}
                {p.id === document.reference && <span className="sweep-points__ref"> (reference)</span>}
                {p.id === document.best?.point && <span className="sweep-points__ref"> (lowest)</span>}
              </th>
              {p.status === 'ok' ? (
                <>
                  <td>
                    {num(p.metrics.userLogLoss.mean)} ({num(p.metrics.userLogLoss.lo)}–
                    {num(p.metrics.userLogLoss.hi)})
                  </td>
                  <td>
                    {p.vsReference
                      ? `${signed(p.vsReference.difference)} (${signed(p.vsReference.lo)} to ${signed(p.vsReference.hi)}) · ${p.vsReference.verdict}`
                      : '—'}
                  </td>
                  <td>{p.passRate.all === null ? '–' : `${Math.round(p.passRate.all * 100)}%`}</td>
                </>
              ) : (
                <td colSpan={3} className="sweep-points__failed">
                  Failed: {p.error}
                </td>
              )}
              <td>
                <button
                  type="button"
                  className="button--small"
                  disabled={training}
                  aria-label={`Use this value: ${p.label}`}
                  onClick={() => use(p.id)}
                >
                  Use this value
                </button>
                {note?.id === p.id && (
                  <span className={note.ok ? 'hint sweep-points__note' : 'field__error'} role="note">
                    {note.text}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
