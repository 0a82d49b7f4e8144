/**
 * A stable identity for a dataset: sha-256 over the normalised tasks in canonical order, so a CSV and
 * its JSON twin — or the same export re-saved with other column names or row order — share one fingerprint.
 * Hashed as the sorted user and topic names plus one row of eight float64 numbers per task: encoding a
 * million tasks as text lines took seconds; writing these numbers takes about a tenth of a second.
 */
import type { Task } from './task';

const FIELDS_PER_TASK = 8;
/** Bytes kept free before the numbers for the names, so they need not be copied after them. */
const NAMES_ROOM = 1 << 16;

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** DIFFICULTIES.indexOf, without a builtin call per task. */
function levelOf(difficulty: string): number {
  switch (difficulty) {
    case 'easy':
      return 0;
    case 'medium':
      return 1;
    case 'hard':
      return 2;
    default:
      return -1;
  }
}

/**
 * Writes the numbers while the caller walks the tasks once, with users and topics numbered in order of
 * first appearance (the caller's own maps, e.g. the summary's), then renumbers them in sorted order.
 */
export class FingerprintWriter {
  private readonly buffer: ArrayBuffer;
  private readonly numbers: Float64Array;
  private at = 0;

  constructor(private readonly taskCount: number) {
    this.buffer = new ArrayBuffer(NAMES_ROOM + taskCount * FIELDS_PER_TASK * 8);
    this.numbers = new Float64Array(this.buffer, NAMES_ROOM, taskCount * FIELDS_PER_TASK);
  }

  add(t: Task, user: number, topic: number): void {
    const n = this.numbers;
    const o = this.at;
    this.at = o + FIELDS_PER_TASK;
    n[o] = user;
    n[o + 1] = topic;
    n[o + 2] = levelOf(t.difficulty);
    n[o + 3] = t.completedAtMs;
    n[o + 4] = t.isCorrect ? 1 : 0;
    n[o + 5] = t.actualTimeSeconds;
    n[o + 6] = t.predictedCorrect ?? -1;
    n[o + 7] = t.trueP ?? -1;
  }

  /**
   * The bytes hashed — JSON of the sorted names, then the numbers (float64, little-endian on every
   * platform we run on) — given the distinct names in the order they were numbered.
   */
  bytes(users: readonly string[], topics: readonly string[]): Uint8Array<ArrayBuffer> {
    const [sortedUsers, userRank] = ranked(users);
    const [sortedTopics, topicRank] = ranked(topics);
    const n = this.numbers;
    for (let o = 0; o < this.taskCount * FIELDS_PER_TASK; o += FIELDS_PER_TASK) {
      n[o] = userRank[n[o] as number] as number;
      n[o + 1] = topicRank[n[o + 1] as number] as number;
    }
    const names = new TextEncoder().encode(
      JSON.stringify({ version: 1, users: sortedUsers, topics: sortedTopics }),
    );
    if (names.length <= NAMES_ROOM) {
      const start = NAMES_ROOM - names.length;
      new Uint8Array(this.buffer, start, names.length).set(names);
      return new Uint8Array(this.buffer, start);
    }
    const bytes = new Uint8Array(names.length + n.byteLength);
    bytes.set(names, 0);
    bytes.set(new Uint8Array(this.buffer, NAMES_ROOM), names.length);
    return bytes;
  }
}

/** The names sorted, and for each name's first-appearance number its place in that order. */
function ranked(names: readonly string[]): [string[], Int32Array] {
  const order = names.map((_, i) => i).sort((a, b) => byCodeUnits(names[a] as string, names[b] as string));
  const rank = new Int32Array(names.length);
  order.forEach((i, r) => (rank[i] = r));
  return [order.map((i) => names[i] as string), rank];
}

/** The bytes hashed for tasks that must already be in canonical order (importTasks guarantees it). */
export function fingerprintBytes(tasks: readonly Task[]): Uint8Array<ArrayBuffer> {
  const writer = new FingerprintWriter(tasks.length);
  const users = new Map<string, number>();
  const topics = new Map<string, number>();
  for (const t of tasks) {
    let user = users.get(t.userId);
    if (user === undefined) users.set(t.userId, (user = users.size));
    let topic = topics.get(t.topic);
    if (topic === undefined) topics.set(t.topic, (topic = topics.size));
    writer.add(t, user, topic);
  }
  return writer.bytes([...users.keys()], [...topics.keys()]);
}

/** `sha256:<hex>` of fingerprint bytes. */
export async function digestFingerprint(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  return `sha256:${hex}`;
}

/** `sha256:<hex>` of the tasks, which must already be in canonical order (importTasks guarantees it). */
export async function fingerprintTasks(tasks: readonly Task[]): Promise<string> {
  return digestFingerprint(fingerprintBytes(tasks));
}
