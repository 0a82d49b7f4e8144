/**
 * The dataset slice: what the page knows of the dataset held by the worker — its summary and import
 * report — plus the import in progress and the last refusal. A refusal never clears a good dataset.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { DatasetSummary } from '../core/data/summarize-dataset';
import type { ImportReport } from '../core/data/task';
import type { LabClient } from '../worker/lab-client';
import { fetchSample, SAMPLE_NAME } from '../platform/read-file';
import type { TrainingSlice } from './training-slice';
import type { LearnerSlice } from './learner-slice';

/** Results of another dataset would be misleading next to this one: a new dataset clears them. */
type ResultsOfDataset = Pick<
  TrainingSlice,
  | 'results'
  | 'progress'
  | 'reportFrame'
  | 'backendDecision'
  | 'preview'
  | 'trainStatus'
  | 'trainError'
  | 'trainNotices'
  | 'runId'
> &
  Pick<LearnerSlice, 'learner' | 'learnerPredictions' | 'learnerBaseline'>;

export interface DatasetSlice {
  summary?: DatasetSummary;
  importReport?: ImportReport;
  /** Wall time of the last successful import in the worker, ms. */
  importMs?: number;
  /** The file being imported now. */
  importing?: string;
  /** Why the last import was refused; cleared by the next successful one. */
  importError?: string;
  /** The file behind the dataset loaded now (kept so the session can be restored from it). */
  lastImport?: { fileName: string; file: Blob };
  importFile(file: File): Promise<void>;
  loadSample(): Promise<void>;
}

export const createDatasetSlice =
  (client: LabClient): StateCreator<DatasetSlice & ResultsOfDataset, [], [], DatasetSlice> =>
  (set, get) => {
    async function importBlob(fileName: string, read: () => Promise<Blob>): Promise<void> {
      set({ importing: fileName });
      try {
        const file = await read();
        const reply = await client.importFile(fileName, file);
        if (reply.kind === 'imported') {
          if (get().summary?.fingerprint !== reply.summary.fingerprint) {
            set({
              results: {},
              progress: {},
              reportFrame: undefined,
              backendDecision: undefined,
              preview: {},
              // The status follows the data: nothing is trained on this dataset yet (a run in flight
              // keeps reporting until it ends).
              ...(get().runId === undefined
                ? { trainStatus: 'Not trained yet', trainError: undefined, trainNotices: [] }
                : {}),
              learner: undefined,
              learnerPredictions: undefined,
              learnerBaseline: undefined,
            });
          }
          set({
            summary: reply.summary,
            importReport: reply.report,
            importMs: reply.importMs,
            importError: undefined,
            lastImport: { fileName, file },
          });
        } else {
          set({ importError: reply.message });
        }
      } catch (error) {
        set({ importError: `${fileName} could not be read: ${(error as Error).message}.` });
      } finally {
        set({ importing: undefined });
      }
    }
    return {
      importFile: (file) => importBlob(file.name, async () => file),
      loadSample: () => importBlob(SAMPLE_NAME, fetchSample),
    };
  };
