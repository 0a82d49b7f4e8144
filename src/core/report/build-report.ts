/**
 * Builds the report (docs/contract.md §2 and §2b) from results already computed, as ONE pure function:
 * no clock, no unseeded randomness, no tfjs. Encodes for JSON on the way: undefined / NaN metrics become
 * null, and an infinite variance ratio becomes null with `varianceRatioInfinite: true` (JSON has no
 * Infinity). Evaluations given here become single-seed entries; repeated entries come ready-made.
 */
import type { DatasetSummary } from '../data/summarize-dataset';
import { countedRun, wholeDraw, type ScoredRows } from '../evaluation/counted-run';
import type { PredictorEvaluation, StrategyEvaluation } from '../evaluation/evaluate-strategy';
import type { TruthEvaluation } from '../evaluation/evaluate-truth';
import type { BaselineScores, HeldOutScores } from '../evaluation/held-out-scores';
import { baselinePredictions } from '../evaluation/baseline';
import type { ClassificationMetrics, MacroMetrics } from '../evaluation/classification-metrics';
import type { BootstrapInterval } from '../evaluation/bootstrap';
import type { GroundTruthFit } from '../evaluation/ground-truth';
import type { VerdictThresholds } from '../evaluation/verdicts';
import { pairedBootstrapSeed } from '../evaluation/repeated-bootstrap';
import type { TemporalSplit } from '../split/temporal-split';
import type { ValidationOptions } from '../strategies/types';
import { compareStrategies } from './compare-strategies';
import { completeReport, type ReportFrame } from './compose-report';
import { metric } from './report-metric';
import { repeatedEntry, summarize } from './repeated-entry';
import {
  REPORT_SCHEMA_VERSION,
  type Metric,
  type Report,
  type ReportComparison,
  type ReportStrategy,
  type ReportTruth,
} from './report-types';
import type { ReportInterval, ReportMacro, ReportMetrics, ReportScores } from './report-scores';
import type { SeedEntryFailed, SeedEntryOk } from './seed-result';

export { metric } from './report-metric';

/** What the report is built from; every number already measured. */
export interface ReportInputs {
  summary: DatasetSummary;
  split: TemporalSplit;
  /** The held-out rows (scoredRows(tasks, split.testIndices)). */
  rows: ScoredRows;
  /**
   * Entries in the order the report lists them (registry order): evaluations (one seed each, the
   * run's first), or entries already built over their seeds (repeatedEntry), failures included.
   */
  strategies: readonly (StrategyEvaluation | ReportStrategy | SeedEntryFailed)[];
  baseline: BaselineScores;
  /** Undefined when no held-out row carries `predictedCorrect`. */
  recorded: HeldOutScores | undefined;
  /** Undefined unless the file is a recognised simulation. */
  truth?: TruthEvaluation;
  /** The run's seeds: seed, seed + 1, … */
  seeds: readonly number[];
  /** tfjs backend actually used. */
  backend: string;
  /** Fully resolved thresholds (see resolveThresholds). */
  thresholds: VerdictThresholds;
  validation: ValidationOptions;
  /** ISO-8601 UTC, passed in so the function stays pure; also each new entry's `trainedAt`. */
  generatedAt: string;
  /** Computed by the caller (repeated runs); otherwise computed here from the evaluations given. */
  comparisons?: ReportComparison[];
  /** Bootstrap resamples of summaries and comparisons (default: repeated-bootstrap's). */
  resamples?: number;
}

function metrics(m: ClassificationMetrics): ReportMetrics {
  return {
    n: m.n,
    auc: metric(m.auc),
    logLoss: metric(m.logLoss),
    brier: metric(m.brier),
    ece: metric(m.ece),
    accuracy: metric(m.accuracy),
    timeMaeSeconds: metric(m.timeMaeSeconds),
    timeMedianAbsErrorSeconds: metric(m.timeMedianAbsErrorSeconds),
  };
}

const interval = (b: BootstrapInterval): ReportInterval => ({
  ...b,
  estimate: metric(b.estimate),
  lower: metric(b.lower),
  upper: metric(b.upper),
});

