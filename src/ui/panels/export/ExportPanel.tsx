/**
 * Step 5, take it away: pick a trained strategy, Save to browser or Download model (one zip bundle with
 * everything needed to use it again), and Load saved model — from this browser's list or from a file —
 * to see its metadata, whether it reproduces its stored predictions, and its scores on the current data;
 * "Use it in Python" shows predict.py's command lines for the chosen strategy.
 */
import { useEffect, useId } from 'react';
import { bundleUsageText } from '../../../core/export/usage-text';
import { downloadBytes } from '../../../platform/download';
import type { ExportAction } from '../../../store/export-slice';
import { displayRecommendation, displayText } from '../../../store/report-selectors';
import { strategyList } from '../../../store/strategy-selectors';
import { useLab } from '../../common/lab-store-context';
import { LoadedModelCard } from './LoadedModelCard';
import { PythonSnippet } from './PythonSnippet';
import { SavedModels } from './SavedModels';
import { useFleeting } from '../../common/use-fleeting';

/** How long a confirmation ("Saved …", "Downloading …") stays; errors stay until the next action. */
const CONFIRMATION_MS = 8000;

export function ExportPanel() {
  const results = useLab((s) => s.results);
  const listed = useLab(strategyList);
  const shownText = useLab(displayText);
  const chosen = useLab((s) => s.exportStrategyId);
  const setChosen = useLab((s) => s.setExportStrategy);
  const recommendation = useLab(displayRecommendation);
  const busy = useLab((s) => s.exportBusy);
  const running = useLab((s) => s.runId !== undefined);
  const lastMessage = useLab((s) => s.exportMessage);
  const confirmation = useFleeting(lastMessage?.tone === 'ok' ? lastMessage : undefined, CONFIRMATION_MS);
  const message = lastMessage?.tone === 'ok' ? confirmation : lastMessage;
  const maskIds = useLab((s) => s.maskIds);
  const exportModel = useLab((s) => s.exportModel);
  const refreshSaved = useLab((s) => s.refreshSavedModels);
  const loaded = useLab((s) => s.loadedModel);
  const selectId = useId();

  useEffect(() => {
    void refreshSaved();
  }, [refreshSaved]);

  const trained = listed.filter((m) => results[m.id]?.status === 'ok');
  const picked = recommendation?.choice ?? recommendation?.closest ?? undefined;
  const fallback = picked ?? trained[0]?.id;
  const strategyId = trained.some((m) => m.id === chosen) ? chosen : fallback;
  const disabled = !strategyId || busy !== undefined || running;

  const save = async () => {
    if (!strategyId) return;
    // Ask once for persistent storage so the browser does not evict saved models under pressure.
    void navigator.storage?.persist?.().catch(() => false);
    await exportModel(strategyId, 'browser');
  };
  const download = async () => {
    if (!strategyId) return;
    const file = await exportModel(strategyId, 'download');
    if (file) downloadBytes(file.fileName, file.bytes, 'application/zip');
  };

  return (
    <section className="panel" aria-labelledby="export-heading">
      <h2 id="export-heading">5. Take the model away</h2>
      {trained.length === 0 ? (
        <p className="hint">
          Train a strategy to export its model; saved and downloaded models can be loaded below.
        </p>
      ) : (
        <div className="row export-controls">
          <label className="field" htmlFor={selectId}>
            Strategy to export
          </label>
          <select
            id={selectId}
            value={strategyId}
            onChange={(e) => setChosen(e.target.value)}
            disabled={busy !== undefined}
          >
            {trained.map((m) => (
              <option key={m.id} value={m.id}>
                {shownText(m.label)}
                {m.id === picked
                  ? ` (${recommendation?.kind === 'recommended' ? 'recommended' : 'closest'})`
                  : ''}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void save()} disabled={disabled}>
            Save to browser
          </button>
          <button type="button" onClick={() => void download()} disabled={disabled}>
            Download model
          </button>
          <span className="hint">
            {maskIds
              ? 'User ids in the bundle are masked (User A, …).'
              : 'The bundle holds real user ids (vocabulary, routing).'}
          </span>
        </div>
      )}
      <p className={message?.tone === 'error' ? 'export-message error' : 'export-message'} aria-live="polite">
        {busy ? busyText[busy] : message?.text}
      </p>
      {strategyId && <PythonSnippet strategyId={strategyId} />}
      <SavedModels />
      {loaded && <LoadedModelCard view={loaded} />}
      <details className="use-elsewhere">
        <summary>Use it elsewhere (inputs, weights layout, tfjs, Keras)</summary>
        <pre aria-label="How to use the bundle elsewhere" tabIndex={0}>
          {bundleUsageText()}
        </pre>
      </details>
    </section>
  );
}

const busyText: Record<ExportAction, string> = {
  download: 'Packing the model…',
  browser: 'Saving in this browser…',
  load: 'Loading…',
  delete: 'Deleting…',
};
