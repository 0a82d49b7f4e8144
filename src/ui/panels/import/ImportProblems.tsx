/**
 * The import's problems in one role="alert" region: why a file was refused (the dataset already loaded
 * stays) and which rows of the loaded file were skipped, with row, column, reason and value.
 */
import { displayImportReport, displayText } from '../../../store/report-selectors';
import { useLab } from '../../common/lab-store-context';
import { count } from '../../common/format';

const SHOWN_ROWS = 50;

export function ImportProblems() {
  const shownText = useLab(displayText);
  const rawError = useLab((s) => s.importError);
  const error = rawError === undefined ? undefined : shownText(rawError);
  // Values of skipped rows can be user ids: masked with the rest of the page.
  const report = useLab(displayImportReport);
  const hasDataset = useLab((s) => s.summary !== undefined);
  const problems = report?.problems ?? [];
  if (!error && problems.length === 0) return null;
  return (
    <div role="alert" className="alert">
      {error && (
        <p className="alert__refusal">
          {error}
          {hasDataset && ' The dataset already loaded is kept.'}
        </p>
      )}
      {report && report.skippedRows > 0 && (
        <details open={!error}>
          <summary>
            {count(report.skippedRows)} {report.skippedRows === 1 ? 'row' : 'rows'} of {report.fileName}{' '}
            {report.skippedRows === 1 ? 'was' : 'were'} skipped
            {report.skippedRows > problems.length && ` (the first ${count(problems.length)} are listed)`}
          </summary>
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {problems.slice(0, SHOWN_ROWS).map((p) => (
                <tr key={`${p.row}-${p.column}`}>
                  <td>{p.row}</td>
                  <td>{report.columnMap[p.column] ?? p.column}</td>
                  <td>{p.reason}</td>
                  <td>
                    <code>{p.value}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {problems.length > SHOWN_ROWS && (
            <p className="hint">… {count(problems.length - SHOWN_ROWS)} more listed in the inspect report.</p>
          )}
        </details>
      )}
    </div>
  );
}
