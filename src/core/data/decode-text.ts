/**
 * Bytes → text for imports: honours UTF-8 and UTF-16 (LE/BE) byte-order marks and recognises binary
 * files (NUL bytes, invalid UTF-8) so they are refused by name instead of parsed as garbage.
 */

export type DecodeResult =
  { kind: 'ok'; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { kind: 'binary' };

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { kind: 'ok', text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { kind: 'ok', text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const body =
    bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? bytes.subarray(3)
      : bytes;
  // A text export never holds NUL; images, archives and spreadsheets (.xlsx) do within their first bytes.
  const probe = body.subarray(0, 8192);
  if (probe.includes(0)) return { kind: 'binary' };
  try {
    return { kind: 'ok', text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { kind: 'binary' };
  }
}

/** Strips a leading BOM left in text that was decoded elsewhere (e.g. File.text()). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
