/**
 * What the import kept but the person should know (durations clipped to the 6-hour cap, rows repeating
 * another's user, time and topic): one sentence each, beside the dataset's facts. No ids in them.
 */
import { useLab } from '../../common/lab-store-context';

export function ImportWarnings() {
  const warnings = useLab((s) => s.importReport?.warnings);
  if (!warnings || warnings.length === 0) return null;
  return (
    <div role="note" aria-label="Import warnings" className="callout callout--warning">
      <strong>Check the data:</strong>
      <ul>
        {warnings.map((w) => (
          <li key={w.kind}>{w.message}</li>
        ))}
      </ul>
    </div>
  );
}
