/**
 * The report (`report.json`, docs/contract.md §2 and §2b, schema version 2) as TypeScript types: what the
 * UI downloads, the CLI writes and outside scripts read. Version-1 fields describe a strategy's first
 * seed; `runs`, `summary`, `comparisons` and `recommendation` cover every seed. JSON form only: a missing
 * metric is null (never undefined or NaN), an infinite variance ratio is null with
 * `varianceRatioInfinite: true`. Scores, probes and the recommendation have files of their own
 * (report-scores, report-probes, report-recommendation). Types only; no tfjs.
 */
import type { Difficulty } from '../data/task';
import type { RepeatMetric } from '../evaluation/counted-run';
import type { VerdictThresholds } from '../evaluation/verdicts';
import type { Recipe } from '../strategies/recipe';
import type { PhaseSummary, StrategyId } from '../strategies/types';
import type { ReportChecks, ReportProbe, ReportVerdicts, ReportViolation } from './report-probes';
import type { ReportRecommendation } from './report-recommendation';
import type { Metric, ReportMacro, ReportScores, ReportTest } from './report-scores';

// Every reader of the report names its basic value; kept importable from here as before the split.
export type { Metric } from './report-scores';

export const REPORT_SCHEMA_VERSION = 2;

/** A training phase's summary with its per-epoch loss curves (losses are weighted means). */
export interface ReportPhase extends Omit<PhaseSummary, 'finalLoss' | 'bestValLoss' | 'valLosses'> {
  finalLoss: Metric;
  bestValLoss: Metric;
  valLosses: Metric[];
}

/** The run an entry came from (issue 20: a report entry knows its own run). */
export interface ReportRunIdentity {
  /** The first of `seeds`: the seed the version-1 fields (and the kept model) come from. */
  seed: number;
  /** Every seed this entry was trained with, in order. */
  seeds: number[];
  /** tfjs backend it trained on. */
  backend: string;
  /** When its run ended, ISO-8601 UTC. */
  trainedAt: string;
  /** The thresholds its verdicts were judged with. */
  thresholds: VerdictThresholds;
  /** How its training phases carved validation. */
  validation: { mode: 'per-user-tail' | 'global-tail'; share: number };
}

/** One seed of a strategy (docs/contract.md §2b `runs[]`). */
export interface ReportRun {
  seed: number;
  trainMs: number;
  test: ReportTest;
  testMacroByUser: ReportMacro;
  /** Per-user log loss, users with fewer than 5 held-out tasks pooled into one group first. */
  userLogLoss: Metric;
  verdicts: ReportVerdicts;
  checks: ReportChecks;
  /** Mean over probed users of afterCorrect[5] − afterIncorrect[5]; positive responds the right way. */
  responseGap: Metric;
  varianceRatio: Metric;
  saturatedShare: Metric;
  distinctPercent: number;
}

/** A metric over seeds: mean and sd over seeds, 95 % interval resampling seeds, users and their rows. */
export interface ReportSpread {
  mean: Metric;
  /** Sample standard deviation over seeds; null with one seed. */
  sd: Metric;
  lo: Metric;
  hi: Metric;
}

/** Share of judged seeds passing each check (null when no seed could be judged); `all` = all three at once. */
export interface ReportPassRate {
  continuous: Metric;
  responsive: Metric;
  generalizes: Metric;
  all: Metric;
}

export interface ReportSummary extends Record<RepeatMetric, ReportSpread> {
  /** Seeds summarised. */
  seeds: number;
  /** Held-out rows every metric rests on (per seed). */
  n: number;
  /** Bootstrap resamples behind lo / hi. */
  resamples: number;
  responseGap: ReportSpread;
  passRate: ReportPassRate;
}

/** A strategy that trained and was evaluated. */
export interface ReportStrategyOk extends ReportScores, ReportRunIdentity {
  status: 'ok';
  /** One of the six strategies' ids, or an own recipe's (which then carries `recipe`). */
  id: StrategyId;
  label: string;
  /** Every knob used, defaults filled in. */
  options: Record<string, unknown>;
  /** An own recipe's full recipe; absent for the six (their id and options say it all). */
  recipe?: Recipe;
  /** Wall-clock training time, ms (not reproducible: excluded from determinism checks). */
  trainMs: number;
  trainingInfluence: { userId: string; samples: number; weight: number; share: number; phase: string }[];
  /** Spread over every topic × difficulty at each user's current history. */
  perUser: { userId: string; n: number; mean: number; std: number }[];
  /** Largest / smallest `perUser[].std`; null when infinite (see `varianceRatioInfinite`). */
  varianceRatio: Metric;
  /** True when some user's predictions are flat and another's are not (ratio +∞, the worst case). */
  varianceRatioInfinite: boolean;
  /** The sweep behind `perUser`: predictions row-major over topics × difficulties. */
  generalisation: {
    topics: string[];
    difficulties: Difficulty[];
    grid: { userId: string; predictions: number[] }[];
  };
  responseProbes: ReportProbe[];
  responseViolations: ReportViolation[];
  verdicts: ReportVerdicts;
  checks: ReportChecks;
  responseGap: Metric;
  userLogLoss: Metric;
  phases: ReportPhase[];
  /**
   * Held-out predicted against actual seconds, binned on shared log edges (counts[actual][predicted]);
   * absent in reports made before it existed.
   */
  timeScatter?: { edgesSeconds: number[]; counts: number[][]; n: number };
  /** One entry per seed, in seed order. */
  runs: ReportRun[];
  summary: ReportSummary;
}

