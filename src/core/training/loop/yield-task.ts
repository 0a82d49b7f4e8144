/**
 * Yield one task to the event loop, so a worker sees a cancel message between epochs. Not setTimeout(0):
 * browsers clamp nested timers to 4 ms (measured 4.1–4.6 ms in Chromium's worker against 1.1 ms in
 * Node), paid once per epoch — thousands of times in a run of per-user fine-tunes. A MessageChannel
 * message is a task without the clamp, in browsers and Node alike.
 */
export function yieldTask(): Promise<void> {
  return new Promise<void>((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      // Closing releases the port, or Node would keep the process alive for it.
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * Time a training spent yielded, ms: the thread's other work (a lab worker builds the report's frame and
 * summarises the helpers' strategies while it trains its own) runs then, and is not the training's time.
 */
export interface AwayClock {
  ms: number;
}

/** yieldTask, adding the time until this task resumes to `away` when given. */
export async function yieldTimed(away: AwayClock | undefined): Promise<void> {
  const started = performance.now();
  await yieldTask();
  if (away) away.ms += performance.now() - started;
}

/**
 * Yield one task, then throw the signal's reason if a cancel came meanwhile: the step between two pieces of
 * synchronous work (scoring, a bootstrap) that each take a few hundred ms on a big file.
 */
export async function checkpoint(signal: AbortSignal | undefined): Promise<void> {
  await yieldTask();
  signal?.throwIfAborted();
}
