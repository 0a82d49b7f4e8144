/**
 * A worker's message loop: requests are handled one at a time, in the order they came (a dataset lands
 * before the runs that need it), except a cancel, which jumps the queue — or it could never reach the
 * run it stops.
 */
export function handleInOrder<R extends { kind: string }>(
  handle: (request: R) => Promise<void>,
  scope: Pick<EventTarget, 'addEventListener'> = self,
): void {
  let queue: Promise<void> = Promise.resolve();
  scope.addEventListener('message', (event: MessageEvent<R>) => {
    const request = event.data;
    if (request.kind === 'cancel') void handle(request);
    else queue = queue.then(() => handle(request));
  });
}
