/**
 * A finished sweep's comparison made into the sweep document: each point's metrics over seeds (row metrics
 * from the report's hierarchical bootstrap, per-seed quantities with a t interval over seeds), pass rates,
 * and one more bootstrap over every point at once for the paired differences — each point against the
 * reference, and the best against every other, so the headline can say "no clear winner".
 */
import { heldOutOf } from '../comparison/evaluation-setup';
import { scoredRows } from '../evaluation/counted-run';
import { pairedBootstrap, pairedBootstrapSeed } from '../evaluation/repeated-bootstrap';
import { seedInterval } from '../evaluation/seed-interval';
import type { ComparisonResult } from '../comparison/comparison-request';
import type { Task } from '../data/task';
import { verdictOf } from '../report/compare-strategies';
import { metric } from '../report/report-metric';
import type { ReportStrategyOk } from '../report/report-types';
import type { SweepPlan, SweepPointPlan } from './plan-sweep';
import {
  SWEEP_KIND,
  SWEEP_SCHEMA_VERSION,
  type SweepBest,
  type SweepDifference,
  type SweepDocument,
  type SweepMetric,
  type SweepPoint,
  type SweepPointOk,
} from './sweep-document';

const trim = (x: number) => String(+x.toPrecision(3));

function pointOf(plan: SweepPointPlan, entry: ReportStrategyOk): Omit<SweepPointOk, 'vsReference'> {
  const s = entry.summary;
  const overSeeds = (pick: (r: (typeof entry.runs)[number]) => number | null) => {
    const t = seedInterval(entry.runs.map(pick));
    return { mean: metric(t.mean), sd: metric(t.sd), lo: metric(t.lo), hi: metric(t.hi) };
  };
  const metrics: Record<SweepMetric, SweepPointOk['metrics'][SweepMetric]> = {
    userLogLoss: s.userLogLoss,
    logLoss: s.logLoss,
    auc: s.auc,
    brier: s.brier,
    timeMaeSeconds: s.timeMaeSeconds,
    responseGap: overSeeds((r) => r.responseGap),
    saturatedShare: overSeeds((r) => r.saturatedShare),
    varianceRatio: overSeeds((r) => r.varianceRatio),
  };
  return {
    status: 'ok',
    id: plan.id,
    label: plan.label,
    values: plan.values,
    recipe: plan.recipe,
    seeds: entry.seeds,
    trainMs: entry.runs.reduce((sum, r) => sum + r.trainMs, 0),
    metrics,
    passRate: s.passRate,
  };
}

export interface SweepContext {
  plan: SweepPlan;
  result: ComparisonResult;
  tasks: readonly Task[];
  /** Seed of the differences' bootstrap (the sweep's first seed). */
  seed: number;
  resamples?: number;
  generatedAt: string;
}

