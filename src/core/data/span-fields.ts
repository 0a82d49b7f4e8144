/**
 * Field values read straight from character positions in a quote-free CSV, for the two forms exports
 * almost always use: canonical UTC timestamps and plain decimals. Each answers only where its answer is
 * provably the schema's for the same characters, else undefined and the caller asks the schema instead.
 */

const DOT = 46;
const ZERO = 48;
const NINE = 57;

function twoDigits(text: string, at: number): number {
  const hi = text.charCodeAt(at) - ZERO;
  const lo = text.charCodeAt(at + 1) - ZERO;
  return hi >= 0 && hi <= 9 && lo >= 0 && lo <= 9 ? hi * 10 + lo : -1;
}

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

// Rows come mostly in date order, so the start of the previous row's day is usually this row's too.
let cachedDay = -1;
let cachedDayMs = 0;

function dayStartMs(year: number, month: number, day: number): number {
  const key = (year * 100 + month) * 100 + day;
  if (key !== cachedDay) {
    cachedDayMs = Date.UTC(year, month - 1, day);
    cachedDay = key;
  }
  return cachedDayMs;
}

/**
 * `YYYY-MM-DDTHH:MM:SS[.f{1,3}]Z` between 1970 and 2099 with every part in range, in epoch ms: then
 * Date.parse (which parseTimestampMs uses) gives exactly this sum. Anything else — other years, hour 24,
 * a day the month lacks, offsets, epoch numbers, spaces — is left to parseTimestampMs.
 */
export function isoMsAt(text: string, from: number, to: number): number | undefined {
  const n = to - from;
  if (n !== 20 && (n < 22 || n > 24)) return undefined;
  if (
    text.charCodeAt(from + 4) !== 45 || // -
    text.charCodeAt(from + 7) !== 45 ||
    text.charCodeAt(from + 10) !== 84 || // T
    text.charCodeAt(from + 13) !== 58 || // :
    text.charCodeAt(from + 16) !== 58 ||
    text.charCodeAt(to - 1) !== 90 // Z
  )
    return undefined;
  const century = twoDigits(text, from);
  const yy = twoDigits(text, from + 2);
  const month = twoDigits(text, from + 5);
  const day = twoDigits(text, from + 8);
  const hour = twoDigits(text, from + 11);
  const minute = twoDigits(text, from + 14);
  const second = twoDigits(text, from + 17);
  const year = century * 100 + yy;
  if (century < 0 || yy < 0 || year < 1970 || year > 2099) return undefined;
  if (month < 1 || month > 12 || day < 1 || (day > 28 && day > daysInMonth(year, month))) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  let ms = 0;
  if (n > 20) {
    if (text.charCodeAt(from + 19) !== DOT) return undefined;
    // Date.parse reads 1–3 fraction digits as tenths, hundredths, thousandths.
    for (let i = from + 20, scale = 100; i < to - 1; i++, scale /= 10) {
      const c = text.charCodeAt(i);
      if (c < ZERO || c > NINE) return undefined;
      ms += (c - ZERO) * scale;
    }
  }
  return dayStartMs(year, month, day) + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

/** Up to 15 digits: the integer they spell is exact in a double (below 2^53), as is 10^k for k ≤ 15. */
const MAX_DIGITS = 15;
const POW10 = Array.from({ length: MAX_DIGITS + 1 }, (_, k) => 10 ** k);

/**
 * A plain decimal (`123`, `0.8633`; no sign, exponent or spaces) of at most 15 digits. Its value is the
 * digits as an integer over 10^k, both exact, and IEEE division rounds that quotient correctly — as
 * Number() must for the same string — so this equals parseNumber's answer. Else undefined.
 */
export function decimalAt(text: string, from: number, to: number): number | undefined {
  let mantissa = 0;
  let digits = 0;
  let point = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === DOT && point < 0) {
      point = i;
    } else if (c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      digits++;
    } else {
      return undefined;
    }
  }
  // parseNumber wants digits on both sides of a point: "5." and ".5" are not numbers to it.
  if (digits === 0 || digits > MAX_DIGITS || point === from || point === to - 1) return undefined;
  return point < 0 ? mantissa : mantissa / (POW10[to - 1 - point] as number);
}

/** A plain decimal within 0–1 (a probability), else undefined. */
export function unitDecimalAt(text: string, from: number, to: number): number | undefined {
  const n = decimalAt(text, from, to);
  return n !== undefined && n <= 1 ? n : undefined;
}
