/**
 * CSV text → header and records. papaparse sniffs the delimiter and line break and parses files that
 * quote; a file with no quote character at all is split here, exactly as papaparse's own fast mode
 * would split it, and hands well-shaped rows over as field positions so no per-field strings are made.
 */
import Papa from 'papaparse';
import { mapColumns } from './column-aliases';
import { clip, type RecordTable, type ReadResult, type SpanVisitor } from './record-table';
import type { RowProblem } from './task';

const CSV_CHUNK_CHARS = 1 << 20;
const DELIMITERS = [',', ';', '\t'];
const QUOTE = '"';

/** papaparse guesses the line break from the first MiB (guessLineEndings) … */
const SNIFF_CHARS = 1024 * 1024;
/** … and the delimiter from the first 10 rows (guessDelimiter's preview), plus the one it stops on and a spare. */
const SNIFF_ROWS = 12;

/**
 * The part of a quote-free text that papaparse's header sniffing depends on. Without quotes papaparse
 * splits its whole input into lines before taking the first few, so sniffing a million-row file cost a
 * second; given this head instead it sees the same first MiB and the same first rows, so guesses the same.
 */
export function sniffHead(text: string): string {
  // +1: papaparse drops a leading BOM before it looks at its first MiB.
  if (text.length <= SNIFF_CHARS + 1) return text;
  const newline = Papa.parse<string[]>(text.slice(0, SNIFF_CHARS + 1), { preview: 1, delimiter: ',' }).meta
    .linebreak;
  let end = 0;
  for (let i = 0; i < SNIFF_ROWS; i++) {
    const at = text.indexOf(newline, end);
    if (at < 0) return text;
    end = at + newline.length;
  }
  return text.slice(0, Math.max(end, SNIFF_CHARS + 1));
}

interface Sniffed {
  delimiter: string;
  newline: string;
  header: string[] | undefined;
}

/**
 * The delimiter and header: papaparse's guess (the most consistent field count over the first rows),
 * unless another delimiter splits the header into more known columns. The guess alone can be fooled:
 * a `;` file whose quoted values hold commas, plus its final line break, once read as one column.
 */
export function readHeader(text: string): Sniffed {
  const head = Papa.parse<string[]>(text, { preview: 1, delimitersToGuess: DELIMITERS });
  let best: Sniffed = { delimiter: head.meta.delimiter, newline: head.meta.linebreak, header: head.data[0] };
  const guessed = mapColumns(best.header ?? []);
  if (guessed.missing.length === 0) return best;
  let bestKnown = guessed.indexOf.size;
  for (const delimiter of DELIMITERS) {
    if (delimiter === best.delimiter) continue;
    const header = Papa.parse<string[]>(text, { preview: 1, delimiter }).data[0];
    const known = mapColumns(header ?? []).indexOf.size;
    if (known > bestKnown) {
      best = { ...best, delimiter, header };
      bestKnown = known;
    }
  }
  return best;
}

export function readCsv(text: string): ReadResult {
  const quoteFree = !text.includes(QUOTE);
  const { delimiter, newline, header } = readHeader(quoteFree ? sniffHead(text) : text);
  if (!header || header.length < 2) {
    return {
      kind: 'refused',
      reason: 'is neither CSV nor JSON: no `,` `;` or tab delimiter separates its columns',
    };
  }
  const forEachRecord: RecordTable['forEachRecord'] = (visit, onProblem, visitSpans) =>
    quoteFree
      ? forEachSplitRecord(text, { delimiter, newline }, header, visit, onProblem, visitSpans)
      : forEachPapaRecord(text, { delimiter }, header, visit, onProblem);
  return { kind: 'ok', table: { format: 'csv', header, forEachRecord } };
}

type Visit = (record: unknown[], row: number) => void;
type OnProblem = (problem: RowProblem) => void;

