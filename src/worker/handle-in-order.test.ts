// A worker's message loop: one request at a time, in arrival order, except a cancel, which must reach
// the run it stops while that run is still being handled.
import { describe, expect, it } from 'vitest';
import { handleInOrder } from './handle-in-order';

type Request = { kind: string; n: number };

const send = (scope: EventTarget, data: Request) =>
  scope.dispatchEvent(new MessageEvent('message', { data }));
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('handleInOrder', () => {
  it('handles requests one at a time in arrival order, however long each takes', async () => {
    const scope = new EventTarget();
    const log: string[] = [];
    let running = 0;
    let allDone = () => {};
    const done = new Promise<void>((resolve) => (allDone = resolve));
    handleInOrder<Request>(async ({ kind, n }) => {
      running++;
      expect(running).toBe(1);
      log.push(`start ${kind}${n}`);
      await tick(n === 1 ? 30 : 1);
      log.push(`end ${kind}${n}`);
      running--;
      if (n === 3) allDone();
    }, scope);
    [1, 2, 3].forEach((n) => send(scope, { kind: 'import', n }));
    await done; // however slow the machine, not a fixed wait
    expect(log).toEqual([
      'start import1',
      'end import1',
      'start import2',
      'end import2',
      'start import3',
      'end import3',
    ]);
  });

  it('lets a cancel jump the queue and reach the run in progress', async () => {
    const scope = new EventTarget();
    const log: string[] = [];
    let stop: () => void = () => {};
    handleInOrder<Request>(async ({ kind, n }) => {
      log.push(`${kind}${n}`);
      if (kind === 'train') await new Promise<void>((resolve) => (stop = resolve));
      if (kind === 'cancel') stop();
    }, scope);
    send(scope, { kind: 'train', n: 1 });
    await tick(5);
    send(scope, { kind: 'catalog', n: 2 });
    send(scope, { kind: 'cancel', n: 3 });
    await tick(5);
    // Queued behind the run, the cancel would wait for a run that waits for it.
    expect(log).toEqual(['train1', 'cancel3', 'catalog2']);
  });
});
