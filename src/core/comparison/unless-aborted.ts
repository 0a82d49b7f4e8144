/**
 * Waiting that a cancel cuts short: some work cannot be stopped (tfjs starting a backend, a WebGL shader
 * compile), but nobody has to wait for it once the person has cancelled.
 */

/** `work`, or a rejection with the signal's reason as soon as it aborts (the work itself runs on). */
export function unlessAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
