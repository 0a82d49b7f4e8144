/**
 * The request/reply ledger of a lane that trains in another thread (the lab's helper workers, the CLI's
 * worker threads): each request gets a fresh id, the thread's replies settle it (progress replies go to
 * its listener), and once the thread is gone every open request — and every later one — settles as
 * `unavailable` with the reason, so runComparison hands the strategy back instead of waiting forever.
 * Pure: sending and listening are the caller's (a Worker, a worker_threads Worker).
 */

/** The reply every lane protocol has for a thread that cannot answer. */
interface Unavailable<Id> {
  id: Id;
  kind: 'unavailable';
  message: string;
}

/** A reply that settles its request: anything but progress. */
export type SettledReply<Reply> = Exclude<Reply, { kind: 'progress' }>;

export interface LaneRequests<Id, Body, Reply> {
  /** Send `body` under a fresh id; `reply` resolves with the reply that settles it. */
  request(body: Body, onProgress?: (reply: Reply) => void): { id: Id; reply: Promise<SettledReply<Reply>> };
  /** A reply from the thread: settles its request, or reports its progress. Unknown ids are dropped. */
  receive(reply: Reply): void;
  /** Stop waiting for `id` (a cancelled run): its reply, if it comes, is dropped. */
  forget(id: Id): void;
  /** The thread is gone: open requests settle as unavailable; the first reason given is kept. */
  die(reason: string): void;
  /** Why the thread is gone; undefined while it lives. */
  deadReason(): string | undefined;
}

export function laneRequests<Id, Body extends object, Reply extends { id: Id; kind: string }>(
  nextId: () => Id,
  send: (message: Body & { id: Id }) => void,
): LaneRequests<Id, Body, Reply> {
  type Settled = SettledReply<Reply>;
  let dead: string | undefined;
  const pending = new Map<Id, { settle: (r: Settled) => void; onProgress?: (r: Reply) => void }>();
  // Every lane protocol's settled replies include Unavailable (the constraint cannot say so for a union).
  const unavailable = (id: Id, message: string) =>
    ({ id, kind: 'unavailable', message }) satisfies Unavailable<Id> as unknown as Settled;
  return {
    request(body, onProgress) {
      const id = nextId();
      if (dead !== undefined) return { id, reply: Promise.resolve(unavailable(id, dead)) };
      const reply = new Promise<Settled>((settle) => pending.set(id, { settle, onProgress }));
      send({ ...body, id });
      return { id, reply };
    },
    receive(reply) {
      const entry = pending.get(reply.id);
      if (!entry) return;
      if (reply.kind === 'progress') return entry.onProgress?.(reply);
      pending.delete(reply.id);
      entry.settle(reply as Settled);
    },
    forget(id) {
      pending.delete(id);
    },
    die(reason) {
      dead ??= reason;
      for (const [id, entry] of pending) entry.settle(unavailable(id, dead));
      pending.clear();
    },
    deadReason: () => dead,
  };
}
