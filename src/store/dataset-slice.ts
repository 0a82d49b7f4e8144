/**
 * The dataset slice: what the page knows of the dataset held by the worker — its summary and import
 * report — plus the import in progress and the last refusal. A refusal never clears a good dataset.
 * An import asked for while a run trains waits for the person: stop the run and import, or keep training
 * (the import is dropped, and said so) — never a silent wait that throws the run away afterwards.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { DatasetSummary } from '../core/data/summarize-dataset';
import type { ImportReport } from '../core/data/task';
import type { LabClient } from '../worker/lab-client';
import { fetchSample, SAMPLE_NAME } from '../platform/read-file';
import type { TrainingSlice } from './training-slice';
import type { LearnerSlice } from './learner-slice';
import type { SweepSlice } from './sweep-slice';

/** Results of another dataset would be misleading next to this one: a new dataset clears them. */
type ResultsOfDataset = Pick<
  TrainingSlice,
  | 'results'
  | 'progress'
  | 'reportFrame'
  | 'backendDecision'
  | 'preview'
  | 'optionNotices'
  | 'trainStatus'
  | 'trainError'
  | 'trainNotices'
  | 'comparisons'
  | 'predictionsHeld'
> &
  Pick<LearnerSlice, 'learner' | 'learnerPredictions' | 'learnerBaseline'> &
  Pick<SweepSlice, 'sweepResult' | 'sweepError' | 'sweepStatus'>;

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
  /** An import asked for during a training run, waiting for the person's answer. */
  pendingImport?: { fileName: string };
  /** What became of the last import asked for during a run (kept training, so it was not imported). */
  importNote?: string;
  importFile(file: File): Promise<void>;
  loadSample(): Promise<void>;
  /** Stop the run in progress, then import the pending file. */
  confirmPendingImport(): Promise<void>;
  /** Keep training; the pending file is not imported. */
  dismissPendingImport(): void;
}

/** What the dataset slice needs of the training slice: whether a run is on, and how to stop it. */
type RunControl = Pick<TrainingSlice, 'runId' | 'cancelTraining'>;

export const createDatasetSlice =
  (client: LabClient): StateCreator<DatasetSlice & ResultsOfDataset & RunControl, [], [], DatasetSlice> =>
  (set, get, api) => {
    let waiting: { fileName: string; read: () => Promise<Blob> } | undefined;
    const runEnded = () =>
      new Promise<void>((resolve) => {
        if (get().runId === undefined) return resolve();
        const stop = api.subscribe((s) => {
          if (s.runId !== undefined) return;
          stop();
          resolve();
        });
      });

    /** Imports now, or — while a run trains — asks first. */
    async function requestImport(fileName: string, read: () => Promise<Blob>): Promise<void> {
      if (get().runId === undefined) return importBlob(fileName, read);
      waiting = { fileName, read };
      set({ pendingImport: { fileName }, importNote: undefined });
    }

    async function importBlob(fileName: string, read: () => Promise<Blob>): Promise<void> {
      set({ importing: fileName, importNote: undefined });
      try {
        const file = await read();
        const reply = await client.importFile(fileName, file);
        if (reply.kind === 'imported') {
          if (get().summary?.fingerprint !== reply.summary.fingerprint) {
            set({
              results: {},
              progress: {},
              reportFrame: undefined,
              comparisons: undefined,
              predictionsHeld: false,
              backendDecision: undefined,
              preview: {},
              optionNotices: {},
              // The status speaks of the data shown: never "All strategies trained" above an empty Compare.
              trainStatus: 'Not trained yet',
              trainError: undefined,
              trainNotices: [],
              learner: undefined,
              learnerPredictions: undefined,
              learnerBaseline: undefined,
              sweepResult: undefined,
              sweepError: undefined,
              sweepStatus: 'No sweep yet',
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
      importFile: (file) => requestImport(file.name, async () => file),
      loadSample: () => requestImport(SAMPLE_NAME, fetchSample),
      async confirmPendingImport() {
        const next = waiting;
        waiting = undefined;
        set({ pendingImport: undefined });
        if (!next) return;
        get().cancelTraining();
        await runEnded();
        await importBlob(next.fileName, next.read);
      },
      dismissPendingImport() {
        const fileName = waiting?.fileName;
        waiting = undefined;
        set({
          pendingImport: undefined,
          importNote: fileName
            ? `${fileName} was not imported${get().runId === undefined ? '' : ': training goes on'}.`
            : undefined,
        });
      },
    };
  };
