/**
 * The custom training loop (tfjs `fit` has no sampleWeight) for K heads of one architecture at
 * once — a model's two heads, or many users' fine-tunes: each model keeps its own rows, batch,
 * learning rate, shuffles, early stopping and best weights, while every step is one call into an
 * engine for all of them (stacked tfjs ops, or the fused SIMD step on wasm). One read-back per
 * epoch; cancellation by AbortSignal; no leaked tensors. One call = one phase with new optimizer state.
 */
import type { EncodedRows } from '../../features/encoded-rows';
import { presentLayers, type HeadNetwork, type LayerName } from '../../model/architecture';
import type { Rng } from '../../random/rng';
import { phaseBatch, type PhaseBatch } from './batch-rule';
import { createSimdEngine } from '../simd/simd-stacked-engine';
import { currentEngine, type Engine } from '../engine-choice';
import { hostBatch, packRows, positions, type PackedRows } from './stacked-batch';
import { monotoneKey } from './stacked-network';
import type { EngineSetup, StackedEngine } from './stacked-engine';
import { createTfjsEngine } from '../tfjs/tfjs-stacked-engine';
import { yieldTimed, type AwayClock } from './yield-task';

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
  /** Adds the time the loop spends yielded between its steps and epochs. */
  away?: AwayClock;
  /**
   * Who does the arithmetic: 'simd' (our wasm SIMD kernels, the default wherever they run except on
   * WebGL) or 'tfjs' (tfjs ops on the active backend). See defaultEngine.
   */
  engine?: Engine;
}

