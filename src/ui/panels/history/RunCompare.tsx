/**
 * Two runs side by side: pick run A and run B, see each strategy's headline numbers in both with the
 * change from A to B (lower log loss is better, higher AUC is better), and which settings differ.
 */
import { useId } from 'react';
import { change, pairStrategies, settingChanges, type RunRecord } from '../../../core/report/run-record';
import { displayName } from '../../../store/report-selectors';
import { useLab } from '../../common/lab-store-context';
import { TableScroll } from '../../common/TableScroll';
import { changeText, fixed, signed, when, withInterval } from './run-format';
import { optionLabel } from '../../common/option-labels';

interface Props {
  runs: RunRecord[];
  a: string | undefined;
  b: string | undefined;
  labelOf(id: string): string;
  onPick(side: 'a' | 'b', id: string): void;
}

/** "better" when the change goes the metric's good way by more than rounding. */
function direction(delta: number | null, lowerIsBetter: boolean): string {
  if (delta === null || Math.abs(delta) < 0.0005) return '';
  return delta < 0 === lowerIsBetter ? ' (better)' : ' (worse)';
}

export function RunCompare({ runs, a, b, labelOf, onPick }: Props) {
  const shownName = useLab(displayName);
  const ids = { a: useId(), b: useId() };
  const runA = runs.find((r) => r.id === a);
  const runB = runs.find((r) => r.id === b);
  const picker = (side: 'a' | 'b', value: string | undefined) => (
    <label className="field" htmlFor={ids[side]}>
      Run {side.toUpperCase()}
      <select id={ids[side]} value={value ?? ''} onChange={(e) => onPick(side, e.target.value)}>
        {runs.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name} · {when(r.startedAt)}
          </option>
        ))}
      </select>
    </label>
  );
  const changes = runA && runB ? settingChanges(runA, runB, labelOf, optionLabel) : [];
  return (
    <section className="panel" aria-labelledby="run-compare-heading">
      <h2 id="run-compare-heading">Compare two runs</h2>
      <div className="row">
        {picker('a', a)}
        {picker('b', b)}
      </div>
      {runA && runB && (
        <>
          {runA.id === runB.id ? (
            <p className="hint">Pick two different runs.</p>
          ) : (
            <div className="run-compare__changes">
              {runA.dataset.fingerprint !== runB.dataset.fingerprint && (
                <p className="callout">
                  The two runs trained on different data ({shownName(runA.dataset.fileName)} and{' '}
                  {shownName(runB.dataset.fileName)}): their numbers are not comparable.
                </p>
              )}
              {changes.length === 0 ? (
                <p className="hint">Both runs used the same settings: differences are training noise.</p>
              ) : (
                <p className="hint">
                  Settings of {runB.name} that differ from {runA.name}:{' '}
                  {changes.map((c) => changeText(c, shownName)).join('; ')}.
                </p>
              )}
            </div>
          )}
          <p className="table-caption">
            {runA.name} (A) and {runB.name} (B): AUC and log loss with 95 % intervals; B − A with the
            direction that is better
          </p>
          <TableScroll label={`${runA.name} and ${runB.name} side by side (scrolls sideways)`}>
            <table
              className="table table--compact run-compare"
              aria-label={`${runA.name} (A) and ${runB.name} (B) side by side`}
            >
              <thead>
                <tr>
                  <th scope="col" rowSpan={2}>
                    Strategy
                  </th>
                  <th scope="colgroup" colSpan={3}>
                    AUC (higher is better)
                  </th>
                  <th scope="colgroup" colSpan={3}>
                    Per-user log loss (lower is better)
                  </th>
                  <th scope="colgroup" colSpan={2}>
                    Log loss [95 %]
                  </th>
                  <th scope="colgroup" colSpan={2}>
                    Checks passed
                  </th>
                </tr>
                <tr>
                  <th scope="col">A</th>
                  <th scope="col">B</th>
                  <th scope="col">B − A</th>
                  <th scope="col">A</th>
                  <th scope="col">B</th>
                  <th scope="col">B − A</th>
                  <th scope="col">A</th>
                  <th scope="col">B</th>
                  <th scope="col">A</th>
                  <th scope="col">B</th>
                </tr>
              </thead>
              <tbody>
                {pairStrategies(runA, runB).map((p) => {
                  const auc = change(p.a?.auc?.value, p.b?.auc?.value);
                  const user = change(p.a?.userLogLoss, p.b?.userLogLoss);
                  const passed = (s: typeof p.a) =>
                    s?.verdicts ? `${Object.values(s.verdicts).filter(Boolean).length} of 3` : '–';
                  return (
                    <tr key={p.id}>
                      <th scope="row">{p.label}</th>
                      <td className="num">{withInterval(p.a?.auc)}</td>
                      <td className="num">{withInterval(p.b?.auc)}</td>
                      <td className="num">
                        {signed(auc)}
                        {direction(auc, false)}
                      </td>
                      <td className="num">{fixed(p.a?.userLogLoss)}</td>
                      <td className="num">{fixed(p.b?.userLogLoss)}</td>
                      <td className="num">
                        {signed(user)}
                        {direction(user, true)}
                      </td>
                      <td className="num">{withInterval(p.a?.logLoss)}</td>
                      <td className="num">{withInterval(p.b?.logLoss)}</td>
                      <td className="num">{passed(p.a)}</td>
                      <td className="num">{passed(p.b)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
