import { describe, expect, it } from 'vitest';
import { laneRequests } from './lane-requests';

type Reply =
  | { id: number; kind: 'progress'; step: number }
  | { id: number; kind: 'done'; value: number }
  | { id: number; kind: 'unavailable'; message: string };

function ledger() {
  let next = 1;
  const sent: { kind: string; id: number }[] = [];
  const requests = laneRequests<number, { kind: string }, Reply>(
    () => next++,
    (m) => sent.push(m),
  );
  return { requests, sent };
}

describe('laneRequests', () => {
  it('sends each request under a fresh id and settles it with its reply; progress goes to its listener', async () => {
    const { requests, sent } = ledger();
    const steps: number[] = [];
    const a = requests.request({ kind: 'run' }, (r) => r.kind === 'progress' && steps.push(r.step));
    const b = requests.request({ kind: 'run' });
    expect(sent).toEqual([
      { kind: 'run', id: 1 },
      { kind: 'run', id: 2 },
    ]);
    requests.receive({ id: 1, kind: 'progress', step: 3 });
    requests.receive({ id: 2, kind: 'done', value: 20 });
    requests.receive({ id: 1, kind: 'done', value: 10 });
    requests.receive({ id: 1, kind: 'done', value: 99 }); // already settled: dropped
    expect(await a.reply).toEqual({ id: 1, kind: 'done', value: 10 });
    expect(await b.reply).toEqual({ id: 2, kind: 'done', value: 20 });
    expect(steps).toEqual([3]);
  });

  it('settles open requests as unavailable when the thread dies, keeps the first reason, and answers later ones at once', async () => {
    const { requests, sent } = ledger();
    const open = requests.request({ kind: 'run' });
    requests.die('it stopped unexpectedly: out of memory');
    requests.die('it exited');
    expect(await open.reply).toEqual({
      id: 1,
      kind: 'unavailable',
      message: 'it stopped unexpectedly: out of memory',
    });
    const later = requests.request({ kind: 'export' });
    expect(await later.reply).toEqual({
      id: 2,
      kind: 'unavailable',
      message: 'it stopped unexpectedly: out of memory',
    });
    expect(sent).toHaveLength(1);
    expect(requests.deadReason()).toBe('it stopped unexpectedly: out of memory');
  });

  it('drops the reply of a forgotten request', async () => {
    const { requests } = ledger();
    const forgotten = requests.request({ kind: 'run' });
    requests.forget(forgotten.id);
    requests.receive({ id: forgotten.id, kind: 'done', value: 1 });
    requests.die('it was closed');
    const settled = await Promise.race([
      forgotten.reply,
      new Promise((r) => setTimeout(() => r('open'), 20)),
    ]);
    expect(settled).toBe('open');
  });
});
