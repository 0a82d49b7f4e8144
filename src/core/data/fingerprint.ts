/**
 * A stable identity for a dataset: sha-256 over the normalised tasks in canonical order, so a CSV and
 * its JSON twin — or the same export re-saved with other column names or row order — share one fingerprint.
 * Hashed as the sorted user and topic names plus one row of eight float64 numbers per task: encoding a
 * million tasks as text lines took seconds; this takes tens of milliseconds.
 */
import { DIFFICULTIES, type Task } from './task';

const FIELDS_PER_TASK = 8;
const sortedUnique = (values: Iterable<string>): string[] =>
  [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The bytes hashed: JSON of the sorted names, then the tasks (float64, little-endian on every platform we run on). */
export function fingerprintBytes(tasks: readonly Task[]): Uint8Array<ArrayBuffer> {
  const users = sortedUnique(tasks.map((t) => t.userId));
  const topics = sortedUnique(tasks.map((t) => t.topic));
  const userIndex = new Map(users.map((u, i) => [u, i]));
  const topicIndex = new Map(topics.map((u, i) => [u, i]));
  const names = new TextEncoder().encode(JSON.stringify({ version: 1, users, topics }));
  const numbers = new Float64Array(tasks.length * FIELDS_PER_TASK);
  tasks.forEach((t, i) => {
    const o = i * FIELDS_PER_TASK;
    numbers[o] = userIndex.get(t.userId) ?? -1;
    numbers[o + 1] = topicIndex.get(t.topic) ?? -1;
    numbers[o + 2] = DIFFICULTIES.indexOf(t.difficulty);
    numbers[o + 3] = t.completedAtMs;
    numbers[o + 4] = t.isCorrect ? 1 : 0;
    numbers[o + 5] = t.actualTimeSeconds;
    numbers[o + 6] = t.predictedCorrect ?? -1;
    numbers[o + 7] = t.trueP ?? -1;
  });
  const bytes = new Uint8Array(names.length + numbers.byteLength);
  bytes.set(names, 0);
  bytes.set(new Uint8Array(numbers.buffer), names.length);
  return bytes;
}

/** `sha256:<hex>` of the tasks, which must already be in canonical order (importTasks guarantees it). */
export async function fingerprintTasks(tasks: readonly Task[]): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', fingerprintBytes(tasks));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  return `sha256:${hex}`;
}
