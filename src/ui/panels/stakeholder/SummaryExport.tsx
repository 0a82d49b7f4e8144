/**
 * "Download summary (HTML)": a self-contained page from the report as shown (masked when masking is on);
 * "Download summary (PNG)": a picture of the stakeholder view itself, drawn by html-to-image.
 */
import { useState, type RefObject } from 'react';
import type { Recommendation } from '../../../core/report/recommend-strategy';
import type { Report } from '../../../core/report/report-types';
import { summaryHtml } from '../../../core/report/summary-html';
import { downloadBlob, downloadText } from '../../../platform/download';

interface Props {
  report: Report;
  recommendation: Recommendation;
  masked: boolean;
  /** The view to picture; elements with the class `export-skip` (these buttons) are left out. */
  target: RefObject<HTMLElement | null>;
}

const fileStem = (report: Report, masked: boolean) =>
  `retrain-lab-summary-${new Date().toISOString().slice(0, 10)}-seed${report.seed}${masked ? '-masked' : ''}`;

const PNG_TIMEOUT_MS = 30_000;

export function SummaryExport({ report, recommendation, masked, target }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const downloadHtml = () => {
    const html = summaryHtml({ report, recommendation, generatedAt: new Date().toISOString(), masked });
    downloadText(`${fileStem(report, masked)}.html`, html, 'text/html');
  };

  const downloadPng = async () => {
    const node = target.current;
    if (!node) return;
    setBusy(true);
    setError(undefined);
    try {
      // Loaded on first use: the picture library is only needed for this button.
      const { toBlob } = await import('html-to-image');
      const picture = toBlob(node, {
        backgroundColor: '#ffffff',
        pixelRatio: Math.min(2, window.devicePixelRatio || 1),
        // System fonts only: nothing to embed, nothing to fetch.
        skipFonts: true,
        filter: (el) => !(el instanceof HTMLElement && el.classList.contains('export-skip')),
      });
      // html-to-image waits on an <img> load that never comes if a policy blocks it: do not wait forever.
      const blob = await Promise.race([
        picture,
        new Promise<never>((_, reject) =>
          setTimeout(
            () => reject(new Error('it took longer than 30 s (was the image blocked?)')),
            PNG_TIMEOUT_MS,
          ),
        ),
      ]);
      if (!blob) throw new Error('the browser returned no image');
      downloadBlob(`${fileStem(report, masked)}.png`, blob);
    } catch (e) {
      setError(`The picture could not be made: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="summary-export export-skip">
      <button type="button" onClick={downloadHtml}>
        Download summary (HTML)
      </button>
      <button type="button" className="button--secondary" disabled={busy} onClick={() => void downloadPng()}>
        Download summary (PNG)
      </button>
      {error && (
        <p className="alert__refusal" aria-live="polite">
          {error}
        </p>
      )}
    </div>
  );
}
