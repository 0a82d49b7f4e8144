import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { importTasksFromText } from '../data/import-tasks';
import { activateBackend, type Activation, type BackendName } from '../backend/activate-backend';
import { chooseBackend, labBatchOf } from './choose-backend';

const load = () => {
  const r = importTasksFromText(readFileSync('fixtures/seed-shaped.csv', 'utf8'), 'seed-shaped.csv');
  if (r.kind !== 'ok') throw new Error(r.message);
  return r.dataset.tasks;
};

describe('chooseBackend', () => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('uses the one backend worth measuring at once, and says why each other was skipped', async () => {
    const tasks = load();
    await tf.setBackend('cpu');
    const asked: BackendName[] = [];
    const decision = await chooseBackend(tasks, {
      candidates: ['wasm', 'cpu', 'webgl'],
      activate: (b: BackendName) => {
        asked.push(b);
        return activateBackend(b, { timeoutMs: 5000 });
      },
    });
    expect(decision.backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(decision.stepMs).toEqual({});
    expect(decision.skipped).toEqual([
      { backend: 'cpu', reason: 'trains with the same engine as wasm, which runs the rest faster' },
      {
        backend: 'webgl',
        reason: `batches of ${labBatchOf(tasks.length)} rows are too small for a GPU to beat the SIMD engine`,
      },
    ]);
    expect(decision.reason).toMatch(
      /^the only backend worth measuring here, used without a measurement; skipped cpu/,
    );
    // Neither cpu nor WebGL was started: ruling them out cost nothing.
    expect(asked.filter((b) => b !== 'wasm')).toEqual([]);
  });

  it('skips a software-rendered WebGL whatever the data, naming the renderer', async () => {
    const tasks = load();
    const asked: BackendName[] = [];
    const decision = await chooseBackend(tasks, {
      candidates: ['wasm', 'webgl'],
      batchSize: 512,
      webglRenderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)',
      activate: (b) => {
        asked.push(b);
        return activateBackend(b, { timeoutMs: 5000 });
      },
    });
    expect(decision.backend).toBe('wasm');
    expect(decision.skipped).toEqual([
      {
        backend: 'webgl',
        reason: 'WebGL renders in software here (SwiftShader), far slower than the SIMD engine',
      },
    ]);
    expect(asked).not.toContain('webgl');
  });

  it('measures training steps when two engines remain, keeps the fastest and leaks nothing', async () => {
    const tasks = load();
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    // A GPU stand-in: Node has no WebGL, so "webgl" runs tfjs's cpu backend (the tfjs-op engine is not
    // what is tested here, the choice is).
    const activate = async (b: BackendName): Promise<Activation> => {
      const real = await activateBackend(b === 'webgl' ? 'cpu' : b, { timeoutMs: 5000 });
      return real.ok ? { ok: true, backend: b } : real;
    };
    const decision = await chooseBackend(tasks, {
      candidates: ['wasm', 'webgl'],
      batchSize: 512,
      webglRenderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
      activate,
    });
    expect(Object.keys(decision.stepMs).sort()).toEqual(['wasm', 'webgl']);
    const fastest = Math.min(...Object.values(decision.stepMs));
    expect(decision.stepMs[decision.backend]).toBe(fastest);
    expect(decision.reason).toContain(`fastest measured: ${decision.backend}`);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops at once when cancelled, even while a backend never finishes starting', async () => {
    const tasks = load();
    const controller = new AbortController();
    const never = new Promise<Activation>(() => undefined);
    const choosing = chooseBackend(tasks, {
      candidates: ['webgl', 'wasm'],
      webglRenderer: 'Some GPU',
      activate: (b) => (b === 'webgl' ? never : activateBackend(b)),
      signal: controller.signal,
    });
    controller.abort(new DOMException('Training cancelled', 'AbortError'));
    await expect(choosing).rejects.toThrow('Training cancelled');
  });
});
