/**
 * Auto: pick the backend that trains this data fastest here, and say why. Measuring costs seconds (WebGL
 * compiles shaders first), so it happens only where the answer is open: a backend is ruled out without a
 * measurement when it trains with an engine already chosen (cpu beside wasm), when WebGL renders in software
 * (SwiftShader, llvmpipe: the CPU drawing triangles is far slower than the SIMD engine), or when the data's
 * batches are too small for a GPU to pay for its per-op dispatch. With one backend left it is used at once;
 * with several, training steps of the real model are timed on each (a slow one abandoned at the budget).
 * Cancellable at every await.
 */
import type { Task } from '../data/task';
import type { Activation, BackendName } from '../backend/activate-backend';
import { softwareRenderer } from '../backend/software-renderer';
import { LAB_STEPS_PER_EPOCH, MAX_SCALED_BATCH, phaseBatch } from '../training/loop/batch-rule';
import { defaultEngine } from '../training/engine-choice';
import { measureTrainingStepMs } from './measure-training-step';
import { unlessAborted } from './unless-aborted';

export interface BackendDecision {
  backend: BackendName;
  reason: string;
  /** Measured milliseconds per training step, per backend that finished its measurement. */
  stepMs: Partial<Record<BackendName, number>>;
  skipped: { backend: BackendName; reason: string }[];
}

export interface ChooseOptions {
  candidates: readonly BackendName[];
  activate: (backend: BackendName) => Promise<Activation>;
  /** A measurement that runs longer than this (warm-up included) is abandoned, ms. */
  budgetMs?: number;
  batchSize?: number;
  /** Stops the choice (activation waits are abandoned, measurements stop): rejects with its reason. */
  signal?: AbortSignal;
  /** What renders WebGL here (WEBGL_debug_renderer_info), when the caller could read it. */
  webglRenderer?: string;
}

const fmt = (ms: number) => `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;

/** The batch the Lab default gives a phase over all of `n` rows: what Train all steps with. */
export function labBatchOf(n: number): number {
  return phaseBatch(n, { batchSize: 32, learningRate: 1e-3, epochs: 1, stepsPerEpoch: LAB_STEPS_PER_EPOCH })
    .batch;
}

/** Why `backend` need not be measured here, or undefined when it must be. */
function ruledOut(
  backend: BackendName,
  usable: readonly BackendName[],
  tasks: number,
  options: ChooseOptions,
): string | undefined {
  // cpu trains with the same fused engine as wasm: the same step time, and wasm's tfjs ops (evaluation,
  // prediction) are the faster.
  const sameEngine = usable.find((b) => defaultEngine(b) === 'simd' && defaultEngine(backend) === 'simd');
  if (sameEngine) return `trains with the same engine as ${sameEngine}, which runs the rest faster`;
  if (backend !== 'webgl') return undefined;
  const software = softwareRenderer(options.webglRenderer);
  if (software) return `WebGL renders in software here (${software}), far slower than the SIMD engine`;
  const batch = options.batchSize ?? labBatchOf(tasks);
  // Below the largest batch, a GPU step is its dispatch cost (a few hundred tfjs ops) while the SIMD
  // engine's step costs its rows: the CPU wins (issue 7's note). Only full batches are worth measuring.
  if (usable.length > 0 && batch < MAX_SCALED_BATCH)
    return `batches of ${batch} rows are too small for a GPU to beat the SIMD engine`;
  return undefined;
}

export async function chooseBackend(
  tasks: readonly Task[],
  options: ChooseOptions,
): Promise<BackendDecision> {
  const { candidates, activate, budgetMs = 4000, batchSize, signal } = options;
  const stepMs: Partial<Record<BackendName, number>> = {};
  const skipped: BackendDecision['skipped'] = [];
  const usable: BackendName[] = [];
  for (const backend of candidates) {
    signal?.throwIfAborted();
    const why = ruledOut(backend, usable, tasks.length, options);
    if (why) {
      skipped.push({ backend, reason: why });
      continue;
    }
    const activation = await unlessAborted(activate(backend), signal);
    if (activation.ok) usable.push(backend);
    else skipped.push({ backend, reason: activation.reason });
  }
  const skips = skipped.length
    ? `skipped ${skipped.map((s) => `${s.backend} (${s.reason})`).join(', ')}`
    : '';
  const only = usable.length === 1 ? usable[0] : undefined;
  if (only) {
    const final = await unlessAborted(activate(only), signal);
    if (!final.ok) throw new Error(`${only} could not be re-activated: ${final.reason}`);
    const reason = `the only backend worth measuring here, used without a measurement${skips ? `; ${skips}` : ''}`;
    return { backend: only, reason, stepMs, skipped };
  }
  for (const backend of usable) {
    signal?.throwIfAborted();
    const activation = await unlessAborted(activate(backend), signal);
    if (!activation.ok) {
      skipped.push({ backend, reason: activation.reason });
      continue;
    }
    const budget = AbortSignal.timeout(budgetMs);
    const stop = signal ? AbortSignal.any([signal, budget]) : budget;
    try {
      stepMs[backend] = await measureTrainingStepMs(tasks, { signal: stop, batchSize });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      skipped.push({
        backend,
        reason: budget.aborted ? `still warming up after ${budgetMs / 1000} s` : (error as Error).message,
      });
    }
  }
  const ranked = (Object.entries(stepMs) as [BackendName, number][]).sort((a, b) => a[1] - b[1]);
  const best = ranked[0];
  if (!best)
    throw new Error(
      `no backend could train here (${skipped.map((s) => `${s.backend}: ${s.reason}`).join('; ')})`,
    );
  const final = await unlessAborted(activate(best[0]), signal);
  if (!final.ok) throw new Error(`${best[0]} could not be re-activated: ${final.reason}`);
  const others = ranked.slice(1).map(([b, ms]) => `${b} ${fmt(ms)}`);
  const allSkips = skipped.length
    ? `; skipped ${skipped.map((s) => `${s.backend} (${s.reason})`).join(', ')}`
    : '';
  const reason =
    `fastest measured: ${best[0]} ${fmt(best[1])} per training step` +
    (others.length ? ` (vs ${others.join(', ')})` : '') +
    allSkips;
  return { backend: best[0], reason, stepMs, skipped };
}
