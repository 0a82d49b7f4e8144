/**
 * The export slice: which trained strategy to take away, the bundles saved in this browser, the model
 * loaded back (its manifest, self-check and scores on the current data) and what the last action said.
 * Bytes for a download are handed to the caller: the store never touches the DOM.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { LabClient } from '../worker/lab-client';
import type { LoadedModelView, SavedModelInfo } from '../worker/protocol';
import type { SettingsSlice } from './settings-slice';

export type ExportAction = 'download' | 'browser' | 'load' | 'delete';

export interface ExportSlice {
  /** The strategy the export buttons act on; undefined = the recommended (or first trained) one. */
  exportStrategyId?: string;
  savedModels: SavedModelInfo[];
  exportBusy?: ExportAction;
  exportMessage?: { tone: 'ok' | 'error'; text: string };
  loadedModel?: LoadedModelView;
  setExportStrategy(id: string): void;
  refreshSavedModels(): Promise<void>;
  /** Packs the strategy in the worker; resolves to the file to download (target download) or nothing. */
  exportModel(
    strategyId: string,
    target: 'download' | 'browser',
  ): Promise<{ fileName: string; bytes: Uint8Array<ArrayBuffer> } | undefined>;
  deleteSavedModel(key: string): Promise<void>;
  loadSavedModel(key: string): Promise<void>;
  loadModelFile(file: File): Promise<void>;
}

/** A bundle's size as the export panel and its messages show it. */
export const sizeText = (bytes: number) =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;

export const createExportSlice =
  (client: LabClient): StateCreator<ExportSlice & SettingsSlice, [], [], ExportSlice> =>
  (set, get) => {
    // One action at a time; whatever happens, the busy flag is cleared and a message left.
    const run = async <T>(action: ExportAction, work: () => Promise<T>): Promise<T | undefined> => {
      set({ exportBusy: action, exportMessage: undefined });
      try {
        return await work();
      } catch (error) {
        set({ exportMessage: { tone: 'error', text: (error as Error).message } });
        return undefined;
      } finally {
        set({ exportBusy: undefined });
      }
    };
    const load = (source: Parameters<LabClient['loadModel']>[0]['source']) =>
      run('load', async () => {
        const { backend, thresholds } = get();
        const reply = await client.loadModel({ source, backend, thresholds });
        if (reply.kind === 'model-refused') set({ exportMessage: { tone: 'error', text: reply.message } });
        else
          set({
            loadedModel: reply.view,
            exportMessage: { tone: 'ok', text: `Loaded ${reply.view.source}.` },
          });
      });
    return {
      savedModels: [],
      setExportStrategy: (id) => set({ exportStrategyId: id }),
      refreshSavedModels: async () => {
        await run('load', async () => set({ savedModels: await client.savedModels() }));
      },
      exportModel: (strategyId, target) =>
        run(target, async () => {
          const reply = await client.exportModel({ strategyId, target, maskIds: get().maskIds });
          if (reply.kind === 'failed') throw new Error(reply.message);
          if (reply.saved) {
            set({
              savedModels: await client.savedModels(),
              exportMessage: {
                tone: 'ok',
                text: `Saved ${reply.fileName} (${sizeText(reply.sizeBytes)}) in this browser.`,
              },
            });
            return undefined;
          }
          if (!reply.bytes) throw new Error('the worker returned no bytes to download');
          set({
            exportMessage: {
              tone: 'ok',
              text: `Downloading ${reply.fileName} (${sizeText(reply.sizeBytes)}).`,
            },
          });
          return { fileName: reply.fileName, bytes: reply.bytes };
        }),
      deleteSavedModel: async (key) => {
        await run('delete', async () => set({ savedModels: await client.deleteSaved(key) }));
      },
      loadSavedModel: (key) => load({ kind: 'saved', key }),
      loadModelFile: (file) => load({ kind: 'file', fileName: file.name, file }),
    };
  };
