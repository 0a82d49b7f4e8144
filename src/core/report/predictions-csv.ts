/**
 * The held-out predictions as one CSV (`compare --predictions`, "Download predictions (CSV)"): one row
 * per held-out task and seed — the file's row number, user, topic, difficulty, completed_at, label and
 * actual seconds, then each strategy's P(correct) and predicted seconds in columns named after its id —
 * so every metric of the report can be recomputed with other tools. Formula-safe (csv.ts); user ids go
 * through the masking labels when given.
 */
import { REQUIRED_COLUMNS } from '../data/column-aliases';
import type { Task } from '../data/task';
import type { HeldOutPrediction } from '../evaluation/evaluate-strategy';
import { toCsv, type CsvCell } from './csv';
import { labelFor, type UserLabels } from './mask-ids';

export interface PredictedStrategy {
  id: string;
  /** Seeds of its runs, aligned with `heldOut`. */
  seeds: readonly number[];
  heldOut: readonly HeldOutPrediction[];
}

export interface PredictionsCsvInput {
  tasks: readonly Task[];
  /** Held-out positions into `tasks`, aligned with every prediction. */
  testIndices: readonly number[];
  strategies: readonly PredictedStrategy[];
  /** The constant rate's P(correct) and seconds, written as the `constant-rate_…` columns. */
  baseline?: { pCorrect: number; timeSeconds: number };
  /** Masking labels (Mask user IDs): user ids are written as their labels. */
  labels?: UserLabels;
}

/** Seed and row, then the held-out task's own columns, named and ordered as the import requires them. */
export const PREDICTION_COLUMNS = ['seed', 'row', ...REQUIRED_COLUMNS] as const;

/** The CSV text (CRLF, header first). Strategies lacking a seed leave its cells empty. */
export function predictionsCsv(input: PredictionsCsvInput): string {
  const { tasks, testIndices, strategies, baseline, labels } = input;
  const hasTruth = testIndices.some((i) => tasks[i]?.trueP !== undefined);
  const header: string[] = [
    ...PREDICTION_COLUMNS,
    ...(hasTruth ? ['true_p'] : []),
    ...(baseline ? ['constant-rate_p_correct', 'constant-rate_predicted_seconds'] : []),
    ...strategies.flatMap((s) => [`${s.id}_p_correct`, `${s.id}_predicted_seconds`]),
  ];
  const seeds = [...new Set(strategies.flatMap((s) => s.seeds))].sort((a, b) => a - b);
  const rows: CsvCell[][] = [];
  for (const seed of seeds) {
    const runs = strategies.map((s) => s.heldOut[s.seeds.indexOf(seed)]);
    testIndices.forEach((taskIndex, j) => {
      const t = tasks[taskIndex];
      if (!t) throw new RangeError(`row ${taskIndex} is outside the dataset`);
      rows.push([
        seed,
        t.row ?? null,
        labels ? labelFor(labels, t.userId) : t.userId,
        t.topic,
        t.difficulty,
        new Date(t.completedAtMs).toISOString(),
        t.isCorrect ? 1 : 0,
        t.actualTimeSeconds,
        ...(hasTruth ? [t.trueP ?? null] : []),
        ...(baseline ? [baseline.pCorrect, baseline.timeSeconds] : []),
        ...runs.flatMap((run) =>
          run ? [run.pCorrect[j] as number, run.timeSeconds[j] as number] : [null, null],
        ),
      ]);
    });
  }
  return toCsv(header, rows);
}
