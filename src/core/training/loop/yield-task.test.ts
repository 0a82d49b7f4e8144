import { describe, expect, it, vi } from 'vitest';
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

  it('waits for no timer (browsers clamp nested timers to 4 ms): it resolves while timers are frozen', async () => {
    vi.useFakeTimers();
    try {
      let timerFired = false;
      setTimeout(() => (timerFired = true), 0);
      for (let i = 0; i < 300; i++) await yieldTask();
      // 300 yields passed while the clock stood still: none of them waited on a timer.
      expect(timerFired).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
