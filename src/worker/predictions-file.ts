/**
 * "Download predictions (CSV)" in the lab worker: the held-out predictions of every strategy held now,
 * one row per task and seed, with user ids masked when asked.
 */
import { heldOutOf } from '../core/comparison/evaluation-setup';
import { userLabels } from '../core/report/mask-ids';
import { predictionsCsv } from '../core/report/predictions-csv';
import type { Held } from './lab-context';
import type { WorkerReply } from './protocol';
import { heldPredictions } from './train-handler';

type PredictionsReply = Extract<WorkerReply, { kind: 'predictions-csv' | 'failed' }>;
type Body<R> = R extends unknown ? Omit<R, 'id'> : never;

export function predictionsFile(held: Held, maskIds: boolean): Body<PredictionsReply> {
  const { dataset, summary, frame } = held;
  const strategies = heldPredictions(held).filter((p) => p.heldOut.length > 0);
  if (!dataset || !summary || strategies.length === 0)
    return {
      kind: 'failed',
      message:
        'No held-out predictions are held: train the strategies first (predictions are not kept between visits).',
    };
  const { split } = heldOutOf(dataset.tasks);
  const csv = predictionsCsv({
    tasks: dataset.tasks,
    testIndices: split.testIndices,
    strategies,
    baseline: frame?.baseline,
    labels: maskIds ? userLabels(summary.users.map((u) => u.userId)) : undefined,
  });
  const day = new Date().toISOString().slice(0, 10);
  return {
    kind: 'predictions-csv',
    fileName: `retrain-lab-predictions-${day}${maskIds ? '-masked' : ''}.csv`,
    csv,
  };
}
