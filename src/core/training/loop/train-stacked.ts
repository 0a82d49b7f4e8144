/**
 * The custom training loop (tfjs `fit` has no sampleWeight) for K heads of one architecture at
 * once — a model's two heads, or many users' fine-tunes: each model keeps its own rows, batch,
 * learning rate, shuffles, early stopping and best weights, while every step is one call into an
 * engine for all of them (stacked tfjs ops, or the fused SIMD step on wasm). One read-back per
 * epoch; cancellation by AbortSignal; no leaked tensors. One call = one phase with new optimizer state.
 */
import * as tf from '@tensorflow/tfjs';
import type { EncodedRows } from '../../features/encoded-rows';
import type { HeadNetwork, LayerName } from '../../model/architecture';
import type { Rng } from '../../random/rng';
import { phaseBatch, type PhaseBatch } from './batch-rule';
import { createSimdEngine, simdKernelsAvailable } from '../simd/simd-stacked-engine';
import { hostBatch, type BatchSource } from './stacked-batch';
import type { EngineSetup, StackedEngine } from './stacked-engine';
import { createTfjsEngine } from '../tfjs/tfjs-stacked-engine';
import { yieldTask } from './yield-task';

export interface PhaseOptions {
  epochs: number;
  /** Rows per step; a phase with fewer rows uses one step of all of them. */
  batchSize: number;
  learningRate: number;
  /** Scale the batch to about this many steps per epoch (batch-rule.ts); 0 or absent = fixed batch. */
  stepsPerEpoch?: number;
  /** Epochs without a better validation loss before stopping; 0 = never stop early. */
  patience: number;
  /** With early stopping on (patience > 0), put back the weights of the best validation epoch at the end. */
  restoreBestWeights: boolean;
  /** Layers kept fixed: left out of the optimizer and run in inference mode (BatchNorm untouched). */
  frozen?: ReadonlySet<LayerName>;
}

export interface EpochReport {
  epoch: number;
  epochs: number;
  /** Mean weighted training loss of the epoch (regulariser included). */
  loss: number;
  /** Weighted mean validation loss (inference mode), null without validation rows. */
  valLoss: number | null;
}

export interface PhaseResult {
  epochsRun: number;
  /** 1-based epoch whose weights were kept (the last one when not restored). */
  bestEpoch: number;
  losses: number[];
  valLosses: (number | null)[];
}

/** One model of a stacked phase: its head, rows and targets. */
export interface StackedModel {
  net: HeadNetwork;
  fit: EncodedRows;
  /** The target per fit / validation row (label, or standardised log time). */
  fitTarget: Float32Array;
  val: EncodedRows | null;
  valTarget: Float32Array | null;
  onEpoch?: (report: EpochReport) => void;
}

export interface TrainStackedArgs {
  models: readonly StackedModel[];
  options: PhaseOptions;
  rng: Rng;
  signal?: AbortSignal;
  /**
   * Who does the arithmetic: 'simd' (our wasm SIMD kernels, the default wherever they run except on
   * WebGL) or 'tfjs' (tfjs ops on the active backend). See defaultEngine.
   */
  engine?: 'simd' | 'tfjs';
}

let pinned: 'simd' | 'tfjs' | null = null;

/** Pin the engine for every phase that does not name one (scripts comparing engines; the lab never does). */
export function pinEngine(engine: 'simd' | 'tfjs' | null): void {
  pinned = engine;
}

/**
 * The default engine for a tfjs backend: the fused SIMD step wherever wasm SIMD runs, except on WebGL,
 * whose tfjs ops run on the GPU. On cpu the tfjs backend still evaluates, predicts and exports; the
 * fused step only replaces the training arithmetic (its plain-JS tfjs ops were ~50× slower).
 */
export function defaultEngine(backend: string): 'simd' | 'tfjs' {
  return backend !== 'webgl' && simdKernelsAvailable() ? 'simd' : 'tfjs';
}

/** A phase whose loss stopped being a finite number: the strategy fails with this plain sentence. */
export class TrainingDivergedError extends Error {
  override name = 'TrainingDivergedError';
  constructor(
    readonly epoch: number,
    readonly learningRate: number,
  ) {
    super(
      `training diverged at epoch ${epoch} (learning rate ${formatRate(learningRate)} is probably too high)`,
    );
  }
}

/** 0.001 → "0.001", 1e9 → "1e9": as a person would type it. */
const formatRate = (x: number): string =>
  x !== 0 && (Math.abs(x) >= 1e4 || Math.abs(x) < 1e-4) ? x.toExponential().replace('e+', 'e') : String(x);

/** Per-model bookkeeping of one phase. */
interface ModelState extends PhaseResult {
  plan: PhaseBatch;
  stopped: boolean;
  bestLoss: number;
  wait: number;
  hasVal: boolean;
}

