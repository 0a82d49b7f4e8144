/**
 * The report's answer (`recommendation`): which strategy to use and why, as recommendStrategy writes it.
 * Types only; no tfjs.
 */
import type { Metric } from './report-scores';

/** The answer (docs/contract.md §2b `recommendation`), from recommendStrategy. */
export interface ReportRecommendation {
  /** The strategy to use; null when none can be recommended. */
  choice: string | null;
  /** The best candidate, or the nearest to passing; null when none qualifies even for that. */
  closest: string | null;
  kind: 'recommended' | 'no clear winner' | 'none passes' | 'not enough data' | 'nothing trained';
  /** One sentence: the answer. */
  headline: string;
  reasons: string[];
  /** On per-user log loss, between the two best candidates (nats); null when not measured. */
  minimumDetectableDifference: Metric;
  /** Strategies passing all three checks in at least minPassRate of seeds and not worse than the constant rate. */
  candidates: string[];
  minPassRate: number;
  heldOutRows: number;
  seeds: number;
}
