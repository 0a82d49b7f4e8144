/**
 * The lab's one zustand store, built by a factory so each test and each page gets a fresh one.
 * One slice per domain; only serialisable data lives here — live models stay in the worker.
 */
import { createStore } from 'zustand/vanilla';
import type { LabClient } from '../worker/lab-client';
import { createDatasetSlice, type DatasetSlice } from './dataset-slice';
import { createExportSlice, type ExportSlice } from './export-slice';
import { createHistorySlice, type HistorySlice } from './history-slice';
import { createLearnerSlice, type LearnerSlice } from './learner-slice';
import { watchRuns } from './run-recorder';
import type { RunHistoryStorage } from '../platform/run-history';
import { createOwnStrategySlice, type OwnStrategySlice } from './own-strategy-slice';
import { createSessionSlice, type SessionOptions, type SessionSlice } from './session-slice';
import { CATALOG, createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createSweepSlice, type SweepSlice } from './sweep-slice';
import { createTrainingSlice, type TrainingSlice } from './training-slice';

export type LabState = DatasetSlice &
  SettingsSlice &
  OwnStrategySlice &
  TrainingSlice &
  ExportSlice &
  SessionSlice &
  HistorySlice &
  LearnerSlice &
  SweepSlice;

export type LabStore = ReturnType<typeof createLabStore>;

/** `history`: where the run history is kept (absent: in memory, for this page only). */
export function createLabStore(client: LabClient, session: SessionOptions = {}, history?: RunHistoryStorage) {
  const store = createStore<LabState>()((...a) => ({
    ...createDatasetSlice(client)(...(a as Parameters<ReturnType<typeof createDatasetSlice>>)),
    ...createSettingsSlice(...(a as Parameters<typeof createSettingsSlice>)),
    ...createOwnStrategySlice(...(a as Parameters<typeof createOwnStrategySlice>)),
    ...createTrainingSlice(client)(...(a as Parameters<ReturnType<typeof createTrainingSlice>>)),
    ...createExportSlice(client)(...(a as Parameters<ReturnType<typeof createExportSlice>>)),
    ...createSessionSlice(session)(...a),
    ...createHistorySlice(history)(...(a as Parameters<ReturnType<typeof createHistorySlice>>)),
    ...createLearnerSlice(client)(...(a as Parameters<ReturnType<typeof createLearnerSlice>>)),
    ...createSweepSlice(client)(...(a as Parameters<ReturnType<typeof createSweepSlice>>)),
  }));
  watchRuns(store);
  void store.getState().loadRunHistory();
  // "Try a learner" follows the models: new results (a run ended, a strategy re-trained) answer anew.
  store.subscribe((s, prev) => {
    if (s.learner && s.runId === undefined && (s.results !== prev.results || prev.runId !== undefined))
      void s.refreshWhatIf();
  });
  store.getState().setCatalog(CATALOG);
  // A run in flight fails through its own reply; this tells the user even when nothing was running.
  client.onRestart((message) => store.setState({ trainError: message }));
  return store;
}
