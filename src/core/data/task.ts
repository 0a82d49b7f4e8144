/**
 * The normalised practice task and dataset types every layer shares.
 * Pure types: produced by the importer, consumed by features, strategies, evaluation and the UI.
 */
import type { ImportWarning } from './import-warnings';

export type { ImportWarning };

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** One completed practice task after import and normalisation. */
export interface Task {
  userId: string;
  topic: string;
  difficulty: Difficulty;
  /** Completion time, epoch milliseconds (UTC). */
  completedAtMs: number;
  isCorrect: boolean;
  /** Time the learner spent on the task, seconds (≥ 0). */
  actualTimeSeconds: number;
  /** The production model's recorded P(correct), when the export carries `predicted_correct`. */
  predictedCorrect?: number;
  /** The simulator's true P(correct), when a generated fixture carries `true_p`. */
  trueP?: number;
  /** 1-based data row of the file it came from (header excluded), as in RowProblem; absent for made-up tasks. */
  row?: number;
}

/** A skipped row: 1-based data row number (header excluded), the column at fault, why, and the raw value. */
export interface RowProblem {
  row: number;
  column: string;
  reason: string;
  value: string;
}

export interface ImportReport {
  fileName: string;
  format: 'csv' | 'json' | 'ndjson';
  /** Data rows read from the file (before skipping). */
  rowsRead: number;
  /** Rows left out because `completed` was false — not problems, the production query does the same. */
  notCompletedRows: number;
  skippedRows: number;
  /** The first 1,000 problems in detail; `skippedRows` counts them all. */
  problems: RowProblem[];
  /** Columns of the file that map to no known field, kept for the user's information. */
  ignoredColumns: string[];
  /** How each canonical field was found in the file (canonical → header as written). */
  columnMap: Record<string, string>;
  /** What was kept but should be known (durations clipped, repeated rows); absent when nothing. */
  warnings?: ImportWarning[];
}

/** Tasks sorted by completedAtMs, ties in file order (compare-tasks): the chronological order features rely on. */
export interface Dataset {
  tasks: Task[];
  report: ImportReport;
}
