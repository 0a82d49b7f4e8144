/**
 * One run of the history: its name (renamable), when, the data, how long it took, what changed in the
 * settings from the run before, and each strategy's headline numbers with their 95 % intervals.
 */
import { useId, useState } from 'react';
import type { RunRecord, SettingChange } from '../../../core/report/run-record';
import { displayName, displayText } from '../../../store/report-selectors';
import { clockText } from '../../../store/run-estimate';
import { CheckBadge } from '../../charts/CheckBadge';
import { useLab } from '../../common/lab-store-context';
import { count } from '../../common/format';
import { TableScroll } from '../../common/TableScroll';
import { changeText, fixed, when, withInterval } from './run-format';

interface Props {
  run: RunRecord;
  /** What differs from the run before it (undefined: the oldest run kept). */
  changes: SettingChange[] | undefined;
}

export function RunCard({ run, changes }: Props) {
  const renameRun = useLab((s) => s.renameRun);
  const deleteRun = useLab((s) => s.deleteRun);
  const shownText = useLab(displayText);
  const shownName = useLab(displayName);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(run.name);
  const [confirming, setConfirming] = useState(false);
  const nameId = useId();
  const ok = run.strategies.filter((s) => s.status === 'ok');
  const best = [...ok].sort((a, b) => (a.userLogLoss ?? Infinity) - (b.userLogLoss ?? Infinity))[0];
  const save = () => {
    void renameRun(run.id, draft);
    setEditing(false);
  };
  return (
    <article className="run-card" aria-labelledby={nameId}>
      <header className="run-card__head">
        {editing ? (
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <label className="field">
              New name for {run.name}
              <input value={draft} maxLength={80} autoFocus onChange={(e) => setDraft(e.target.value)} />
            </label>
            <button type="submit" className="button--small">
              Save name
            </button>
            <button
              type="button"
              className="button--small button--secondary"
              onClick={() => setEditing(false)}
            >
              Cancel
            </button>
          </form>
        ) : (
          <h3 id={nameId} className="run-card__name">
            {run.name}
          </h3>
        )}
        <span className="hint">
          {when(run.startedAt)} · took {clockText(run.durationMs)}
          {run.outcome === 'partial' && ' · cancelled part-way'}
        </span>
      </header>
      <p className="run-card__facts">
        {shownName(run.dataset.fileName)} · {count(run.dataset.rows)} tasks, {count(run.dataset.users)} users
        · seed {run.settings.seed} · backend {run.settings.backendUsed ?? run.settings.backend} · {ok.length}{' '}
        of {run.requested.length} strategies trained
      </p>
      {best && best.userLogLoss !== null && best.userLogLoss !== undefined && (
        <p className="run-card__best">
          Lowest per-user log loss: <strong>{best.label}</strong> ({fixed(best.userLogLoss)})
        </p>
      )}
      <div className="run-card__changes">
        {changes === undefined ? (
          <p className="hint">The oldest run kept: nothing to compare its settings with.</p>
        ) : changes.length === 0 ? (
          <p className="hint">Same settings as the run before.</p>
        ) : (
          <>
            <p className="hint">Changed from the run before:</p>
            <ul>
              {changes.map((c) => (
                <li key={c.what}>{changeText(c, shownName)}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <details>
        <summary>Headline metrics of {run.name}</summary>
        <TableScroll label={`Headline metrics of ${run.name} (scrolls sideways)`}>
          <table className="table table--compact">
            <caption className="visually-hidden">Headline metrics of {run.name}</caption>
            <thead>
              <tr>
                <th scope="col">Strategy</th>
                <th scope="col" className="num">
                  AUC [95 %]
                </th>
                <th scope="col" className="num">
                  Log loss [95 %]
                </th>
                <th scope="col" className="num">
                  Per-user log loss
                </th>
                <th scope="col" className="num">
                  Time error (s)
                </th>
                <th scope="col">Checks</th>
              </tr>
            </thead>
            <tbody>
              {run.strategies.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.label}</th>
                  {s.status === 'failed' ? (
                    <td colSpan={5} className="alert__refusal">
                      failed: {shownText(s.error ?? '')}
                    </td>
                  ) : (
                    <>
                      <td className="num">{withInterval(s.auc)}</td>
                      <td className="num">{withInterval(s.logLoss)}</td>
                      <td className="num">{fixed(s.userLogLoss)}</td>
                      <td className="num">{fixed(s.timeMaeSeconds, 1)}</td>
                      <td className="checks-inline">
                        <CheckBadge pass={s.verdicts?.continuous ?? null} label="continuous" />
                        <CheckBadge pass={s.verdicts?.responsive ?? null} label="responsive" />
                        <CheckBadge pass={s.verdicts?.generalizes ?? null} label="generalizes" />
                      </td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
      <div className="row run-card__actions">
        {!editing && (
          <button
            type="button"
            className="button--small button--secondary"
            aria-label={`Rename ${run.name}`}
            onClick={() => {
              setDraft(run.name);
              setEditing(true);
            }}
          >
            Rename
          </button>
        )}
        {confirming ? (
          <>
            <button
              type="button"
              className="button--small button--danger"
              onClick={() => void deleteRun(run.id)}
            >
              Yes, delete {run.name}
            </button>
            <button
              type="button"
              className="button--small button--secondary"
              onClick={() => setConfirming(false)}
            >
              Keep it
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button--small button--secondary"
            aria-label={`Delete ${run.name}`}
            onClick={() => setConfirming(true)}
          >
            Delete
          </button>
        )}
      </div>
    </article>
  );
}
