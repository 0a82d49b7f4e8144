/**
 * Builds the report (docs/contract.md §2) from results already computed, as ONE pure function: no clock,
 * no randomness, no tfjs. Encodes for JSON on the way: undefined / NaN metrics become null, and an
 * infinite variance ratio becomes null with `varianceRatioInfinite: true` (JSON has no Infinity).
 */
import type { DatasetSummary } from '../data/summarize-dataset';
import type { StrategyEvaluation } from '../evaluation/evaluate-strategy';
import type { BaselineScores, HeldOutScores } from '../evaluation/held-out-scores';
import type { ClassificationMetrics, MacroMetrics } from '../evaluation/classification-metrics';
import type { BootstrapInterval } from '../evaluation/bootstrap';
import type { GroundTruthFit } from '../evaluation/ground-truth';
import type { VerdictThresholds } from '../evaluation/verdicts';
import type { TemporalSplit } from '../split/temporal-split';
import type { ValidationOptions } from '../strategies/types';
import {
  REPORT_SCHEMA_VERSION,
  type Metric,
  type Report,
  type ReportInterval,
  type ReportMacro,
  type ReportMetrics,
  type ReportScores,
  type ReportStrategy,
  type ReportStrategyOk,
} from './report-types';

/** What the report is built from; every number already measured. */
export interface ReportInputs {
  summary: DatasetSummary;
  split: TemporalSplit;
  /**
   * Evaluated entries — as evaluations, or already in JSON form (from another worker) — and failures,
   * in the order the report lists them (registry order).
   */
  strategies: readonly (StrategyEvaluation | ReportStrategy)[];
  baseline: BaselineScores;
  /** Undefined when no held-out row carries `predictedCorrect`. */
  recorded: HeldOutScores | undefined;
  seed: number;
  /** tfjs backend actually used. */
  backend: string;
  /** Fully resolved thresholds (see resolveThresholds). */
  thresholds: VerdictThresholds;
  validation: ValidationOptions;
  /** ISO-8601 UTC, passed in so the function stays pure. */
  generatedAt: string;
}

/** A finite number, else null (undefined, NaN, ±Infinity). */
export const metric = (x: number | null | undefined): Metric =>
  x !== undefined && x !== null && Number.isFinite(x) ? x : null;

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

/** One evaluated strategy in JSON form (what onStrategyDone delivers and the report lists). */
export function reportStrategy(e: StrategyEvaluation): ReportStrategyOk {
  return {
    status: 'ok',
    id: e.id,
    label: e.label,
    options: { ...e.options },
    ...(e.recipe ? { recipe: structuredClone(e.recipe) } : {}),
    trainMs: e.trainMs,
    trainingInfluence: e.trainingInfluence.map((row) => ({ ...row })),
    ...reportScores({ ...e, intervals: e.test.intervals, macroByUser: e.testMacroByUser }),
    perUser: e.perUser.map(({ userId, n, mean, std }) => ({ userId, n, mean, std })),
    varianceRatio: metric(e.varianceRatio),
    varianceRatioInfinite: e.varianceRatio === Infinity,
    generalisation: {
      topics: [...e.generalisation.topics],
      difficulties: [...e.generalisation.difficulties],
      grid: e.generalisation.grid.map((g) => ({ userId: g.userId, predictions: [...g.predictions] })),
    },
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

const isEntry = (s: StrategyEvaluation | ReportStrategy): s is ReportStrategy => 'status' in s;

/** The whole report. Pure: the same inputs give a deep-equal report. */
export function buildReport(inputs: ReportInputs): Report {
  const { summary, split, baseline } = inputs;
  const strategies: ReportStrategy[] = inputs.strategies.map((s) =>
    isEntry(s) ? { ...s } : reportStrategy(s),
  );
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: inputs.generatedAt,
    seed: inputs.seed,
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
    },
    recorded: inputs.recorded ? reportScores(inputs.recorded) : null,
    strategies,
  };
}
