import { describe, expect, it } from 'vitest';
import { yieldTask } from './yield-task';

describe('yieldTask', () => {
  it('lets a task queued before it run first', async () => {
    const seen: string[] = [];
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => seen.push('message');
    port2.postMessage(null);
    await yieldTask();
    await yieldTask();
    port1.close();
    expect(seen).toEqual(['message']);
  });

  it('is not clamped like a timer: 300 yields in well under 300 × 1 ms (Node’s setTimeout minimum)', async () => {
    const started = performance.now();
    for (let i = 0; i < 300; i++) await yieldTask();
    expect(performance.now() - started).toBeLessThan(150);
  });
});
