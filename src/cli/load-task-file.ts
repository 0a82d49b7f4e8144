/**
 * What `compare` and `sweep` do before training: read the task export (bytes, so binary files and the size
 * limit are recognised), import it (warnings to stderr), activate the backend and summarise the dataset.
 * A refusal is one line on stderr and exit code 2. Uses core only.
 */
import type { Dataset } from '../core/data/task';
import { importTasksFromBytes, importTasksFromText } from '../core/data/import-tasks';
import { summarizeDataset, type DatasetSummary } from '../core/data/summarize-dataset';
import { activateBackend } from '../core/backend/activate-backend';
import type { ProgressEvent } from '../core/strategies/types';
import type { RunProgressEvent } from '../core/comparison/comparison-request';
import { readFailure, type CliIo } from './cli-io';

export interface LoadedTaskFile {
  dataset: Dataset;
  summary: DatasetSummary;
  /** The file as read: lane threads import it themselves. */
  content: string | Uint8Array;
}

/** The file imported and summarised on an active backend, or the exit code of a refusal (2). */
export async function loadTaskFile(
  file: string,
  backend: 'cpu' | 'wasm',
  io: CliIo,
  readFile: (path: string) => Promise<string | Uint8Array>,
): Promise<LoadedTaskFile | 2> {
  let content: string | Uint8Array;
  try {
    content = await readFile(file);
  } catch (error) {
    io.stderr(readFailure(file, error));
    return 2;
  }
  const imported =
    typeof content === 'string' ? importTasksFromText(content, file) : importTasksFromBytes(content, file);
  if (imported.kind === 'refused') {
    io.stderr(`${imported.message}\n`);
    return 2;
  }
  for (const warning of imported.dataset.report.warnings ?? []) io.stderr(`warning: ${warning.message}\n`);
  const activation = await activateBackend(backend);
  if (!activation.ok) {
    io.stderr(`${activation.reason}\n`);
    return 2;
  }
  return { dataset: imported.dataset, summary: await summarizeDataset(imported.dataset), content };
}

/** A reader of text files (own recipes) over the commands' byte reader. */
export const textReader =
  (readFile: (path: string) => Promise<string | Uint8Array>) =>
  async (path: string): Promise<string> => {
    const content = await readFile(path);
    return typeof content === 'string' ? content : new TextDecoder().decode(content);
  };

/** One line per finished head-phase, so a long run shows it is alive without flooding the terminal. */
function progressPrinter(io: CliIo) {
  return (e: ProgressEvent) => {
    if (e.epoch !== e.epochs && e.epoch % 10 !== 0) return;
    const who = e.userId ? ` ${e.userId}` : '';
    const val = e.valLoss === null ? '' : ` val ${e.valLoss.toFixed(4)}`;
    io.stderr(
      `  ${e.strategyId} ${e.phase}${who} ${e.head} epoch ${e.epoch}/${e.epochs} loss ${e.loss.toFixed(4)}${val}\n`,
    );
  };
}

/** Progress on stderr: "training <label> (seed k of N)" once per strategy and seed, then its epochs. */
export function runProgress(io: CliIo, labelOf: (id: string) => string): (e: RunProgressEvent) => void {
  const started = new Set<string>();
  const printProgress = progressPrinter(io);
  return (e) => {
    const key = `${e.strategyId}:${e.seedIndex}`;
    if (!started.has(key)) {
      started.add(key);
      const seedNote = e.repeats > 1 ? ` (seed ${e.seedIndex + 1} of ${e.repeats})` : '';
      io.stderr(`training ${labelOf(e.strategyId)}${seedNote}\n`);
    }
    printProgress(e);
  };
}
