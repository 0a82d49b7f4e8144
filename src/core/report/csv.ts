/**
 * RFC 4180 CSV for exports people open in spreadsheets. Text cells that a spreadsheet would run as a
 * formula (starting with = + - @, tab or carriage return: CSV injection) get a leading single quote;
 * numbers are written as numbers, so -0.5 stays a number — the cell's type decides, not its text.
 */

export type CsvCell = string | number | boolean | null | undefined;

/** Characters a spreadsheet reads as the start of a formula (OWASP's list for CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Fields holding any of these must be quoted (RFC 4180 §2.6), quotes doubled inside (§2.7). */
const NEEDS_QUOTES = /[",\r\n]/;

/** A text value made inert: a leading quote turns a would-be formula into text in Excel, LibreOffice and Sheets. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  // Finite numbers are data, never formulas; NaN and ±Infinity are not numbers a spreadsheet knows, so
  // they go through the text path like any other string ("-Infinity" would otherwise start a formula).
  if (typeof cell === 'number' && Number.isFinite(cell)) return String(cell);
  return neutraliseFormula(String(cell));
}

function field(cell: CsvCell): string {
  const text = cellText(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The CSV text of a header and rows, CRLF line ends (RFC 4180 §2.1), a line end after the last record.
 * @throws RangeError when a row's cell count differs from the header's (RFC 4180 §2.4).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(field).join(',')];
  rows.forEach((row, i) => {
    if (row.length !== header.length)
      throw new RangeError(`CSV row ${i + 1} has ${row.length} cells, the header has ${header.length}`);
    lines.push(row.map(field).join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}
