/**
 * Messages between the page and the lab worker (types only). Every request carries a run id and every
 * reply echoes it, so the client can drop replies to requests it no longer waits for.
 */
import type { DatasetSummary } from '../core/data/summarize-dataset';
import type { ImportReport } from '../core/data/task';

export type WorkerRequest = {
  id: number;
  kind: 'import';
  fileName: string;
  /** The file itself: a handle, read inside the worker so not even the copy of its bytes lands on the page's thread. */
  file: Blob;
};

export type ImportReply =
  | { kind: 'imported'; summary: DatasetSummary; report: ImportReport; importMs: number }
  | { kind: 'refused'; message: string };

export type WorkerReply = { id: number } & (ImportReply | { kind: 'failed'; message: string });
