/**
 * One head trained alone: the stacked training loop (train-stacked.ts) with a single model. Used
 * where one network trains by itself (the backend's step measurement, tests).
 */
import type { EncodedRows } from '../../features/encoded-rows';
import type { HeadNetwork } from '../../model/architecture';
import type { Rng } from '../../random/rng';
import { trainStacked, type EpochReport, type PhaseOptions, type PhaseResult } from './train-stacked';

export type { EpochReport, PhaseOptions, PhaseResult } from './train-stacked';

export interface TrainHeadArgs {
  net: HeadNetwork;
  fit: EncodedRows;
  /** The target per fit / validation row (label, or standardised log time). */
  fitTarget: Float32Array;
  val: EncodedRows | null;
  valTarget: Float32Array | null;
  options: PhaseOptions;
  rng: Rng;
  signal?: AbortSignal;
  onEpoch?: (report: EpochReport) => void;
}

/** Train one head for one phase. Throws the signal's reason when aborted (after cleaning up). */
export async function trainHead(args: TrainHeadArgs): Promise<PhaseResult> {
  const { net, fit, fitTarget, val, valTarget, onEpoch, options, rng, signal } = args;
  const [result] = await trainStacked({
    models: [{ net, fit, fitTarget, val, valTarget, ...(onEpoch ? { onEpoch } : {}) }],
    options,
    rng,
    ...(signal ? { signal } : {}),
  });
  return result as PhaseResult;
}
