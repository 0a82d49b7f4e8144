/**
 * "Copy link to these settings", plus what the opening link could not apply and whether it was made for
 * the dataset now loaded. Notes are polite: role="alert" is kept for import problems.
 */
import { useEffect, useRef, useState } from 'react';
import { useLab } from '../../common/lab-store-context';
import { sameDataset, shortFingerprint } from '../../../store/url-settings';
import { linkSettingsOf, settingsHref } from '../../../store/url-sync';

const CONFIRM_MS = 3000;

function useCurrentLink(): (() => string) | undefined {
  const seed = useLab((s) => s.seed);
  const backend = useLab((s) => s.backend);
  const workers = useLab((s) => s.workers);
  const thresholds = useLab((s) => s.thresholds);
  const maskIds = useLab((s) => s.maskIds);
  const strategies = useLab((s) => s.strategies);
  const ownStrategies = useLab((s) => s.ownStrategies);
  const catalog = useLab((s) => s.catalog);
  const dataset = useLab((s) => s.summary?.fingerprint ?? s.linkDataset);
  // Before the catalog the strategy settings of the opening link are not applied yet.
  if (catalog.length === 0) return undefined;
  const settings = linkSettingsOf({ seed, backend, workers, thresholds, maskIds, strategies, ownStrategies });
  return () => settingsHref(window.location.href, settings, catalog, dataset);
}

export function SettingsLink() {
  const link = useCurrentLink();
  const problems = useLab((s) => s.linkProblems);
  const linkDataset = useLab((s) => s.linkDataset);
  const loaded = useLab((s) => s.summary?.fingerprint);
  const [copied, setCopied] = useState(false);
  const [manual, setManual] = useState<string>();
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [copied]);
  useEffect(() => {
    if (manual === undefined) return;
    // select() alone does not always move focus, and Ctrl+C needs it there.
    field.current?.focus();
    field.current?.select();
  }, [manual]);

  async function copy(href: string) {
    try {
      // Missing on plain-http pages, and refused without permission: then the person copies by hand.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(href);
      setManual(undefined);
      setCopied(true);
    } catch {
      setCopied(false);
      setManual(href);
    }
  }

  return (
    <div className="settings-link">
      <div className="row">
        <button
          type="button"
          className="button--small button--secondary"
          disabled={!link}
          onClick={() => link && void copy(link())}
        >
          Copy link to these settings
        </button>
        <span className="hint" aria-live="polite">
          {copied ? 'Link copied — it opens the lab with these settings.' : ''}
        </span>
      </div>
      {manual !== undefined && (
        <label className="field">
          Link to these settings (press Ctrl+C or ⌘C to copy)
          <input
            ref={field}
            type="text"
            readOnly
            value={manual}
            style={{ width: 'min(40rem, 90vw)' }}
            onFocus={(e) => e.target.select()}
          />
        </label>
      )}
      <div aria-live="polite">
        {problems.length > 0 && (
          <div className="callout" data-testid="link-problems">
            <p className="hint">Some settings of the link were left at their defaults:</p>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {linkDataset && loaded && !sameDataset(linkDataset, loaded) && (
          <p className="callout" data-testid="link-dataset">
            This link was made for dataset {linkDataset}; the loaded data ({shortFingerprint(loaded)})
            differs, so results will not match.
          </p>
        )}
      </div>
    </div>
  );
}
