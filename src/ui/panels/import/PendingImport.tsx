/**
 * An import asked for while strategies train: the run and the new file cannot both be kept, so the
 * person chooses — stop the run and import, or keep training (the file is then not imported, and the
 * page says so). Nothing waits silently and nothing is thrown away without a word.
 */
import { displayName } from '../../../store/report-selectors';
import { useLab } from '../../common/lab-store-context';

export function PendingImport() {
  const pending = useLab((s) => s.pendingImport);
  const note = useLab((s) => s.importNote);
  const running = useLab((s) => s.runId !== undefined);
  const current = useLab((s) => s.summary?.fileName);
  const confirm = useLab((s) => s.confirmPendingImport);
  const dismiss = useLab((s) => s.dismissPendingImport);
  const shownName = useLab(displayName);
  if (!pending) return note ? <p className="hint">{shownName(note)}</p> : null;
  const file = shownName(pending.fileName);
  return (
    <div className="callout callout--warning" role="group" aria-label="Import while training">
      <p aria-live="assertive">
        {running
          ? `Strategies are training on ${shownName(current ?? 'the loaded dataset')}. Importing ${file} stops that run; results of strategies already finished stay only if ${file} holds the same tasks.`
          : `Training has ended. Import ${file} now? Results of another dataset are cleared when it loads.`}
      </p>
      <div className="row">
        <button type="button" onClick={() => void confirm()}>
          {running ? 'Stop training and import' : `Import ${file}`}
        </button>
        <button type="button" className="button--secondary" onClick={dismiss}>
          {running ? 'Keep training' : 'Do not import'}
        </button>
      </div>
    </div>
  );
}