/** Train K heads of one architecture together. Throws the signal's reason when aborted (after cleaning up). */
export async function trainStacked(args: TrainStackedArgs): Promise<PhaseResult[]> {
  const { options, rng, signal } = args;
  const results: PhaseResult[] = args.models.map(() => ({
    epochsRun: 0,
    bestEpoch: 0,
    losses: [],
    valLosses: [],
  }));
  const live = args.models.map((_, i) => i).filter((i) => (args.models[i] as StackedModel).fit.n > 0);
  const models = live.map((i) => args.models[i] as StackedModel);
  if (models.length === 0 || options.epochs <= 0) return results;

  const states: ModelState[] = models.map((m) => ({
    epochsRun: 0,
    bestEpoch: 0,
    losses: [],
    valLosses: [],
    plan: phaseBatch(m.fit.n, options),
    stopped: false,
    bestLoss: Infinity,
    wait: 0,
    hasVal: m.val !== null && m.val.n > 0 && m.valTarget !== null,
  }));
  const k = models.length;
  const restore = options.restoreBestWeights && options.patience > 0;
  const width = Math.max(...states.map((s) => s.plan.batch));
  const setup: EngineSetup = {
    models: models.map((m, i) => ({
      net: m.net,
      val: (states[i] as ModelState).hasVal ? m.val : null,
      valTarget: (states[i] as ModelState).hasVal ? m.valTarget : null,
    })),
    learningRates: states.map((s) => s.plan.learningRate),
    ...(options.frozen ? { frozen: options.frozen } : {}),
    width,
  };
  const engine: StackedEngine | null =
    (args.engine ?? pinned ?? defaultEngine(tf.getBackend())) === 'simd'
      ? createSimdEngine(setup)
      : createTfjsEngine(setup);
  if (!engine) return results;
  const fitSources: BatchSource[] = models.map((m) => ({ rows: m.fit, target: m.fitTarget }));
  try {
    const epochs = Math.max(...states.map((s) => s.plan.epochs));
    for (let epoch = 1; epoch <= epochs; epoch++) {
      signal?.throwIfAborted();
      // A model whose own (scaled) epoch count is reached sits out the rest.
      for (const s of states) if (epoch > s.plan.epochs) s.stopped = true;
      if (states.every((s) => s.stopped)) break;
      const orders = states.map((s, m) =>
        s.stopped
          ? null
          : rng
              .shuffle(Array.from({ length: (models[m] as StackedModel).fit.n }, (_, i) => i))
              .slice(0, s.plan.steps * s.plan.batch),
      );
      const steps = Math.max(...states.map((s) => (s.stopped ? 0 : s.plan.steps)));
      for (let step = 0; step < steps && !signal?.aborted; step++) {
        const active = states.map((s) => !s.stopped && step < s.plan.steps);
        const picks = orders.map((o, m) => {
          const b = states[m]?.plan.batch as number;
          return o && active[m] ? o.slice(step * b, (step + 1) * b) : null;
        });
        const hb = hostBatch(
          fitSources,
          picks,
          width,
          engine.tableSizes,
          (m) => states[m]?.plan.batch as number,
        );
        engine.step(
          hb,
          active,
          active.map((a, m) => (a ? 1 - (states[m] as ModelState).plan.bnMomentum : 0)),
          () => rng.int32(),
        );
      }
      signal?.throwIfAborted();
      const losses = await engine.endEpoch();
      const improved = new Array<boolean>(k).fill(false);
      states.forEach((s, m) => {
        if (s.stopped) return;
        const loss = (losses[m] as number) / Math.max(1, s.plan.steps);
        const valLoss = s.hasVal ? (losses[k + m] as number) : null;
        s.epochsRun = epoch;
        s.losses.push(loss);
        s.valLosses.push(valLoss);
        // A NaN or infinite loss poisons every later step and every prediction: stop the phase, by name.
        if (!Number.isFinite(loss) || (valLoss !== null && !Number.isFinite(valLoss)))
          throw new TrainingDivergedError(epoch, options.learningRate);
        models[m]?.onEpoch?.({ epoch, epochs: s.plan.epochs, loss, valLoss });
        if (valLoss !== null && valLoss < s.bestLoss) {
          s.bestLoss = valLoss;
          s.bestEpoch = epoch;
          s.wait = 0;
          improved[m] = true;
        } else if (valLoss !== null && options.patience > 0 && ++s.wait >= options.patience) s.stopped = true;
      });
      if (restore && improved.some(Boolean)) engine.keepBest(improved);
      if (states.every((s) => s.stopped)) break;
      await yieldTask(); // let a worker see a cancel message between epochs
    }
    const restored = states.map((s) => restore && s.hasVal && s.bestEpoch > 0 && s.bestEpoch !== s.epochsRun);
    if (restored.some(Boolean)) engine.putBack(restored);
    engine.writeBack();
    states.forEach((s, m) => {
      const restoredHere = restore && s.hasVal;
      results[live[m] as number] = {
        epochsRun: s.epochsRun,
        bestEpoch: restoredHere ? s.bestEpoch : s.epochsRun,
        losses: s.losses,
        valLosses: s.valLosses,
      };
    });
    return results;
  } finally {
    engine.dispose();
  }
}
