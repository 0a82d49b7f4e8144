/**
 * A worker's message loop: requests are handled one at a time, in the order they came (a dataset lands
 * before the runs that need it), except a cancel, which jumps the queue — or it could never reach the
 * run it stops.
 */
export function handleInOrder<R extends { kind: string }>(
  handle: (request: R) => Promise<void>,
  /** The worker's own scope (its `self`). */
  scope: Pick<EventTarget, 'addEventListener'>,
): void {
  let queue: Promise<void> = Promise.resolve();
  scope.addEventListener('message', (event) => {
    const request = (event as MessageEvent<R>).data;
    if (request.kind === 'cancel') void handle(request);
    else queue = queue.then(() => handle(request));
  });
}