function macroOf(m: MacroMetrics): ReportMacro {
  const { n: _n, ...means } = metrics({ n: 0, ...m } as ClassificationMetrics);
  return { ...means, users: m.users, usersUsed: { ...m.usersUsed } };
}

const fit = (f: GroundTruthFit) => ({ n: f.n, rmse: metric(f.rmse), correlation: metric(f.correlation) });

/** The scored-rows block shared by strategies, the baseline and the recorded row. */
export function reportScores(s: Omit<HeldOutScores, 'perUserCounts'>): ReportScores {
  const d = s.distribution;
  return {
    test: {
      ...metrics(s.test),
      intervals: { auc: interval(s.intervals.auc), logLoss: interval(s.intervals.logLoss) },
    },
    testMacroByUser: macroOf(s.macroByUser),
    testPerUser: s.macroByUser.perUser.map((u) => ({ userId: u.userId, ...metrics(u.metrics) })),
    distribution: {
      counts: [...d.counts],
      saturatedShare: metric(d.saturatedShare),
      distinctPercent: d.distinctPercent,
      std: metric(d.std),
      mean: metric(d.mean),
    },
    reliability: s.reliability.map((b) => ({
      ...b,
      meanPredicted: metric(b.meanPredicted),
      observedRate: metric(b.observedRate),
    })),
    groundTruth: s.groundTruth
      ? {
          overall: fit(s.groundTruth.overall),
          perUser: s.groundTruth.perUser.map((u) => ({ userId: u.userId, ...fit(u) })),
        }
      : null,
  };
}

/** Per-user log loss (pooling rule) of predictions on the held-out rows. */
export function userLogLossOf(rows: ScoredRows, pCorrect: ArrayLike<number>): Metric {
  return metric(countedRun(rows, pCorrect).score(wholeDraw(rows)).userLogLoss);
}

/** The probe, sweep and verdict block every judged predictor has, in JSON form. */
function judged(e: PredictorEvaluation, rows: ScoredRows) {
  return {
    perUser: e.perUser.map(({ userId, n, mean, std }) => ({ userId, n, mean, std })),
    varianceRatio: metric(e.varianceRatio),
    varianceRatioInfinite: e.varianceRatio === Infinity,
    responseProbes: e.responseProbes.map((p) => ({
      ...p,
      afterCorrect: [...p.afterCorrect],
      afterIncorrect: [...p.afterIncorrect],
    })),
    responseViolations: e.responseViolations.map((v) => ({
      ...v,
      from: metric(v.from),
      to: metric(v.to),
      change: metric(v.change),
    })),
    verdicts: { ...e.verdicts },
    checks: { ...e.checks },
    responseGap: metric(e.responseGap),
    userLogLoss: userLogLossOf(rows, e.heldOut.pCorrect),
  };
}

/** One evaluated strategy, one seed, in JSON form (what a lane hands back). */
export function seedEntry(e: StrategyEvaluation, rows: ScoredRows): SeedEntryOk {
  return {
    status: 'ok',
    id: e.id,
    label: e.label,
    options: { ...e.options },
    ...(e.recipe ? { recipe: structuredClone(e.recipe) } : {}),
    trainMs: e.trainMs,
    trainingInfluence: e.trainingInfluence.map((row) => ({ ...row })),
    ...reportScores({ ...e, intervals: e.test.intervals, macroByUser: e.testMacroByUser }),
    ...judged(e, rows),
    generalisation: {
      topics: [...e.generalisation.topics],
      difficulties: [...e.generalisation.difficulties],
      grid: e.generalisation.grid.map((g) => ({ userId: g.userId, predictions: [...g.predictions] })),
    },
    timeScatter: {
      edgesSeconds: [...e.timeScatter.edgesSeconds],
      counts: e.timeScatter.counts.map((row) => [...row]),
      n: e.timeScatter.n,
    },
    phases: e.phases.map((p) => ({
      phase: p.phase,
      head: p.head,
      ...(p.userId !== undefined ? { userId: p.userId } : {}),
      fitRows: p.fitRows,
      valRows: p.valRows,
      epochsRun: p.epochsRun,
      bestEpoch: p.bestEpoch,
      finalLoss: metric(p.finalLoss),
      bestValLoss: metric(p.bestValLoss),
      losses: [...p.losses],
      valLosses: p.valLosses.map(metric),
    })),
  };
}