/** Counts rows (the header is row 0) and refuses shifted ones; shared by both readers so both count alike. */
function recordSink(header: readonly string[], delimiter: string, visit: Visit, onProblem: OnProblem) {
  let row = -1;
  return {
    take(fields: string[]): void {
      // Whitespace-only lines are blank, not records (cheaper than papaparse's 'greedy' test on every line).
      if (fields.length === 1 && (fields[0] ?? '').trim() === '') return;
      row++;
      if (row === 0) return;
      const extra =
        fields.length > header.length && fields.slice(header.length).some((f: string) => f.trim() !== '');
      // Trailing empty fields (a trailing delimiter) are harmless; missing or extra values mean a shifted row.
      if (fields.length < header.length || extra) {
        onProblem({
          row,
          column: '(row)',
          reason: `has ${fields.length} fields, the header has ${header.length}`,
          value: clip(fields.join(delimiter)),
        });
      } else {
        visit(fields, row);
      }
    },
    /** Counts a row whose field count equals the header's, returning its number (0: the header). */
    takeWellShaped: (): number => ++row,
    rowsRead: (): number => Math.max(row, 0),
  };
}

/** The papaparse reader, for text that quotes; `newline` and `chunkSize` only so tests can vary them. */
export function forEachPapaRecord(
  text: string,
  config: { delimiter: string; newline?: string; chunkSize?: number },
  header: readonly string[],
  visit: Visit,
  onProblem: OnProblem,
): number {
  const sink = recordSink(header, config.delimiter, visit, onProblem);
  // With a string input papaparse streams chunk by chunk synchronously, so rows are counted on return.
  Papa.parse<string[]>(text, {
    delimiter: config.delimiter,
    ...(config.newline === undefined ? {} : { newline: config.newline as '\n' }),
    skipEmptyLines: true,
    chunkSize: config.chunkSize ?? CSV_CHUNK_CHARS,
    complete: () => undefined,
    chunk: ({ data }: Papa.ParseResult<string[]>) => {
      for (const fields of data) sink.take(fields);
    },
  });
  return sink.rowsRead();
}

/**
 * The records papaparse gives for text without a quote character — its fast mode is `text.split(newline)`
 * then `line.split(delimiter)`, blank lines dropped — without making those strings: a row with as many
 * fields as the header goes to `visitSpans` as positions; any other row is split and taken as papaparse's.
 * Searches resume where the last one stopped, so a file with few delimiters stays linear.
 */
export function forEachSplitRecord(
  text: string,
  config: { delimiter: string; newline: string },
  header: readonly string[],
  visit: Visit,
  onProblem: OnProblem,
  visitSpans?: SpanVisitor,
): number {
  const { delimiter, newline } = config;
  const sink = recordSink(header, delimiter, visit, onProblem);
  const width = header.length;
  // A blank line is one field, so only rows of two or more fields can skip the blank-line test.
  const spans = width >= 2 ? visitSpans : undefined;
  const starts = new Int32Array(width);
  const ends = new Int32Array(width);
  const length = text.length;
  // papaparse drops one more BOM itself.
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let nextDelimiter = -1;
  for (;;) {
    let end = text.indexOf(newline, pos);
    if (end < 0) end = length;
    let fields = 0;
    if (spans) {
      let from = pos;
      for (;;) {
        if (nextDelimiter < from && nextDelimiter !== length) {
          nextDelimiter = text.indexOf(delimiter, from);
          if (nextDelimiter < 0) nextDelimiter = length;
        }
        const stop = nextDelimiter + delimiter.length <= end ? nextDelimiter : end;
        if (fields < width) {
          starts[fields] = from;
          ends[fields] = stop;
        }
        fields++;
        if (stop === end || fields > width) break;
        from = stop + delimiter.length;
      }
    }
    if (fields === width) {
      const row = sink.takeWellShaped();
      if (row > 0) spans?.(text, starts, ends, row);
    } else {
      sink.take(text.slice(pos, end).split(delimiter));
    }
    if (end >= length) break;
    pos = end + newline.length;
  }
  return sink.rowsRead();
}
