import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { importTasksFromText } from '../data/import-tasks';
import { activateBackend, type BackendName } from '../backend/activate-backend';
import { chooseBackend } from './choose-backend';

const load = () => {
  const r = importTasksFromText(readFileSync('fixtures/seed-shaped.csv', 'utf8'), 'seed-shaped.csv');
  if (r.kind !== 'ok') throw new Error(r.message);
  return r.dataset.tasks;
};

describe('chooseBackend', () => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('measures each available backend, skips unavailable ones with a reason, and activates the fastest', async () => {
    const tasks = load();
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const decision = await chooseBackend(tasks, {
      candidates: ['webgl', 'wasm', 'cpu'],
      activate: (b: BackendName) => activateBackend(b, { timeoutMs: 5000 }),
    });
    // Node has no WebGL: it must be skipped with a reason, not crash.
    expect(decision.skipped.map((s) => s.backend)).toContain('webgl');
    // cpu trains with wasm's fused engine: measured once, on wasm.
    expect(Object.keys(decision.stepMs)).toEqual(['wasm']);
    expect(decision.skipped).toContainEqual({
      backend: 'cpu',
      reason: 'trains with the same engine as wasm, which runs the rest faster',
    });
    const fastest = Math.min(...Object.values(decision.stepMs));
    expect(decision.stepMs[decision.backend]).toBe(fastest);
    expect(tf.getBackend()).toBe(decision.backend);
    expect(decision.reason).toContain(`fastest measured: ${decision.backend}`);
    expect(tf.memory().numTensors).toBe(before);
  });
});