/** Longest stretch of steps without letting a worker see a cancel message, ms (a yield costs ~0.1 ms). */
export const YIELD_EVERY_MS = 100;

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
    plan: phaseBatch(m.fit.n, {
      ...options,
      userEmbedding: m.net.spec.userEmbeddingDim > 0 && !options.frozen?.has('user_embedding'),
    }),
    stopped: false,
    bestLoss: Infinity,
    wait: 0,
    hasVal: m.val !== null && m.val.n > 0 && m.valTarget !== null,
  }));
  const k = models.length;
  // Best weights are kept where the phase may stop early (its own patience: the batch rule may add one).
  const restoreOf = (s: ModelState) => options.restoreBestWeights && s.plan.patience > 0;
  // One engine per structure: a monotone correctness head and its plain time head cannot be stacked.
  const units: Unit[] = [];
  const fused = (args.engine ?? currentEngine()) === 'simd';
  for (const members of groupByStructure(models.map((m) => m.net))) {
    const width = Math.max(...members.map((m) => (states[m] as ModelState).plan.batch));
    const setup: EngineSetup = {
      models: members.map((m) => ({
        net: (models[m] as StackedModel).net,
        fit: { rows: (models[m] as StackedModel).fit, target: (models[m] as StackedModel).fitTarget },
        val: (states[m] as ModelState).hasVal ? (models[m] as StackedModel).val : null,
        valTarget: (states[m] as ModelState).hasVal ? (models[m] as StackedModel).valTarget : null,
      })),
      learningRates: members.map((m) => (states[m] as ModelState).plan.learningRate),
      ...(options.frozen ? { frozen: options.frozen } : {}),
      width,
    };
    const engine: StackedEngine | null = fused ? createSimdEngine(setup) : createTfjsEngine(setup);
    if (engine) units.push({ engine, members, width });
    // Nothing of these models trains: they keep their weights and report no epochs.
    else for (const m of members) (states[m] as ModelState).stopped = true;
  }
  if (units.length === 0) return results;
  // Packed here for the engines that take hostBatch's batches (the fused engine packs its own).
  const fitSources: (PackedRows | null)[] = models.map((m, i) =>
    units.some((u) => u.members.includes(i) && !u.engine.stageStep)
      ? packRows({ rows: m.fit, target: m.fitTarget })
      : null,
  );
  const pick = <T>(all: readonly T[], members: readonly number[]) => members.map((m) => all[m] as T);
  const batches = states.map((s) => s.plan.batch);
  try {
    const epochs = Math.max(...states.map((s) => s.plan.epochs));
    // Each epoch shuffles a copy of 0 … n − 1 (a packed copy is a memcpy; building it cost a push per row).
    const identity = models.map((m) => positions(m.fit.n));
    for (let epoch = 1; epoch <= epochs; epoch++) {
      signal?.throwIfAborted();
      // A model whose own (scaled) epoch count is reached sits out the rest.
      for (const s of states) if (epoch > s.plan.epochs) s.stopped = true;
      if (states.every((s) => s.stopped)) break;
      const orders = states.map((s, m) =>
        s.stopped
          ? null
          : rng.shuffle((identity[m] as number[]).slice()).slice(0, s.plan.steps * s.plan.batch),
      );
      for (const { engine, members } of units) engine.epochOrders?.(pick(orders, members));
      const steps = Math.max(...states.map((s) => (s.stopped ? 0 : s.plan.steps)));
      let yielded = performance.now();
      for (let step = 0; step < steps && !signal?.aborted; step++) {
        // An epoch of a big file lasts seconds: a cancel must not wait for its end.
        if (signal && performance.now() - yielded > YIELD_EVERY_MS) {
          await yieldTimed(args.away);
          yielded = performance.now();
        }
        const active = states.map((s) => !s.stopped && step < s.plan.steps);
        // Model m's rows of this step, for hostBatch.
        const stepRows = (m: number) => {
          const [order, b] = [orders[m], batches[m] as number];
          return order && active[m] ? order.slice(step * b, (step + 1) * b) : null;
        };
        for (const { engine, members, width } of units) {
          const hb = engine.stageStep
            ? engine.stageStep(step, pick(batches, members), pick(active, members))
            : hostBatch(
                pick(fitSources, members),
                members.map(stepRows),
                width,
                engine.tableSizes,
                (j) => batches[members[j] as number] as number,
              );
          engine.step(
            hb,
            pick(active, members),
            members.map((m) => (active[m] ? 1 - (states[m] as ModelState).plan.bnMomentum : 0)),
            () => rng.int32(),
          );
        }
      }
      signal?.throwIfAborted();
      const losses = new Float32Array(2 * k);
      for (const { engine, members } of units) {
        const own = await engine.endEpoch();
        members.forEach((m, j) => {
          losses[m] = own[j] as number;
          losses[k + m] = own[members.length + j] as number;
        });
      }
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
        } else if (valLoss !== null && s.plan.patience > 0 && ++s.wait >= s.plan.patience) s.stopped = true;
      });
      if (improved.some(Boolean))
        for (const { engine, members } of units) {
          const own = pick(improved, members).map(
            (up, j) => up && restoreOf(states[members[j] as number] as ModelState),
          );
          if (own.some(Boolean)) engine.keepBest(own);
        }
      if (states.every((s) => s.stopped)) break;
      await yieldTimed(args.away); // let a worker see a cancel message between epochs
    }
    const restored = states.map(
      (s) => restoreOf(s) && s.hasVal && s.bestEpoch > 0 && s.bestEpoch !== s.epochsRun,
    );
    for (const { engine, members } of units) {
      const own = pick(restored, members);
      if (own.some(Boolean)) engine.putBack(own);
      engine.writeBack();
    }
    states.forEach((s, m) => {
      if (s.epochsRun === 0) return; // never trained (nothing trainable, or no epochs)
      const restoredHere = restoreOf(s) && s.hasVal;
      results[live[m] as number] = {
        epochsRun: s.epochsRun,
        bestEpoch: restoredHere ? s.bestEpoch : s.epochsRun,
        losses: s.losses,
        valLosses: s.valLosses,
      };
    });
    return results;
  } finally {
    for (const { engine } of units) engine.dispose();
  }
}

/** One engine and the models (positions among the live models) it trains. */
interface Unit {
  engine: StackedEngine;
  members: number[];
  /** Most rows any of its models takes in one step. */
  width: number;
}

/** Models that can share one engine: the same layers (and so the same variable shapes' kinds), in first-seen order. */
export function groupByStructure(nets: readonly HeadNetwork[]): number[][] {
  const groups = new Map<string, number[]>();
  nets.forEach((net, i) => {
    const key = `${presentLayers(net).join()}|${monotoneKey(net.spec)}`;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  return [...groups.values()];
}
