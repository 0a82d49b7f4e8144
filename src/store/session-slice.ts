/**
 * The session slice: starting the lab (restore the last session from the browser, or load the sample),
 * the "restored" note, a note when the session could not be kept, and Clear all data.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { SessionStorage } from '../platform/session-store';
import type { LabState } from './create-lab-store';
import { startPersistence } from './session-persistence';

export interface SessionSlice {
  /** What was restored from the last session (and what was not, with the reason). */
  sessionNote?: string;
  /** Why the session could not be written; cleared by the next successful write. */
  persistError?: string;
  /** Restore the last session, or load the bundled sample when there is none. */
  startLab(): Promise<void>;
  /** Delete everything the lab keeps in this browser: session, dataset, results, saved models. */
  clearAllData(): Promise<void>;
}

export interface SessionOptions {
  /** Absent: nothing is kept between visits (tests, or a browser without IndexedDB). */
  storage?: SessionStorage;
  linkHasSettings?: boolean;
}

export const createSessionSlice =
  (options: SessionOptions): StateCreator<LabState, [], [], SessionSlice> =>
  (set, get, api) => {
    // Once per page, even when React's StrictMode runs the mounting effect twice.
    let started: Promise<void> | undefined;
    return {
      startLab: () =>
        (started ??= options.storage
          ? startPersistence(api, options.storage, { linkHasSettings: options.linkHasSettings ?? false })
          : get().loadSample()),
      clearAllData: async () => {
        await options.storage?.clearAll();
        set({ sessionNote: undefined, savedModels: [], loadedModel: undefined });
      },
    };
  };