/** The truth row in JSON form, with its one-"seed" summary. */
export function reportTruth(
  t: TruthEvaluation,
  rows: ScoredRows,
  seed: number,
  resamples?: number,
): ReportTruth {
  const j = judged(t, rows);
  return {
    id: 'simulator-truth',
    label: 'Simulator truth',
    simulation: { ...t.simulation },
    ...reportScores({ ...t, intervals: t.test.intervals, macroByUser: t.testMacroByUser }),
    ...j,
    summary: summarize(rows, ['truth'], [t.heldOut], [j], pairedBootstrapSeed(seed), resamples),
  };
}

/** Everything of the report but its strategies: known before the first strategy trains. */
export function buildFrame(inputs: Omit<ReportInputs, 'strategies' | 'comparisons'>): ReportFrame {
  const { summary, split, baseline, rows } = inputs;
  const seed = inputs.seeds[0] ?? 0;
  const constant = baselinePredictions(baseline.baseline, rows.labels.length);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: inputs.generatedAt,
    seed,
    seeds: [...inputs.seeds],
    backend: inputs.backend,
    thresholds: { ...inputs.thresholds },
    validation: { mode: inputs.validation.mode, share: inputs.validation.share },
    dataset: {
      fileName: summary.fileName,
      rows: summary.rows,
      skippedRows: summary.skippedRows,
      fingerprint: summary.fingerprint,
      users: summary.users.map(({ userId, tasks, share }) => ({ userId, tasks, share })),
      hasTrueP: summary.hasTrueP,
      hasPredictedCorrect: summary.hasPredictedCorrect,
    },
    split: {
      kind: split.kind === 'global-tail' ? 'temporal-global' : 'temporal-per-user',
      testShare: split.testShare,
      trainRows: split.trainIndices.length,
      testRows: split.testIndices.length,
      perUser: split.perUser.map((u) => ({ ...u })),
    },
    baseline: {
      pCorrect: baseline.baseline.pCorrect,
      timeSeconds: baseline.baseline.timeSeconds,
      trainRows: baseline.baseline.trainRows,
      ...reportScores(baseline),
      userLogLoss: userLogLossOf(rows, constant.pCorrect),
      summary: summarize(
        rows,
        ['constant'],
        [
          {
            pCorrect: Float32Array.from(constant.pCorrect),
            timeSeconds: Float32Array.from(constant.timeSeconds),
          },
        ],
        [],
        pairedBootstrapSeed(seed),
        inputs.resamples,
      ),
    },
    recorded: inputs.recorded ? reportScores(inputs.recorded) : null,
    truth: inputs.truth ? reportTruth(inputs.truth, rows, seed, inputs.resamples) : null,
  };
}

type Given = ReportInputs['strategies'][number];
const isEvaluation = (s: Given): s is StrategyEvaluation => !('status' in s);
const isEntry = (s: Given): s is ReportStrategy => 'status' in s && 'seeds' in s;

/** The whole report. Pure: the same inputs give a deep-equal report. */
export function buildReport(inputs: ReportInputs): Report {
  const frame = buildFrame(inputs);
  const settings = {
    backend: inputs.backend,
    trainedAt: inputs.generatedAt,
    thresholds: { ...inputs.thresholds },
    validation: { mode: inputs.validation.mode, share: inputs.validation.share },
  };
  const strategies: ReportStrategy[] = inputs.strategies.map((s) => {
    if (isEntry(s)) return { ...s };
    const result = isEvaluation(s)
      ? { seed: frame.seed, entry: seedEntry(s, inputs.rows), heldOut: s.heldOut }
      : { seed: frame.seed, entry: s };
    return repeatedEntry([result], settings, inputs.rows, inputs.resamples);
  });
  const evaluations = inputs.strategies.filter(isEvaluation);
  const comparisons =
    inputs.comparisons ??
    compareStrategies(
      inputs.rows,
      evaluations.map((e) => ({ id: e.id, seeds: [frame.seed], heldOut: [e.heldOut] })),
      frame.baseline,
      { seed: frame.seed, resamples: inputs.resamples },
    );
  return completeReport(frame, strategies, comparisons);
}
