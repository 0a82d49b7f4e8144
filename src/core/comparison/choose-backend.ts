/**
 * Auto: try each available backend, time training steps of the actual model on the loaded data, keep
 * the fastest, and say why. On a CPU-rendered WebGL (SwiftShader) that will not be WebGL; on a laptop
 * GPU with large data it may be. A backend slower than the best so far is abandoned mid-measurement.
 */
import type { Task } from '../data/task';
import type { Activation, BackendName } from '../backend/activate-backend';
import { defaultEngine } from '../training/loop/train-stacked';
import { measureTrainingStepMs } from './measure-training-step';

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
}

const fmt = (ms: number) => `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;

export async function chooseBackend(
  tasks: readonly Task[],
  options: ChooseOptions,
): Promise<BackendDecision> {
  const { candidates, activate, budgetMs = 4000, batchSize } = options;
  const stepMs: Partial<Record<BackendName, number>> = {};
  const skipped: BackendDecision['skipped'] = [];
  for (const backend of candidates) {
    // cpu trains with the same fused engine as wasm: the same step time, and wasm's tfjs ops (evaluation,
    // prediction) are the faster, so a backend whose engine was already measured is not measured again.
    const sameEngine = (Object.keys(stepMs) as BackendName[]).find(
      (b) => defaultEngine(b) === 'simd' && defaultEngine(backend) === 'simd',
    );
    if (sameEngine) {
      skipped.push({
        backend,
        reason: `trains with the same engine as ${sameEngine}, which runs the rest faster`,
      });
      continue;
    }
    const activation = await activate(backend);
    if (!activation.ok) {
      skipped.push({ backend, reason: activation.reason });
      continue;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error('over budget')), budgetMs);
    try {
      stepMs[backend] = await measureTrainingStepMs(tasks, { signal: controller.signal, batchSize });
    } catch (error) {
      skipped.push({
        backend,
        reason: controller.signal.aborted
          ? `still warming up after ${budgetMs / 1000} s`
          : (error as Error).message,
      });
    } finally {
      clearTimeout(timer);
    }
  }
  const ranked = (Object.entries(stepMs) as [BackendName, number][]).sort((a, b) => a[1] - b[1]);
  const best = ranked[0];
  if (!best)
    throw new Error(
      `no backend could train here (${skipped.map((s) => `${s.backend}: ${s.reason}`).join('; ')})`,
    );
  const final = await activate(best[0]);
  if (!final.ok) throw new Error(`${best[0]} could not be re-activated: ${final.reason}`);
  const others = ranked.slice(1).map(([b, ms]) => `${b} ${fmt(ms)}`);
  const reason =
    `fastest measured: ${best[0]} ${fmt(best[1])} per training step` +
    (others.length ? ` (vs ${others.join(', ')})` : '') +
    (skipped.length ? `; skipped ${skipped.map((s) => `${s.backend} (${s.reason})`).join(', ')}` : '');
  return { backend: best[0], reason, stepMs, skipped };
}
