/**
 * Step 1: bring in a task export — file input "Import tasks", drag and drop, or "Load sample data".
 * Parsing happens in the worker; this panel only hands over the file and shows progress and problems.
 */
import { useState, type DragEvent } from 'react';
import { displayName } from '../../../store/report-selectors';
import { useLab } from '../../common/lab-store-context';
import { ImportProblems } from './ImportProblems';
import { FileButton } from '../../common/FileButton';
import { PendingImport } from './PendingImport';

export function ImportPanel() {
  const importFile = useLab((s) => s.importFile);
  const loadSample = useLab((s) => s.loadSample);
  const importing = useLab((s) => s.importing);
  const shownName = useLab(displayName);
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void importFile(file);
  };

  return (
    <section className="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">1. Load a task export</h2>
      <div
        className={`dropzone${dragging ? ' dropzone--active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>Drop a CSV, JSON or NDJSON export of practice tasks here, or</p>
        <div className="row">
          <FileButton
            label="Import tasks"
            accept=".csv,.tsv,.txt,.json,.ndjson,.jsonl,text/csv,application/json"
            onFile={(file) => void importFile(file)}
          />
          <button type="button" onClick={() => void loadSample()} disabled={importing !== undefined}>
            Load sample data
          </button>
        </div>
        <p className="hint">
          Columns: user_id, topic, difficulty, completed_at, is_correct, actual_time_seconds (aliases
          accepted). Your data stays in this browser.
        </p>
      </div>
      {importing && (
        <p className="progress" aria-live="polite">
          Reading {shownName(importing)}…
        </p>
      )}
      <PendingImport />
      <ImportProblems />
    </section>
  );
}
