/**
 * Reading a zip without trusting it: the central directory is listed without inflating anything, and
 * an entry is inflated only on request, in slices, against a byte budget the caller derives from what
 * the entry should hold — so a 4 MB zip that inflates to 4 GB stops at the budget, and entries nobody
 * asked for are never inflated. Stored and deflated entries; no zip64 (a bundle is far below 4 GB).
 */
import { Inflate } from 'fflate';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** As the archive declares it: checked, never trusted. */
  declaredSize: number;
  /** Where the entry's data starts in the archive. */
  dataOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes handed to the inflater at once: bounds how far one step can overshoot a budget. */
const SLICE = 16 * 1024;

const u16 = (b: Uint8Array, at: number) => (b[at] as number) | ((b[at + 1] as number) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** The archive's entries by name, or why it is not a zip this reader can use. */
export function listZipEntries(bytes: Uint8Array): Map<string, ZipEntry> | string {
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (u32(bytes, at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) return 'it is not a readable zip archive (no zip directory at its end)';
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (count === 0xffff || at === 0xffffffff) return 'it is a zip64 archive, which a model bundle never is';
  const entries = new Map<string, ZipEntry>();
  const utf8 = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL)
      return 'its zip directory is truncated or corrupt';
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const declaredSize = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const skip = nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    const local = u32(bytes, at + 42);
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL)
      return `its zip entry ${name} points outside the archive`;
    const dataOffset = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (dataOffset + compressedSize > bytes.length) return `its zip entry ${name} is truncated`;
    entries.set(name, { name, method, compressedSize, declaredSize, dataOffset });
    at += 46 + skip;
  }
  return entries;
}

/**
 * The entry's bytes, inflated in slices and refused as soon as they would pass `budget` bytes; a
 * declared size above the budget is refused before anything is inflated. Returns the reason otherwise.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: number): Uint8Array | string {
  const limit = `the ${budget.toLocaleString('en-US')} bytes it can hold`;
  if (entry.declaredSize > budget)
    return `${entry.name} declares ${entry.declaredSize.toLocaleString('en-US')} bytes, more than ${limit}`;
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0)
    return data.length > budget ? `${entry.name} holds more than ${limit}` : data.slice();
  if (entry.method !== 8) return `${entry.name} uses zip compression method ${entry.method}, not deflate`;
  // Sized by the declaration (checked against the budget above), grown only while within the budget.
  let out = new Uint8Array(Math.min(budget, Math.max(entry.declaredSize, 1024)));
  let length = 0;
  let overflow = false;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    if (overflow) return;
    if (length + chunk.length > budget) {
      overflow = true;
      return;
    }
    if (length + chunk.length > out.length) {
      const grown = new Uint8Array(Math.min(budget, Math.max(out.length * 2, length + chunk.length)));
      grown.set(out.subarray(0, length));
      out = grown;
    }
    out.set(chunk, length);
    length += chunk.length;
    done ||= final;
  });
  try {
    for (let at = 0; at < data.length && !overflow && !done; at += SLICE) {
      const end = Math.min(data.length, at + SLICE);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch (error) {
    return `${entry.name} is not a valid deflate stream (${(error as Error).message})`;
  }
  if (overflow) return `${entry.name} inflates to more than ${limit} (a zip bomb or a corrupt file)`;
  if (!done) return `${entry.name} ends before its data does (truncated)`;
  return out.subarray(0, length);
}
