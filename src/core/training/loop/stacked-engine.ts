/**
 * What the stacked training loop (train-stacked.ts) asks of whatever does the arithmetic: one
 * step for the models taking it, the epoch's losses, best-weight bookkeeping and the write-back.
 * Two implementations: tfjs ops on the active backend (tfjs-stacked-engine.ts) and the fused wasm
 * SIMD step (simd-stacked-engine.ts). Pure types.
 */
import type { EncodedRows } from '../../features/encoded-rows';
import type { HeadNetwork, LayerName } from '../../model/architecture';
import type { BatchSource, HostBatch, TableSizes } from './stacked-batch';

/** One model of a stacked phase as an engine sees it. */
export interface EngineModel {
  net: HeadNetwork;
  /** Its training rows and their targets (the fused engine packs them into its own memory, once). */
  fit: BatchSource;
  val: EncodedRows | null;
  valTarget: Float32Array | null;
}

export interface EngineSetup {
  models: readonly EngineModel[];
  /** Each model's learning rate. */
  learningRates: readonly number[];
  /** Layers kept fixed (no update, BatchNorm in inference mode). */
  frozen?: ReadonlySet<LayerName>;
  /** Most rows any model takes in one step. */
  width: number;
}

export interface StackedEngine {
  /** What hostBatch adds to model k's vocabulary indices: k·V for one stacked table, 0 for a table per model. */
  readonly tableSizes: TableSizes;
  /**
   * One step: every model with `active[k]` takes its rows of `hb` (padding weightless), its
   * BatchNorm moving averages decaying by `bnDecay[k]`; its loss joins the epoch's sum.
   */
  step(hb: HostBatch, active: readonly boolean[], bnDecay: readonly number[], nextSeed: () => number): void;
  /**
   * An engine that gathers each step's rows itself, from the fit rows it packed (the fused engine: a kernel
   * in its wasm memory, where hostBatch is a copy in JS): `epochOrders` takes each model's shuffled positions
   * for the epoch (null = sits it out), `stageStep` makes step s's batch from them — model k's rows
   * s·batch[k] … (s + 1)·batch[k] of its order where `active[k]`, as hostBatch with that pick would. Absent:
   * the loop builds a fresh batch each step with hostBatch (tfjs may keep a tensor's values by reference).
   */
  epochOrders?(orders: readonly (readonly number[] | null)[]): void;
  stageStep?(step: number, batches: readonly number[], active: readonly boolean[]): HostBatch;
  /** [K training-loss sums since the last call, K validation losses (0 without validation)]; resets the sums. */
  endEpoch(): Promise<Float32Array>;
  /** Keep the current weights of the improved models (every variable, BatchNorm statistics included). */
  keepBest(improved: readonly boolean[]): void;
  /** Write the kept weights back for the models flagged. */
  putBack(flags: readonly boolean[]): void;
  /** Copy every model's weights into its head network. */
  writeBack(): void;
  dispose(): void;
}
