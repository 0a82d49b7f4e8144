/**
 * "Try a learner" in the worker: the edited learner's next-task context is built once from the dataset
 * held here, and every trained strategy predicts it — models of the lab worker here, models a training
 * helper keeps through that helper. A strategy whose model is gone says why instead of a number.
 */
import { learnerContext } from '../core/features/learner-scenario';
import type { TaskContext } from '../core/features/task-context';
import type { Prediction, TrainedStrategy } from '../core/strategies/types';
import type { ModelHoldings } from './model-exchange';
import type { WhatIfPrediction, WhatIfReply, WhatIfRequest } from './protocol';

/** What predicts a strategy that a helper trained. */
export interface RemotePredictor {
  predict(strategyId: string, contexts: TaskContext[]): Promise<Prediction>;
}

export async function answerWhatIf(
  held: ModelHoldings & { remote: ReadonlyMap<string, RemotePredictor> },
  request: WhatIfRequest,
): Promise<WhatIfReply> {
  const { dataset } = held;
  if (!dataset) return { kind: 'what-if-failed', message: 'Load a dataset first.' };
  let context: TaskContext;
  try {
    context = learnerContext(dataset.tasks, request);
  } catch (error) {
    return { kind: 'what-if-failed', message: (error as Error).message };
  }
  const predictions = await Promise.all(
    [...held.results].map(async ([id, { entry }]): Promise<WhatIfPrediction> => {
      const base = { strategyId: id, label: entry.label };
      if (entry.status !== 'ok') return { ...base, missing: 'it failed to train' };
      const local: TrainedStrategy | undefined = held.trained.get(id);
      const remote = held.remote.get(id);
      try {
        const p = local
          ? await local.predict([context])
          : remote
            ? await remote.predict(id, [context])
            : undefined;
        if (!p) return { ...base, missing: 'its model is not held any more: train it again' };
        return { ...base, pCorrect: p.pCorrect[0] as number, timeSeconds: p.timeSeconds[0] as number };
      } catch (error) {
        return { ...base, missing: (error as Error).message };
      }
    }),
  );
  // In the order strategies finished; the page orders them by the catalog.
  return { kind: 'what-if', predictions };
}
