/**
 * The last session in IndexedDB, one per browser tab: the imported file itself (a Blob, so a restore
 * re-imports exactly it), the settings and the results, each written on its own when it changes, under
 * the tab's id (sessionStorage keeps it across reloads of that tab). A reload restores the tab's own
 * session, so two tabs never overwrite each other; a tab with none (a new tab, a new visit) restores
 * the most recently saved one and says whose — another tab still open, or the last visit. Open tabs
 * find each other over a BroadcastChannel (a duplicated tab, which copies the id, takes a new one).
 * "Clear all data" deletes the whole database — every tab's session and the saved models.
 */
import { deleteDB } from 'idb';
import { LAB_DB_NAME, openLabDb, type SessionKey, type SessionRecord } from './lab-db';

export type SessionParts = Partial<Record<SessionKey, SessionRecord>>;

export interface ReadSession {
  /** The parts to restore. */
  parts: SessionParts;
  /** Whose they are: this tab's (a reload), another tab's that is open now, or an earlier visit's. */
  from: 'this-tab' | 'open-tab' | 'last-visit' | 'none';
}

export interface SessionStorage {
  read(): Promise<ReadSession>;
  write(key: SessionKey, value: unknown): Promise<void>;
  clearAll(): Promise<void>;
}

/** Tab sessions kept besides the open tabs' own: older ones are deleted when a tab starts. */
const KEPT_SESSIONS = 5;
/** How long a starting tab listens for the other open tabs. */
const ROLL_CALL_MS = 80;
const TAB_ID_KEY = 'retrain-lab-tab-id';
const CHANNEL = 'retrain-lab-tabs';
/** Records written before sessions were per tab. */
const LEGACY_TAB = 'legacy';

type TabMessage = { type: 'who' } | { type: 'here'; tabId: string };

const newTabId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** This tab's identity and the other open tabs, over a BroadcastChannel (absent in Node: a lone tab). */
export class TabPresence {
  private id: string;
  private readonly channel?: BroadcastChannel;

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined) {
    this.id = storage?.getItem(TAB_ID_KEY) ?? newTabId();
    storage?.setItem(TAB_ID_KEY, this.id);
    if (typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(CHANNEL);
    // Node (tests) keeps a process alive for an open channel; a page has no such notion.
    (this.channel as { unref?: () => void }).unref?.();
    this.channel.onmessage = (event: MessageEvent<TabMessage>) => {
      if (event.data.type === 'who') this.post({ type: 'here', tabId: this.id });
    };
  }

  get tabId(): string {
    return this.id;
  }

  /** The ids of the other tabs of the lab open now (asked over the channel, answers within ROLL_CALL_MS). */
  async others(): Promise<Set<string>> {
    const channel = this.channel;
    if (!channel) return new Set();
    const seen = new Set<string>();
    const listen = (event: MessageEvent<TabMessage>) => {
      if (event.data.type !== 'here') return;
      // A duplicated tab arrives with the original's id: it takes another, or both would write one session.
      if (event.data.tabId === this.id) this.rename();
      seen.add(event.data.tabId);
    };
    channel.addEventListener('message', listen);
    this.post({ type: 'who' });
    await new Promise((resolve) => setTimeout(resolve, ROLL_CALL_MS));
    channel.removeEventListener('message', listen);
    return seen;
  }

  /** Stop answering (a closed tab, or a test's). */
  close(): void {
    this.channel?.close();
  }

  private rename(): void {
    this.id = newTabId();
    this.storage?.setItem(TAB_ID_KEY, this.id);
  }

  private post(message: TabMessage): void {
    this.channel?.postMessage(message);
  }
}

/** The session parts of every tab, with the time each tab last saved. */
function byTab(records: SessionRecord[]) {
  const tabs = new Map<string, { parts: SessionParts; savedAt: string }>();
  for (const r of records) {
    const tabId = r.tabId ?? LEGACY_TAB;
    const part = r.part ?? r.key;
    const tab = tabs.get(tabId) ?? { parts: {}, savedAt: '' };
    tab.parts[part as SessionKey] = { ...r, key: part as SessionKey };
    if (r.savedAt > tab.savedAt) tab.savedAt = r.savedAt;
    tabs.set(tabId, tab);
  }
  return tabs;
}

export function createIndexedDbSession(presence: () => TabPresence): SessionStorage {
  return {
    async read() {
      const tab = presence();
      const others = await tab.others();
      const db = await openLabDb();
      try {
        const tabs = byTab(await db.getAll('session'));
        const own = tabs.get(tab.tabId);
        // Closed tabs' sessions beyond the most recent few are forgotten.
        const closed = [...tabs]
          .filter(([id]) => id !== tab.tabId && !others.has(id))
          .sort((a, b) => b[1].savedAt.localeCompare(a[1].savedAt));
        for (const [, t] of closed.slice(KEPT_SESSIONS))
          for (const r of Object.values(t.parts)) if (r) await db.delete('session', r.key);
        if (own) return { parts: own.parts, from: 'this-tab' };
        const latest = [...tabs].sort((a, b) => b[1].savedAt.localeCompare(a[1].savedAt))[0];
        if (!latest) return { parts: {}, from: 'none' };
        return { parts: latest[1].parts, from: others.has(latest[0]) ? 'open-tab' : 'last-visit' };
      } finally {
        db.close();
      }
    },
    async write(key, value) {
      const { tabId } = presence();
      const db = await openLabDb();
      try {
        await db.put('session', {
          key: `${tabId}:${key}`,
          part: key,
          tabId,
          value,
          savedAt: new Date().toISOString(),
        });
      } finally {
        db.close();
      }
    },
    async clearAll() {
      await deleteDB(LAB_DB_NAME, {
        blocked: () => {
          // Another tab holds the database open: the deletion completes when it closes it.
        },
      });
    },
  };
}

let pagePresence: TabPresence | undefined;

/** The page's session: this tab's id from sessionStorage (a lone tab where there is none, as in Node). */
export const indexedDbSession: SessionStorage = createIndexedDbSession(
  () =>
    (pagePresence ??= new TabPresence(typeof sessionStorage === 'undefined' ? undefined : sessionStorage)),
);
