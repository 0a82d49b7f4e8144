/**
 * Web Workers for unit tests, in this thread. `InProcessWorker` runs a real worker module (lab.worker.ts,
 * train-helper.worker.ts) on a scope of its own: messages are structured-cloned and delivered on a later
 * task, as between threads; `crash()` raises what an uncaught error in the worker raises on its Worker.
 * Installed as the global `Worker`, it also serves the helpers the lab worker spawns. `ScriptedWorker` is
 * a Worker whose replies the test writes, for protocol cases a real worker cannot be made to produce.
 */

/** What a worker module sees as `self`: messages from its Worker, postMessage back, the machine's cores. */
export class InProcessScope extends EventTarget {
  readonly navigator: { hardwareConcurrency: number };
  constructor(
    cores: number,
    private readonly toWorker: (data: unknown, transfer: Transferable[]) => void,
  ) {
    super();
    this.navigator = { hardwareConcurrency: cores };
  }
  postMessage(data: unknown, transfer: Transferable[] = []): void {
    this.toWorker(data, transfer);
  }
}

/** Cores every in-process worker reports (1: the lab worker spawns no helpers). */
let coresReported = 1;
let instances = 0;
/** Module loads run one at a time: a worker module takes `self` while it evaluates. */
let loading: Promise<unknown> = Promise.resolve();
const workers: InProcessWorker[] = [];

const nextTask = (run: () => void) => void setTimeout(run, 0);
const cloned = (data: unknown, transfer: Transferable[]) =>
  structuredClone(data, { transfer: transfer as unknown as Transferable[] });

function errorEvent(message: string): ErrorEvent {
  return Object.assign(new Event('error', { cancelable: true }), { message }) as ErrorEvent;
}

export class InProcessWorker extends EventTarget {
  readonly scope: InProcessScope;
  readonly url: string;
  readonly name: string | undefined;
  /** Resolves once the module has evaluated (its message handler is listening). */
  readonly loaded: Promise<void>;
  private terminated = false;

  constructor(url: string | URL, options?: WorkerOptions) {
    super();
    this.url = String(url);
    this.name = options?.name;
    this.scope = new InProcessScope(coresReported, (data, transfer) => {
      const copy = cloned(data, transfer);
      nextTask(() => {
        if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data: copy }));
      });
    });
    const scope = this.scope;
    const load = loading.then(async () => {
      (globalThis as { self?: unknown }).self = scope;
      await import(/* @vite-ignore */ `${this.url}?instance=${++instances}`);
    });
    loading = load.catch(() => undefined);
    this.loaded = load;
    workers.push(this);
  }

  postMessage(data: unknown, transfer: Transferable[] = []): void {
    const copy = cloned(data, transfer);
    void this.loaded.then(() =>
      nextTask(() => {
        if (!this.terminated) this.scope.dispatchEvent(new MessageEvent('message', { data: copy }));
      }),
    );
  }

  terminate(): void {
    this.terminated = true;
  }

  get isTerminated(): boolean {
    return this.terminated;
  }

  /** What an uncaught error inside the worker does: an `error` event on the Worker (the worker is not stopped). */
  crash(message: string): void {
    this.dispatchEvent(errorEvent(message));
  }
}

/**
 * Makes `new Worker(…)` start an InProcessWorker (the lab worker's helpers) reporting `cores` cores, and
 * `self` exist before any worker module loads. Returns every worker started since, in order.
 */
export function installInProcessWorkers(cores = 1): { workers: InProcessWorker[]; restore(): void } {
  const saved = { Worker: globalThis.Worker, self: (globalThis as { self?: unknown }).self };
  coresReported = cores;
  workers.length = 0;
  (globalThis as { Worker: unknown }).Worker = InProcessWorker;
  (globalThis as { self?: unknown }).self = new InProcessScope(cores, () => undefined);
  return {
    workers,
    restore() {
      workers.forEach((w) => w.terminate());
      (globalThis as { Worker: unknown }).Worker = saved.Worker;
      (globalThis as { self?: unknown }).self = saved.self;
    },
  };
}

/** A Worker that records what it is sent and replies only when the test says so. */
export class ScriptedWorker extends EventTarget {
  readonly received: unknown[] = [];
  terminated = false;

  postMessage(data: unknown): void {
    this.received.push(structuredClone(data));
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Deliver `data` to the page as the worker's message (on a later task, as a real one would be). */
  reply(data: unknown): Promise<void> {
    return new Promise((resolve) =>
      nextTask(() => {
        this.dispatchEvent(new MessageEvent('message', { data }));
        resolve();
      }),
    );
  }

  crash(message: string): void {
    this.dispatchEvent(errorEvent(message));
  }
}
