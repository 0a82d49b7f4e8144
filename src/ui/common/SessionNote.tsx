/**
 * What the lab kept from the last visit ("Restored from your last session: …"), a warning when the
 * session could not be kept, and Clear all data — which deletes everything the lab stores in this
 * browser and starts afresh from the sample.
 */
import { useState } from 'react';
import { useLab } from './lab-store-context';

export function SessionNote() {
  const note = useLab((s) => s.sessionNote);
  const persistError = useLab((s) => s.persistError);
  const clearAllData = useLab((s) => s.clearAllData);
  const [confirming, setConfirming] = useState(false);
  const clear = async () => {
    await clearAllData();
    // A fresh start: no stored session, no settings in the URL.
    window.location.replace(window.location.pathname);
  };
  return (
    <div className="session-note" aria-live="polite">
      {note && <p data-testid="session-note">{note}</p>}
      {persistError && <p className="export-message error">{persistError}</p>}
      {confirming ? (
        <p>
          Delete the kept dataset, settings, results and every saved model from this browser?{' '}
          <button type="button" onClick={() => void clear()}>
            Yes, clear all data
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Keep them
          </button>
        </p>
      ) : (
        <button type="button" className="button--secondary button--small" onClick={() => setConfirming(true)}>
          Clear all data
        </button>
      )}
    </div>
  );
}
