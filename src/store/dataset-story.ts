/**
 * What the page says about who the data comes from, so the text follows the data: the design note's story
 * (one user's tasks dominate, and a user embedding learns mostly them) only where one user holds at least
 * half of the tasks; otherwise that the data is balanced. And, per strategy, how it moves the largest
 * user's share of the training loss on this data (from the influence preview).
 */
import type { DatasetSummary } from '../core/data/summarize-dataset';
import type { InfluenceRow } from '../core/training/loop/sampling';
import type { LabState } from './create-lab-store';
import { displaySummary } from './report-selectors';

/** A user holding at least this share of all tasks dominates the data. */
export const DOMINANT_SHARE = 0.5;

export interface DatasetStory {
  kind: 'dominant' | 'balanced';
  /** The user with the most tasks (as displayed: masked when masking is on). */
  userId: string;
  share: number;
  tasks: number;
  users: number;
  rows: number;
}

export function datasetStory(
  summary: Pick<DatasetSummary, 'users' | 'rows'> | undefined,
): DatasetStory | undefined {
  const top = summary?.users[0];
  if (!summary || !top) return undefined;
  return {
    kind: top.share >= DOMINANT_SHARE ? 'dominant' : 'balanced',
    userId: top.userId,
    share: top.share,
    tasks: top.tasks,
    users: summary.users.length,
    rows: summary.rows,
  };
}

let lastSummary: unknown;
let lastStory: DatasetStory | undefined;
/** The story of the dataset as displayed (memoised on the displayed summary). */
export function displayDatasetStory(state: LabState): DatasetStory | undefined {
  const summary = displaySummary(state);
  if (summary !== lastSummary) {
    lastSummary = summary;
    lastStory = datasetStory(summary);
  }
  return lastStory;
}

/** First-phase share of `userId` in a strategy's influence rows. */
function firstPhaseShare(rows: readonly InfluenceRow[] | undefined, userId: string): number | undefined {
  const phase = rows?.[0]?.phase;
  return rows?.find((r) => r.userId === userId && r.phase === phase)?.share;
}

/**
 * How a strategy moves the largest user's share of the training loss on the loaded data: from their share
 * of the training rows (the full retrain's influence) to their share under the strategy.
 */
export function influenceShift(
  preview: Readonly<Record<string, InfluenceRow[]>>,
  strategyId: string,
  topUserId: string | undefined,
  plainId = 'full-retrain',
): { plain: number; under: number } | undefined {
  if (topUserId === undefined) return undefined;
  const under = firstPhaseShare(preview[strategyId], topUserId);
  const plain = firstPhaseShare(preview[plainId], topUserId);
  return under === undefined || plain === undefined ? undefined : { plain, under };
}
