/**
 * The largest file the lab imports, and the sentence refusing a bigger one — checked on the file's size
 * before a byte is read, by the page's worker and by the CLI alike. Beyond it a browser cannot hold the
 * text as one string (V8 stops at 2^29 characters) and the tasks built from it would not fit a tab.
 */

/** 250 MB (decimal, as file managers show sizes): about 3 million rows of a typical export. */
export const MAX_IMPORT_BYTES = 250_000_000;

const megabytes = (bytes: number): string => {
  const mb = bytes / 1e6;
  return mb >= 10 ? `${Math.round(mb)} MB` : `${mb.toFixed(1)} MB`;
};

/** "big.csv is 601 MB; the lab reads up to 250 MB …", or undefined when the size is fine. */
export function importSizeRefusal(fileName: string, sizeBytes: number): string | undefined {
  if (sizeBytes <= MAX_IMPORT_BYTES) return undefined;
  return `${fileName} is ${megabytes(sizeBytes)}; the lab reads up to ${megabytes(MAX_IMPORT_BYTES)} — split the export (by date or by users) or sample it, then import a part.`;
}
