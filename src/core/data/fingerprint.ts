/**
 * A stable identity for a dataset: sha-256 over the normalised tasks in canonical order, so a CSV and
 * its JSON twin — or the same export re-saved with other column names or row order — share one fingerprint.
 * Hashed as the sorted user and topic names plus one row of eight float64 numbers per task: encoding a
 * million tasks as text lines took seconds; this takes tens of milliseconds.
 */
import { DIFFICULTIES, type Task } from './task';

const FIELDS_PER_TASK = 8;

const sortedNames = (names: Set<string>): string[] => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * The bytes hashed: JSON of the sorted names, then the tasks (float64, little-endian on every platform we
 * run on). Names and numbers share one buffer, the numbers at an 8-byte boundary so a Float64Array writes
 * them in place, and the returned view starts where the names do: no 64 MB copy for a million tasks.
 */
export function fingerprintBytes(tasks: readonly Task[]): Uint8Array<ArrayBuffer> {
  const userSet = new Set<string>();
  const topicSet = new Set<string>();
  for (const t of tasks) {
    userSet.add(t.userId);
    topicSet.add(t.topic);
  }
  const users = sortedNames(userSet);
  const topics = sortedNames(topicSet);
  const userIndex = new Map(users.map((u, i) => [u, i]));
  const topicIndex = new Map(topics.map((u, i) => [u, i]));
  const names = new TextEncoder().encode(JSON.stringify({ version: 1, users, topics }));
  const pad = (8 - (names.length % 8)) % 8;
  const buffer = new ArrayBuffer(pad + names.length + tasks.length * FIELDS_PER_TASK * 8);
  new Uint8Array(buffer, pad, names.length).set(names);
  const numbers = new Float64Array(buffer, pad + names.length, tasks.length * FIELDS_PER_TASK);
  for (let i = 0, o = 0; i < tasks.length; i++, o += FIELDS_PER_TASK) {
    const t = tasks[i] as Task;
    numbers[o] = userIndex.get(t.userId) ?? -1;
    numbers[o + 1] = topicIndex.get(t.topic) ?? -1;
    numbers[o + 2] = DIFFICULTIES.indexOf(t.difficulty);
    numbers[o + 3] = t.completedAtMs;
    numbers[o + 4] = t.isCorrect ? 1 : 0;
    numbers[o + 5] = t.actualTimeSeconds;
    numbers[o + 6] = t.predictedCorrect ?? -1;
    numbers[o + 7] = t.trueP ?? -1;
  }
  return new Uint8Array(buffer, pad);
}

/** `sha256:<hex>` of the tasks, which must already be in canonical order (importTasks guarantees it). */
export async function fingerprintTasks(tasks: readonly Task[]): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', fingerprintBytes(tasks));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  return `sha256:${hex}`;
}