/** The sweep document of a finished (or cancelled-and-completed) comparison of the plan's points. */
export function summarizeSweep({
  plan,
  result,
  tasks,
  seed,
  resamples,
  generatedAt,
}: SweepContext): SweepDocument {
  const { report, predictions, testIndices } = result;
  // The run's own held-out rows where they are its split's (their row draws are kept: row-draws.ts).
  const held = heldOutOf(tasks);
  const rows = held.split.testIndices === testIndices ? held.rows : scoredRows(tasks, testIndices);
  const byId = new Map(report.strategies.map((e) => [e.id, e]));
  const withPredictions = plan.points.filter((p) => predictions.has(p.id));
  const boot =
    withPredictions.length > 0
      ? pairedBootstrap(
          rows,
          withPredictions.map((p) => {
            const got = predictions.get(p.id)!;
            return { key: p.id, seeds: got.seeds, runs: got.heldOut, replicates: got.replicates };
          }),
          // The points' summaries drew on this seed: their draws are reused, not scored again.
          { seed: pairedBootstrapSeed(seed), resamples },
        )
      : undefined;
  const differenceOf = (a: string, b: string): SweepDifference | null => {
    if (!boot || !predictions.has(a) || !predictions.has(b) || a === b) return null;
    const d = boot.difference(a, b, 'userLogLoss');
    const lo = metric(d.lo);
    const hi = metric(d.hi);
    return {
      difference: metric(d.difference),
      lo,
      hi,
      se: metric(d.se),
      verdict: verdictOf('userLogLoss', lo, hi),
    };
  };
  const points: SweepPoint[] = [];
  for (const p of plan.points) {
    const entry = byId.get(p.id);
    if (!entry) continue;
    if (entry.status === 'failed') {
      points.push({
        status: 'failed',
        id: p.id,
        label: p.label,
        values: p.values,
        recipe: p.recipe,
        error: entry.error,
      });
      continue;
    }
    points.push({ ...pointOf(p, entry), vsReference: differenceOf(p.id, plan.reference) });
  }
  return {
    kind: SWEEP_KIND,
    schemaVersion: SWEEP_SCHEMA_VERSION,
    generatedAt,
    dataset: {
      fileName: report.dataset.fileName,
      rows: report.dataset.rows,
      users: report.dataset.users.length,
      fingerprint: report.dataset.fingerprint,
    },
    heldOut: {
      rows: report.split.testRows,
      users: report.split.perUser.filter((u) => u.testRows > 0).length,
    },
    base: { id: plan.base.id, label: plan.base.label, recipe: plan.base.recipe },
    axes: plan.axes,
    reference: plan.reference,
    seeds: report.seeds,
    backend: report.backend,
    thresholds: report.thresholds,
    validation: report.validation,
    resamples: boot?.resamples ?? 0,
    points,
    best: bestOf(points, differenceOf),
    constantRate: { userLogLoss: report.baseline.summary.userLogLoss.mean },
  };
}

/** The lowest mean per-user log loss, and which points its paired interval cannot separate from it. */
function bestOf(
  points: readonly SweepPoint[],
  differenceOf: (a: string, b: string) => SweepDifference | null,
): SweepBest | null {
  const ok = points.filter(
    (p): p is SweepPointOk => p.status === 'ok' && p.metrics.userLogLoss.mean !== null,
  );
  if (ok.length === 0) return null;
  const best = ok.reduce((a, b) =>
    (b.metrics.userLogLoss.mean as number) < (a.metrics.userLogLoss.mean as number) ? b : a,
  );
  const notToldApart = ok
    .filter((p) => p !== best)
    .filter((p) => {
      const d = differenceOf(p.id, best.id);
      return d === null || d.verdict === 'no detectable difference';
    })
    .map((p) => p.id);
  const tied = ok.filter((p) => notToldApart.includes(p.id)).map((p) => p.label);
  const headline = sweepHeadline(best.label, best.metrics.userLogLoss.mean as number, tied, ok.length - 1);
  return { metric: 'userLogLoss', point: best.id, notToldApart, headline };
}

/**
 * The sweep's sentence: the best value, and whether the data can tell it from the others (`tied`: the
 * labels of those it cannot; `others`: how many other values trained).
 */
export function sweepHeadline(best: string, mean: number, tied: readonly string[], others: number): string {
  const m = trim(mean);
  if (others === 0) return `${best}: per-user log loss ${m}.`;
  if (tied.length === 0)
    return `${best} has the lowest per-user log loss (${m}); every other value is worse beyond its 95 % interval.`;
  const lead = `No clear winner at this data size: ${best} has the lowest per-user log loss on average (${m})`;
  if (tied.length === others) return `${lead}, but no other value is worse beyond its 95 % interval.`;
  const worse = others - tied.length;
  // Name the values that tie when they are few; count them when a grid makes the list unreadable.
  const tiedText = tied.length <= 3 ? tied.join(', ') : `${tied.length} of the other ${others} values`;
  return `${lead}; ${tiedText} cannot be told apart from it, ${worse === 1 ? '1 other is' : `the other ${worse} are`} worse.`;
}