/** A strategy whose training or evaluation threw (not an abort); the others carried on. */
export interface ReportStrategyFailed extends ReportRunIdentity {
  status: 'failed';
  id: StrategyId;
  label: string;
  /** The options requested (defaults filled in). */
  options: Record<string, unknown>;
  /** An own recipe's full recipe. */
  recipe?: Recipe;
  /** Time until the failure, ms. */
  trainMs: number;
  error: string;
}

export type ReportStrategy = ReportStrategyOk | ReportStrategyFailed;

/** The constant-rate row: training correct rate and median training time for every held-out row. */
export interface ReportBaseline extends ReportScores {
  pCorrect: number;
  timeSeconds: number;
  trainRows: number;
  userLogLoss: Metric;
  /** Its metrics with intervals (one "seed": it does not train), for the table beside the strategies. */
  summary: ReportSummary;
}

/**
 * "Simulator truth": the simulator's own P(correct), scored, probed and judged like a strategy — only
 * when the loaded file is one of the lab's simulations, recognised by regenerating it (docs/simulator.md).
 */
export interface ReportTruth extends ReportScores {
  id: 'simulator-truth';
  label: string;
  simulation: { name: string; seed: number };
  perUser: { userId: string; n: number; mean: number; std: number }[];
  varianceRatio: Metric;
  varianceRatioInfinite: boolean;
  responseProbes: ReportProbe[];
  responseViolations: ReportViolation[];
  verdicts: ReportVerdicts;
  checks: ReportChecks;
  responseGap: Metric;
  userLogLoss: Metric;
  summary: ReportSummary;
}

/** A paired difference (docs/contract.md §2b `comparisons[]`): strategy − against, on the same rows and seeds. */
export interface ReportComparison {
  strategy: string;
  /** A strategy id, or "constant-rate". */
  against: string;
  metric: 'userLogLoss' | 'logLoss' | 'auc';
  difference: Metric;
  lo: Metric;
  hi: Metric;
  /** From the side of `strategy`: better only when the whole interval is on its side. */
  verdict: 'better' | 'worse' | 'no detectable difference';
  /** Bootstrap standard error of the difference. */
  se: Metric;
  /** 2.8 × se: a true difference this large would be detected 4 times in 5. */
  minimumDetectableDifference: Metric;
  /** True when both sides share their seeds (drawn together); false when their seed lists differ. */
  pairedSeeds: boolean;
  heldOutRows: number;
}

/** Set when the entries come from different runs (seeds, backend, thresholds or validation differ). */
export interface ReportMixedRuns {
  /** Plain sentences saying what differs. */
  notes: string[];
  runs: { trainedAt: string; seeds: number[]; backend: string; strategies: string[] }[];
}

export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  /** ISO-8601 UTC. */
  generatedAt: string;
  /** The first of `seeds`. */
  seed: number;
  /** The seeds of the run: seed, seed + 1, … (one per repeat). */
  seeds: number[];
  /** tfjs backend actually used: webgl | wasm | cpu. */
  backend: string;
  thresholds: VerdictThresholds;
  /** How each training phase carved its validation slice. */
  validation: { mode: 'per-user-tail' | 'global-tail'; share: number };
  dataset: {
    fileName: string;
    rows: number;
    skippedRows: number;
    fingerprint: string;
    users: { userId: string; tasks: number; share: number }[];
    hasTrueP: boolean;
    hasPredictedCorrect: boolean;
  };
  split: {
    /** temporal-per-user (what the lab runs): the last share of each user's tasks; temporal-global: of all. */
    kind: 'temporal-per-user' | 'temporal-global';
    /** Share of tasks held out (of each user's, at least one when the user has ≥ 2). */
    testShare: number;
    trainRows: number;
    testRows: number;
    perUser: { userId: string; trainRows: number; testRows: number }[];
  };
  baseline: ReportBaseline;
  /** The production model's recorded `predicted_correct` on the held-out rows; null when absent. */
  recorded: ReportScores | null;
  /** The simulator's own P(correct) on a recognised simulated file; null otherwise (real data). */
  truth: ReportTruth | null;
  /** The six in the catalogue's order, then own recipes. */
  strategies: ReportStrategy[];
  /** Null when every entry comes from the same run. */
  mixedRuns: ReportMixedRuns | null;
  comparisons: ReportComparison[];
  recommendation: ReportRecommendation;
}
