/**
 * DevTools sessions of a page's dedicated workers and of the workers they start (the lab worker's training
 * helpers), for worker-profile.ts. Playwright's CDP sessions reach pages only, so the workers are attached
 * through `Target.setAutoAttach` and spoken to with `Target.sendMessageToTarget`, nested one level.
 */
import type { CDPSession } from '@playwright/test';

/** A node of a V8 CPU profile. */
export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface WorkerSession {
  url: string;
  /** Session ids from the page's down to this worker's. */
  path: string[];
  send(method: string, params?: object): Promise<unknown>;
}

/** A target attached (the fields used here). */
interface Attached {
  sessionId: string;
  targetInfo: { url: string };
}

interface Message {
  id?: number;
  method?: string;
  params?: Attached & { message?: string };
  result?: unknown;
  error?: { message: string };
}

/** Call before the page opens: attaches to every worker it starts, and to the workers they start. */
export async function workerSessions(cdp: CDPSession): Promise<{ all(): Promise<WorkerSession[]> }> {
  let next = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const sessions: WorkerSession[] = [];

  /** A command to a worker, through each parent session on the way (innermost last). */
  const sessionOf = (url: string, path: string[]): WorkerSession => {
    const wrap = (message: string, depth: number): Promise<unknown> => {
      const sessionId = path[depth] as string;
      if (depth === 0) return cdp.send('Target.sendMessageToTarget', { sessionId, message });
      return wrap(
        JSON.stringify({ id: next++, method: 'Target.sendMessageToTarget', params: { sessionId, message } }),
        depth - 1,
      );
    };
    return {
      url,
      path,
      send: (method, params = {}) =>
        new Promise((resolve, reject) => {
          const id = next++;
          waiting.set(id, { resolve, reject });
          void wrap(JSON.stringify({ id, method, params }), path.length - 1);
        }),
    };
  };

  /** A worker that ended (a helper of the previous dataset closes on an import): no longer listed. */
  const detach = (path: string[]): void => {
    const at = sessions.findIndex((s) => s.path.join('/') === path.join('/'));
    if (at >= 0) sessions.splice(at, 1);
  };

  const receive = (path: string[], raw: string): void => {
    const message = JSON.parse(raw) as Message;
    const pending = message.id === undefined ? undefined : waiting.get(message.id);
    if (pending) {
      waiting.delete(message.id as number);
      if (message.error) pending.reject(new Error(message.error.message));
      else pending.resolve(message.result);
    } else if (message.method === 'Target.attachedToTarget' && message.params) attach(path, message.params);
    else if (message.method === 'Target.detachedFromTarget' && message.params)
      detach([...path, message.params.sessionId]);
    else if (message.method === 'Target.receivedMessageFromTarget' && message.params)
      receive([...path, message.params.sessionId], message.params.message ?? '{}');
  };

  const attach = (path: string[], params: Attached): void => {
    const session = sessionOf(params.targetInfo.url, [...path, params.sessionId]);
    sessions.push(session);
    // The helpers are the lab worker's own workers: attach to them as they start.
    void session.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
  };

  cdp.on('Target.attachedToTarget', (e) => attach([], e));
  cdp.on('Target.detachedFromTarget', (e) => detach([e.sessionId]));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const { sessionId, message } = e as { sessionId: string; message: string };
    receive([sessionId], message);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return {
    /** Every worker attached so far, once the helpers have had a moment to start. */
    async all() {
      await new Promise((r) => setTimeout(r, 1500));
      return [...sessions];
    },
  };
}
