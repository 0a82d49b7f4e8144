// Sessions are per tab: a reload restores the tab's own session; a new tab restores the latest one and
// says whose it was (another open tab, or the last visit); a duplicated tab takes an id of its own.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createIndexedDbSession, TabPresence } from './session-store';

class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const open: TabPresence[] = [];
function tab(storage = new MemoryStorage()) {
  const presence = new TabPresence(storage);
  open.push(presence);
  return { presence, storage, session: createIndexedDbSession(() => presence) };
}
afterEach(async () => {
  for (const p of open.splice(0)) p.close();
  await createIndexedDbSession(() => new TabPresence(undefined)).clearAll();
});

describe('per-tab sessions', () => {
  it('two tabs keep their own dataset: a reload of either restores its own', async () => {
    const a = tab();
    const b = tab();
    await a.session.write('dataset', 'A’s file');
    await b.session.write('dataset', 'B’s file');
    await a.session.write('settings', 'A’s settings');
    expect(await a.session.read()).toMatchObject({
      from: 'this-tab',
      parts: { dataset: { value: 'A’s file' } },
    });
    expect(await b.session.read()).toMatchObject({
      from: 'this-tab',
      parts: { dataset: { value: 'B’s file' } },
    });
    expect((await b.session.read()).parts.settings).toBeUndefined();
    // A reload keeps sessionStorage, so the same id: still A's own.
    a.presence.close();
    const reloaded = tab(a.storage);
    expect(reloaded.presence.tabId).toBe(a.presence.tabId);
    expect(await reloaded.session.read()).toMatchObject({ parts: { dataset: { value: 'A’s file' } } });
  });

  it('a new tab restores the latest session and says whose: another open tab, or the last visit', async () => {
    const a = tab();
    await a.session.write('dataset', 'A’s file');
    const fresh = tab();
    expect(await fresh.session.read()).toMatchObject({
      from: 'open-tab',
      parts: { dataset: { value: 'A’s file' } },
    });
    a.presence.close();
    const later = tab();
    expect(await later.session.read()).toMatchObject({ from: 'last-visit' });
  });

  it('a duplicated tab (same id in its copied sessionStorage) takes an id of its own', async () => {
    const a = tab();
    await a.session.write('dataset', 'A’s file');
    const copy = new MemoryStorage();
    copy.setItem('retrain-lab-tab-id', a.presence.tabId);
    const dup = tab(copy);
    const read = await dup.session.read();
    expect(dup.presence.tabId).not.toBe(a.presence.tabId);
    expect(read).toMatchObject({ from: 'open-tab', parts: { dataset: { value: 'A’s file' } } });
    await dup.session.write('dataset', 'the copy’s file');
    expect(await a.session.read()).toMatchObject({ parts: { dataset: { value: 'A’s file' } } });
  });

  it('nothing stored: nothing to restore', async () => {
    expect(await tab().session.read()).toEqual({ parts: {}, from: 'none' });
  });
});
