/**
 * The bundles saved in this browser (newest first) with Load saved model / Delete saved model, and a
 * file input to load a downloaded bundle. Listing reads only the index, never the bytes.
 */
import { useId, useState } from 'react';
import { sizeText } from '../../../store/export-slice';
import { useLab } from '../../common/lab-store-context';
import { count, day } from '../../common/format';
import { FileButton } from '../../common/FileButton';
import { TableScroll } from '../../common/TableScroll';

export function SavedModels() {
  const saved = useLab((s) => s.savedModels);
  const busy = useLab((s) => s.exportBusy !== undefined);
  const loadSaved = useLab((s) => s.loadSavedModel);
  const deleteSaved = useLab((s) => s.deleteSavedModel);
  const loadFile = useLab((s) => s.loadModelFile);
  const [picked, setPicked] = useState<string>();
  const selectId = useId();
  const key = saved.some((m) => m.key === picked) ? picked : saved[0]?.key;

  return (
    <div className="saved-models">
      <h3>Saved in this browser</h3>
      {saved.length === 0 ? (
        <p className="hint">No saved models yet.</p>
      ) : (
        <>
          <TableScroll label="Saved models (scrolls sideways)">
            <table className="table table--compact">
              <caption className="visually-hidden">Saved models</caption>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Strategy</th>
                  <th scope="col">Created</th>
                  <th scope="col">Size</th>
                  <th scope="col">Seed</th>
                  <th scope="col">User ids</th>
                </tr>
              </thead>
              <tbody>
                {saved.map((m) => (
                  <tr key={m.key}>
                    <th scope="row">{m.fileName}</th>
                    <td>{m.strategyLabel}</td>
                    <td>
                      {day(m.createdAt)} {m.createdAt.slice(11, 16)}
                    </td>
                    <td>{sizeText(m.sizeBytes)}</td>
                    <td>{count(m.seed)}</td>
                    <td>{m.idsMasked ? 'masked' : 'real'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <div className="row">
            <label className="field" htmlFor={selectId}>
              Saved model
            </label>
            <select id={selectId} value={key} onChange={(e) => setPicked(e.target.value)}>
              {saved.map((m) => (
                <option key={m.key} value={m.key}>
                  {m.fileName} · {m.createdAt.slice(11, 19)}
                </option>
              ))}
            </select>
            <button type="button" disabled={busy || !key} onClick={() => key && void loadSaved(key)}>
              Load saved model
            </button>
            <button type="button" disabled={busy || !key} onClick={() => key && void deleteSaved(key)}>
              Delete saved model
            </button>
          </div>
        </>
      )}
      <div className="row saved-models__file">
        <FileButton
          label="Load model file"
          accept=".zip,application/zip"
          secondary
          disabled={busy}
          onFile={(file) => void loadFile(file)}
        />
        <span className="hint">a bundle downloaded with Download model (.zip)</span>
      </div>
    </div>
  );
}
