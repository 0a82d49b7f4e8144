/**
 * The bundle's proof of identity: predictions of the trained strategy on held-out rows of its training
 * data, stored at export; a reloaded bundle predicts the same rows again and must match within 1e-6.
 * Only possible on the same dataset (fingerprint), whose canonical row order makes indices stable.
 */
import type { Task } from '../data/task';
import { taskContextsAt } from '../features/task-context';
import type { Predictor } from '../strategies/types';
import type { BundleManifest } from './bundle-manifest';

export type SelfCheck = BundleManifest['selfCheck'];

/** Enough rows to exercise every route on real exports, few enough to keep the manifest small. */
export const SELF_CHECK_MAX_ROWS = 2000;
export const SELF_CHECK_TOLERANCE = 1e-6;

export type SelfCheckResult =
  | { kind: 'not-applicable'; reason: string }
  | {
      kind: 'checked';
      rows: number;
      /** Largest |Δ P(correct)|. */
      maxDiffPCorrect: number;
      /** Largest |Δ seconds| / max(1, seconds): float32 seconds carry ~7 significant digits. */
      maxRelDiffTime: number;
      passed: boolean;
    };

/** Why a bundle is not made when the dataset holds no held-out row: it could never check itself. */
export const NO_STORED_ROWS =
  'the dataset has no held-out rows (every user has a single task), so the bundle could not store rows to check its predictions against; it is not exported';

/** Predict up to SELF_CHECK_MAX_ROWS of `indices` (held-out rows) with the trained strategy. */
export async function takeSelfCheck(
  predictor: Predictor,
  tasks: readonly Task[],
  indices: readonly number[],
  fingerprint: string,
  userKey: (userId: string) => string = (id) => id,
): Promise<SelfCheck> {
  const taskIndices = indices.slice(0, SELF_CHECK_MAX_ROWS);
  if (taskIndices.length === 0) throw new Error(NO_STORED_ROWS);
  const p = await predictor.predict(contextsAt(tasks, taskIndices, userKey));
  return {
    datasetFingerprint: fingerprint,
    taskIndices,
    pCorrect: Array.from(p.pCorrect),
    timeSeconds: Array.from(p.timeSeconds),
  };
}

/** Predict the stored rows again with a loaded bundle and compare. */
export async function verifySelfCheck(
  predictor: Predictor,
  tasks: readonly Task[],
  fingerprint: string,
  check: SelfCheck,
  userKey: (userId: string) => string = (id) => id,
): Promise<SelfCheckResult> {
  if (check.datasetFingerprint !== fingerprint)
    return {
      kind: 'not-applicable',
      reason: `the bundle was checked on dataset ${check.datasetFingerprint.slice(0, 12)}…; load that dataset to compare predictions`,
    };
  if (check.taskIndices.length === 0)
    return { kind: 'not-applicable', reason: 'the bundle stores no rows to check its predictions against' };
  if (check.taskIndices.some((i) => i >= tasks.length))
    return { kind: 'not-applicable', reason: 'the stored rows are outside this dataset' };
  const p = await predictor.predict(contextsAt(tasks, check.taskIndices, userKey));
  let maxDiffPCorrect = 0;
  let maxRelDiffTime = 0;
  check.taskIndices.forEach((_, j) => {
    maxDiffPCorrect = Math.max(
      maxDiffPCorrect,
      Math.abs((p.pCorrect[j] as number) - (check.pCorrect[j] as number)),
    );
    const t = check.timeSeconds[j] as number;
    maxRelDiffTime = Math.max(
      maxRelDiffTime,
      Math.abs((p.timeSeconds[j] as number) - t) / Math.max(1, Math.abs(t)),
    );
  });
  return {
    kind: 'checked',
    rows: check.taskIndices.length,
    maxDiffPCorrect,
    maxRelDiffTime,
    passed: maxDiffPCorrect <= SELF_CHECK_TOLERANCE && maxRelDiffTime <= SELF_CHECK_TOLERANCE,
  };
}

const contextsAt = (tasks: readonly Task[], indices: readonly number[], userKey: (id: string) => string) =>
  taskContextsAt(tasks, indices).map((c) => ({ ...c, userId: userKey(c.userId) }));
