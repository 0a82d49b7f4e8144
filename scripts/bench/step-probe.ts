/**
 * The training-step probe, run unchanged in Node and in the browser (page or worker): on the active tfjs
 * backend, times the lab's real step (trainHead on the v2 correctness head, batch 32) and its ingredients —
 * one small op dispatched many times, a large matMul, performance.now and setTimeout(0) — plus the
 * per-kernel profile of one step, so the browser/Node gap can be split into its parts.
 */
import * as tf from '@tensorflow/tfjs';
import type { Task } from '../../src/core/data/task';
import { measureTrainingStepMs } from '../../src/core/comparison/measure-training-step';
import { yieldTask } from '../../src/core/training/loop/yield-task';
import { measureOneStepEpochMs, measureStepSplit, type StepSplit } from './step-split';

export interface ProbeResult {
  backend: string;
  simd: boolean | string;
  threads: boolean | string;
  /** ms per training step (forward, backward, Adam), batch 32, 8 steps per epoch and 2 timed epochs. */
  stepMs: number[];
  /** The same with 28 steps per epoch (896 rows): less of the per-epoch work (read-back, yield) per step. */
  stepMs28: number[];
  /** ms per epoch of one step (32 rows, 40 epochs): the step plus the epoch's read-back and yield. */
  epochMs1Step: number[];
  /** One step split into forward + backward and the Adam update, with their kernel counts. */
  split: StepSplit;
  /** µs per tf.add of two [32, 8] tensors inside a tidy (engine + kernel dispatch, almost no arithmetic). */
  addUs: number;
  /** µs per tf.mul([32, 8], 0.9): the number becomes a new scalar tensor each call, as in Adam's update. */
  mulNumberUs: number;
  /** µs per tf.mul([32, 8], s) with s a scalar tensor made once. */
  mulScalarUs: number;
  /** ns per `new Uint8Array(new Int32Array(shape).buffer)`, what each wasm binary kernel does per input. */
  shapeBytesNs: number;
  /** ms per [256, 256] × [256, 256] matMul (arithmetic, little dispatch). */
  matMul256Ms: number;
  /** ns per performance.now() call. */
  nowNs: number;
  /** ms per awaited yieldTask(), the yield trainHead makes between epochs (a MessageChannel task). */
  yieldTaskMs: number;
  /** ms per awaited setTimeout(0), trainHead's yield before yieldTask (browsers clamp nested timers to 4 ms). */
  setTimeoutMs: number;
  /** Kernel → [count, total ms] of one profiled training step (tf.profile). */
  kernels: Record<string, [number, number]>;
  profileWallMs: number;
}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

function timeAdds(n: number): number {
  const a = tf.randomNormal([32, 8]);
  const b = tf.randomNormal([32, 8]);
  tf.tidy(() => tf.add(a, b)).dispose(); // warm the kernel
  const started = performance.now();
  tf.tidy(() => {
    for (let i = 0; i < n; i++) tf.add(a, b);
  });
  const us = ((performance.now() - started) * 1000) / n;
  tf.dispose([a, b]);
  return us;
}

function timeMul(withNumber: boolean, n: number): number {
  const a = tf.randomNormal([32, 8]);
  const s = tf.scalar(0.9);
  const op = withNumber ? () => tf.mul(a, 0.9) : () => tf.mul(a, s);
  tf.tidy(op).dispose();
  const started = performance.now();
  tf.tidy(() => {
    for (let i = 0; i < n; i++) op();
  });
  const us = ((performance.now() - started) * 1000) / n;
  tf.dispose([a, s]);
  return us;
}

function timeShapeBytes(n = 200_000): number {
  const shape = [32, 8];
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < n; i++) bytes += new Uint8Array(new Int32Array(shape).buffer).length;
  return bytes > 0 ? ((performance.now() - started) * 1e6) / n : NaN;
}

async function timeMatMul(): Promise<number> {
  const a = tf.randomNormal([256, 256]);
  const warm = tf.matMul(a, a);
  await warm.data();
  warm.dispose();
  const started = performance.now();
  const out = tf.tidy(() => {
    let x = a;
    for (let i = 0; i < 20; i++) x = tf.matMul(x, a);
    return tf.sum(x);
  });
  await out.data();
  const ms = (performance.now() - started) / 20;
  tf.dispose([a, out]);
  return ms;
}

function timeNow(n = 200_000): number {
  const started = performance.now();
  let x = 0;
  for (let i = 0; i < n; i++) x += performance.now();
  return x > 0 ? ((performance.now() - started) * 1e6) / n : NaN;
}

async function timeSetTimeout(n = 50): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < n; i++) await new Promise<void>((r) => setTimeout(r, 0));
  return (performance.now() - started) / n;
}

async function timeYieldTask(n = 50): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < n; i++) await yieldTask();
  return (performance.now() - started) / n;
}

/** One step, profiled kernel by kernel (tf.profile times each kernel with the backend's clock). */
async function profileStep(
  tasks: readonly Task[],
): Promise<{ kernels: ProbeResult['kernels']; wallMs: number }> {
  let wallMs = 0;
  const info = await tf.profile(async () => {
    const started = performance.now();
    await measureTrainingStepMs(tasks, { batchSize: 32, steps: 1 });
    wallMs = performance.now() - started;
  });
  const kernels: ProbeResult['kernels'] = {};
  for (const k of info.kernels) {
    const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
    const entry = (kernels[k.name] ??= [0, 0]);
    entry[0] += 1;
    entry[1] = round(entry[1] + ms);
  }
  return { kernels, wallMs };
}

export async function runStepProbe(tasks: readonly Task[], repeats = 3): Promise<ProbeResult> {
  const flag = async (name: string): Promise<boolean | string> =>
    tf.getBackend() === 'wasm'
      ? tf
          .env()
          .getAsync(name)
          .then(
            (v) => v as boolean,
            (e: unknown) => `error: ${String(e)}`,
          )
      : 'n/a';
  const stepMs: number[] = [];
  await measureTrainingStepMs(tasks, { batchSize: 32, steps: 8 }); // warm-up
  for (let i = 0; i < repeats; i++)
    stepMs.push(round(await measureTrainingStepMs(tasks, { batchSize: 32, steps: 8 }), 2));
  const stepMs28: number[] = [];
  for (let i = 0; i < repeats; i++)
    stepMs28.push(round(await measureTrainingStepMs(tasks, { batchSize: 32, steps: 28 }), 2));
  const epochMs1Step: number[] = [];
  for (let i = 0; i < repeats; i++) epochMs1Step.push(await measureOneStepEpochMs(tasks));
  const profile = await profileStep(tasks);
  await measureStepSplit(tasks, 5); // warm-up
  const split = await measureStepSplit(tasks);
  return {
    backend: tf.getBackend(),
    simd: await flag('WASM_HAS_SIMD_SUPPORT'),
    threads: await flag('WASM_HAS_MULTITHREAD_SUPPORT'),
    stepMs,
    stepMs28,
    epochMs1Step,
    split,
    addUs: round(timeAdds(5000), 1),
    mulNumberUs: round(timeMul(true, 5000), 1),
    mulScalarUs: round(timeMul(false, 5000), 1),
    shapeBytesNs: round(timeShapeBytes(), 0),
    matMul256Ms: round(await timeMatMul(), 2),
    nowNs: round(timeNow(), 0),
    setTimeoutMs: round(await timeSetTimeout(), 2),
    yieldTaskMs: round(await timeYieldTask(), 3),
    kernels: profile.kernels,
    profileWallMs: round(profile.wallMs, 1),
  };
}
