/**
 * A memo keyed by characters in place: finds what was remembered for `text.slice(from, to)` without
 * making that string. A million-row export repeats a few thousand users and topics and a handful of
 * difficulties and booleans; cutting each out for a Map lookup left a string of garbage per cell, and
 * made Chromium's worker read-and-validate the 1M-row file about a fifth slower.
 */

/** Six 8-bit code units fit a double exactly (48 bits < 53), so a key is compared as numbers. */
const CHUNK_CHARS = 6;
/** Keys up to 48 code units; longer ones (and any beyond U+00FF) are simply not memoised here. */
const MAX_CHUNKS = 8;
const EMPTY = -1;
const TWO_32 = 2 ** 32;

export class SpanMemo<V> {
  private chunks = new Float64Array(16 * MAX_CHUNKS);
  private lengths = new Int32Array(16);
  private readonly values: V[] = [];
  private slots = new Int32Array(32).fill(EMPTY);
  /** The key last read by `find`, as chunks, and its hash; `remember` reuses them. */
  private readonly scratch = new Float64Array(MAX_CHUNKS);
  private scratchHash = 0;

  constructor(private readonly limit: number) {}

  /** The value remembered for the span, or undefined: not seen, or not a key this memo can hold. */
  find(text: string, from: number, to: number): V | undefined {
    const length = to - from;
    if (!this.read(text, from, to)) return undefined;
    const count = Math.ceil(length / CHUNK_CHARS);
    const mask = this.slots.length - 1;
    for (let slot = this.scratchHash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] as number;
      if (entry === EMPTY) return undefined;
      if (this.lengths[entry] === length && this.sameChunks(entry, count)) return this.values[entry];
    }
  }

  /** Remembers `value` for the span `find` just missed; full, or for a key it cannot hold, it does nothing. */
  remember(text: string, from: number, to: number, value: V): void {
    const entry = this.values.length;
    if (entry >= this.limit || !this.read(text, from, to)) return;
    if (entry === this.lengths.length) this.growEntries();
    if ((entry + 1) * 2 > this.slots.length) this.growSlots();
    this.chunks.set(this.scratch, entry * MAX_CHUNKS);
    this.lengths[entry] = to - from;
    this.values.push(value);
    this.place(this.scratchHash, entry);
  }

  /** Packs the span into `scratch` and hashes it; false when it is too long or not 8-bit. */
  private read(text: string, from: number, to: number): boolean {
    if (to - from > CHUNK_CHARS * MAX_CHUNKS) return false;
    let hash = 0x811c9dc5;
    let chunk = 0;
    let n = 0;
    let k = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c > 0xff) return false;
      chunk = chunk * 256 + c;
      if (++n === CHUNK_CHARS) {
        hash = mix(hash, chunk);
        this.scratch[k++] = chunk;
        chunk = 0;
        n = 0;
      }
    }
    if (n > 0) {
      hash = mix(hash, chunk);
      this.scratch[k] = chunk;
    }
    this.scratchHash = hash;
    return true;
  }

  private sameChunks(entry: number, count: number): boolean {
    const base = entry * MAX_CHUNKS;
    for (let k = 0; k < count; k++) if (this.chunks[base + k] !== this.scratch[k]) return false;
    return true;
  }

  private place(hash: number, entry: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.slots[slot] = entry;
  }

  private growEntries(): void {
    const chunks = new Float64Array(this.chunks.length * 2);
    chunks.set(this.chunks);
    this.chunks = chunks;
    const lengths = new Int32Array(this.lengths.length * 2);
    lengths.set(this.lengths);
    this.lengths = lengths;
  }

  private growSlots(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(EMPTY);
    // Entries are re-placed by the hash of their chunks (the same hash `read` gave them).
    for (let entry = 0; entry < this.values.length; entry++) {
      let hash = 0x811c9dc5;
      const count = Math.ceil((this.lengths[entry] as number) / CHUNK_CHARS);
      for (let k = 0; k < count; k++) hash = mix(hash, this.chunks[entry * MAX_CHUNKS + k] as number);
      this.place(hash, entry);
    }
  }
}

/**
 * One hashing step over the two 32-bit halves of an exact integer below 2^53. The xor-shift matters: a
 * multiply alone leaves a hash's low bits (the slot) blind to all but the low bits of each chunk.
 */
function mix(hash: number, chunk: number): number {
  let h = Math.imul(hash ^ (chunk >>> 0), 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h ^ Math.floor(chunk / TWO_32), 0x85ebca6b);
  return h ^ (h >>> 13);
}
