import { describe, expect, it } from 'vitest';
import type { RunProgressEvent } from './comparison-request';
import { coalesceProgress, onRunLossCurve } from './progress-coalescer';

const epoch = (strategyId: string, epoch: number, over: Partial<RunProgressEvent> = {}): RunProgressEvent => ({
  strategyId,
  phase: 'train',
  head: 'time',
  epoch,
  epochs: 50,
  loss: 1 / epoch,
  valLoss: null,
  seed: 42,
  seedIndex: 1,
  repeats: 5,
  ...over,
});

function harness() {
  let clock = 0;
  const sent: string[] = [];
  const send = (e: RunProgressEvent) => sent.push(`${e.strategyId}:${e.head}:${e.epoch}`);
  const c = coalesceProgress(send, onRunLossCurve, 100, () => clock);
  return { c, sent, tick: (ms: number) => (clock += ms) };
}

describe('coalesceProgress', () => {
  it('sends every epoch of the loss curve: the first seed, correctness head, shared model', () => {
    const { c, sent } = harness();
    for (let e = 1; e <= 3; e++) c.progress(epoch('a', e, { head: 'correctness', seedIndex: 0 }));
    expect(sent).toEqual(['a:correctness:1', 'a:correctness:2', 'a:correctness:3']);
    expect(onRunLossCurve(epoch('a', 1, { head: 'correctness', seedIndex: 0, userId: 'u1' }))).toBe(false);
    expect(onRunLossCurve(epoch('a', 1, { head: 'correctness', seedIndex: 1 }))).toBe(false);
  });

  it("keeps only a strategy's latest counters-only event between sends, and flushes it before anything else", () => {
    const { c, sent, tick } = harness();
    c.progress(epoch('a', 1));
    c.progress(epoch('a', 2));
    c.progress(epoch('b', 1));
    c.progress(epoch('a', 3));
    expect(sent).toEqual(['a:time:1', 'b:time:1']);
    tick(100);
    c.progress(epoch('a', 4));
    expect(sent).toEqual(['a:time:1', 'b:time:1', 'a:time:4']);
    c.progress(epoch('a', 5));
    // b's last send was 100 ms ago: it goes at once; a's epoch 5 waits for the flush.
    c.progress(epoch('b', 2));
    expect(sent.slice(3)).toEqual(['b:time:2']);
    c.flush();
    expect(sent.slice(3)).toEqual(['b:time:2', 'a:time:5']);
    c.flush();
    expect(sent).toHaveLength(5);
  });

  it("lets a loss-curve event replace the strategy's held one (it is newer and says all the older one would)", () => {
    const { c, sent } = harness();
    c.progress(epoch('a', 1, { seedIndex: 0 }));
    c.progress(epoch('a', 1, { seedIndex: 0, head: 'time', epoch: 2 }));
    c.progress(epoch('a', 3, { head: 'correctness', seedIndex: 0 }));
    c.flush();
    expect(sent).toEqual(['a:time:1', 'a:correctness:3']);
  });
});
