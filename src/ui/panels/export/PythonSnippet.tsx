/**
 * "Use it in Python", like Teachable Machine's export snippets: the command lines and Python calls of
 * examples/python/predict.py for the strategy chosen above, a copy button, and predict.py itself to
 * download (bundled with the page: no network). The text comes from core's pythonSnippet.
 */
import { useEffect, useState } from 'react';
import { pythonSnippet } from '../../../core/export/python-snippet';
import { downloadText } from '../../../platform/download';
import { SAMPLE_NAME } from '../../../platform/read-file';
import { displaySummary } from '../../../store/report-selectors';
import { useLab } from '../../common/lab-store-context';

const CONFIRM_MS = 3000;

export function PythonSnippet({ strategyId }: { strategyId: string }) {
  const summary = useLab(displaySummary);
  const masked = useLab((s) => s.maskIds);
  const [note, setNote] = useState('');
  useEffect(() => {
    if (!note) return;
    const timer = setTimeout(() => setNote(''), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [note]);

  const snippet = pythonSnippet({
    strategyId,
    date: new Date(),
    // The bundled sample is fixtures/seed-shaped.csv in the lab's repository.
    tasksFile: summary?.fileName === SAMPLE_NAME ? 'seed-shaped.csv' : (summary?.fileName ?? 'tasks.csv'),
    masked,
  });

  async function copy() {
    try {
      // Missing on plain-http pages and refused without permission: the text stays selectable.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(snippet);
      setNote('Snippet copied.');
    } catch {
      setNote('Copying is not allowed here: select the text and copy it.');
    }
  }

  async function downloadScript() {
    // A separate chunk, fetched from this origin only when asked for.
    const { default: text } = await import('../../../../examples/python/predict.py?raw');
    downloadText('predict.py', text, 'text/x-python');
  }

  return (
    <section className="python-snippet" aria-labelledby="python-snippet-heading">
      <h3 id="python-snippet-heading">Use it in Python</h3>
      <p className="hint">
        Download the model, then run it with numpy alone — the same features, routing and networks as the lab;
        <code> --self-check</code> reproduces the predictions stored in the bundle.
      </p>
      <pre aria-label="Python snippet" tabIndex={0}>
        <code>{snippet}</code>
      </pre>
      <div className="row">
        <button type="button" className="button--small button--secondary" onClick={() => void copy()}>
          Copy Python snippet
        </button>
        <button
          type="button"
          className="button--small button--secondary"
          onClick={() => void downloadScript()}
        >
          Download predict.py
        </button>
        <span className="hint" aria-live="polite">
          {note}
        </span>
      </div>
    </section>
  );
}
