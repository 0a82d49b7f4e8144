/**
 * The lab's one zustand store, built by a factory so each test and each page gets a fresh one.
 * One slice per domain; only serialisable data lives here — live models stay in the worker.
 */
import { createStore } from 'zustand/vanilla';
import type { LabClient } from '../worker/lab-client';
import { createDatasetSlice, type DatasetSlice } from './dataset-slice';

export type LabState = DatasetSlice;
export type LabStore = ReturnType<typeof createLabStore>;

export function createLabStore(client: LabClient) {
  return createStore<LabState>()((...a) => ({
    ...createDatasetSlice(client)(...a),
  }));
}
