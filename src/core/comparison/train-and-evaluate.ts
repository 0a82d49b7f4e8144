/**
 * One strategy of a comparison, start to finish: train it, evaluate it on the held-out rows, and turn a
 * failure into a report entry. Shared by runComparison's own lane and by a second worker running
 * strategies for it, so both produce the same entry for the same seed.
 */
import type { EvaluationData, StrategyEvaluation } from '../evaluation/evaluate-strategy';
import { evaluateStrategy } from '../evaluation/evaluate-strategy';
import type { Task } from '../data/task';
import { trainSpec, type StrategySpec } from '../strategies/strategy-spec';
import type { ProgressEvent, TrainedStrategy, ValidationOptions } from '../strategies/types';
import type { ReportStrategyFailed } from '../report/report-types';

export interface StrategyRunContext {
  tasks: readonly Task[];
  trainIndices: readonly number[];
  evalData: EvaluationData;
  seed: number;
  validation: ValidationOptions;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  /** Aborts, with an Error saying why, when the device fails (e.g. the WebGL context is lost). */
  fault?: AbortSignal;
}

export type StrategyOutcome =
  | { kind: 'trained'; entry: StrategyEvaluation; model: TrainedStrategy }
  | { kind: 'failed'; entry: ReportStrategyFailed };

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** `work`, unless the device fails first: then the fault's reason, and `work` is left to itself. */
function abandonOnFault<T>(work: Promise<T>, fault: AbortSignal | undefined): Promise<T> {
  if (!fault) return work;
  return new Promise<T>((resolve, reject) => {
    const onFault = () => reject(fault.reason);
    if (fault.aborted) return onFault();
    fault.addEventListener('abort', onFault, { once: true });
    work.then(resolve, reject).finally(() => fault.removeEventListener('abort', onFault));
  });
}

export const isAbort = (signal: AbortSignal | undefined, error: unknown): boolean =>
  signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');

/**
 * Train and evaluate `strategy`. A strategy that throws (not an abort) comes back as a failed entry; an
 * abort of `ctx.signal` rejects with its reason (nothing is left allocated either way).
 */
export async function trainAndEvaluate(
  strategy: StrategySpec,
  ctx: StrategyRunContext,
): Promise<StrategyOutcome> {
  const { signal, fault } = ctx;
  const started = performance.now();
  const strategySignal = fault && signal ? AbortSignal.any([signal, fault]) : (fault ?? signal);
  let model: TrainedStrategy | undefined;
  try {
    model = await abandonOnFault(
      trainSpec(
        strategy,
        { tasks: ctx.tasks, trainIndices: ctx.trainIndices },
        {
          seed: ctx.seed,
          signal: strategySignal,
          // A strategy abandoned after a fault may still report from the background: not any more.
          onProgress: (event) => !fault?.aborted && ctx.onProgress?.(event),
          validation: ctx.validation,
        },
      ),
      fault,
    );
    const entry = await abandonOnFault(
      evaluateStrategy(model, { ...ctx.evalData, signal: strategySignal }),
      fault,
    );
    return { kind: 'trained', entry, model };
  } catch (error) {
    model?.dispose();
    if (isAbort(signal, error)) throw error;
    return {
      kind: 'failed',
      entry: {
        status: 'failed',
        id: strategy.id,
        label: strategy.label,
        options: strategy.options,
        ...(strategy.own ? { recipe: strategy.own } : {}),
        trainMs: performance.now() - started,
        // A device fault shows up as whatever op broke first; the fault's own reason says what happened.
        error: messageOf(fault?.aborted ? fault.reason : error),
      },
    };
  }
}
