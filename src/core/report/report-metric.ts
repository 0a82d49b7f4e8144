/** JSON encoding of a measured number: finite, else null (JSON has no undefined, NaN or Infinity). */
import type { Metric } from './report-types';

/** A finite number, else null (undefined, NaN, ±Infinity). */
export const metric = (x: number | null | undefined): Metric =>
  x !== undefined && x !== null && Number.isFinite(x) ? x : null;
