/**
 * One strategy trained with one seed, as it travels between lanes and the report: its JSON entry
 * (version-1 fields, without the run identity the report adds) and its held-out predictions, which the
 * summaries, the paired comparisons and the predictions CSV are computed from. Types only.
 */
import type { HeldOutPrediction } from '../evaluation/evaluate-strategy';
import type { ReportRunIdentity, ReportStrategyFailed, ReportStrategyOk } from './report-types';

export type SeedEntryOk = Omit<ReportStrategyOk, 'runs' | 'summary' | keyof ReportRunIdentity>;
export type SeedEntryFailed = Omit<ReportStrategyFailed, keyof ReportRunIdentity>;
export type SeedEntry = SeedEntryOk | SeedEntryFailed;

export interface SeedResult {
  seed: number;
  entry: SeedEntry;
  /** Aligned with the held-out rows; absent when the strategy failed. */
  heldOut?: HeldOutPrediction;
}

/** What an entry's identity is built from: the run's settings (seeds come from the results). */
export type RunSettings = Omit<ReportRunIdentity, 'seed' | 'seeds'>;
