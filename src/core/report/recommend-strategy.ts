/**
 * The one answer to "which strategy should we use?" (recommendation version 2, docs/contract.md §2b),
 * used by the report, the stakeholder view, the HTML summary and the CLI: only a strategy that passes
 * all three checks in at least minPassRate of its seeds, is not worse than the constant rate and is not
 * detectably worse than any other such strategy. When the best cannot be told apart it says so, with
 * the smallest difference this data size could detect. Pure over the report's own fields.
 */
import { MIN_HELD_OUT_ROWS, type CheckKey } from '../evaluation/verdicts';
import { POOLING_RULE } from '../evaluation/user-groups';
import { closingReasons } from './closing-reasons';
import { COMPARED_METRICS, CONSTANT_RATE, findComparison, FULL_RETRAIN } from './compare-strategies';
import { fixed, interval, listText, percentText, signed } from './format-figures';
import type { Metric, Report, ReportPassRate, ReportSpread, ReportStrategyOk } from './report-types';
import type { ReportRecommendation } from './report-recommendation';
import type { ReportChecks } from './report-probes';

export type { CheckKey } from '../evaluation/verdicts';

/** The three checks of the design note, each in one plain sentence (shared by the view and the HTML). */
export const CHECKS: readonly { key: CheckKey; name: string; sentence: string }[] = [
  {
    key: 'continuous',
    name: 'Continuous',
    sentence: 'Gives graded probabilities, not just 0\u00a0% or 100\u00a0%.',
  },
  {
    key: 'responsive',
    name: 'Responsive',
    sentence:
      'After five correct answers it does not predict lower than before, nor lower than after five wrong ones.',
  },
  {
    key: 'generalizes',
    name: 'Generalizes',
    sentence: 'Varies about as much for every user.',
  },
];

/** What "per-user log loss" means, for readers who have never met it (with the pooling rule). */
export const MACRO_LOG_LOSS_NOTE =
  'Per-user log loss is the prediction error averaged over users, each user counting once, so a ' +
  `user with many tasks cannot hide how the others are served (${POOLING_RULE}). Lower is better.`;

/** One strategy as the recommendation sees it. */
export interface StrategyStanding {
  id: string;
  label: string;
  /** The first seed's checks. */
  checks: ReportChecks;
  passRate: ReportPassRate;
  seeds: number;
  userLogLoss: ReportSpread;
  /** Detectably worse than the constant rate on some compared metric. */
  worseThanConstant: boolean;
  /** Passes all three checks in at least minPassRate of seeds and is not worse than the constant rate. */
  candidate: boolean;
}

/** The recommendation with the standings the views draw. */
export interface Recommendation extends ReportRecommendation {
  /** The chosen (or closest) strategy's standing. */
  chosen?: StrategyStanding;
  /** Every trained strategy, in report order. */
  standings: StrategyStanding[];
}

const passesAll = (s: { passRate: ReportPassRate }, minPassRate: number) =>
  s.passRate.all !== null && s.passRate.all >= minPassRate;

const byLoss = (a: StrategyStanding, b: StrategyStanding) =>
  (a.userLogLoss.mean ?? Infinity) - (b.userLogLoss.mean ?? Infinity);

/** "9 of 10 seeds (90%)" or, with one seed, "its one seed". */
function passText(s: StrategyStanding): string {
  if (s.passRate.all === null) return 'no seed that could be judged';
  if (s.seeds === 1) return s.passRate.all === 1 ? 'its one seed' : 'none of its one seed';
  const passed = Math.round(s.passRate.all * s.seeds);
  return `${passed} of ${s.seeds} seeds (${percentText(s.passRate.all)})`;
}

/** How many of the three checks pass in at least `bar` of the strategy's seeds. */
const checksAtBar = (s: StrategyStanding, bar: number) =>
  (['continuous', 'responsive', 'generalizes'] as const).filter((k) => (s.passRate[k] ?? -1) >= bar).length;

const lossText = (s: StrategyStanding) =>
  `${fixed(s.userLogLoss.mean)}${s.userLogLoss.lo !== null ? ` ${interval(s.userLogLoss.lo, s.userLogLoss.hi)}` : ''}`;

/** Every trained strategy's standing. */
export function standingsOf(report: Report): StrategyStanding[] {
  const minPassRate = report.thresholds.minPassRate;
  return report.strategies
    .filter((e): e is ReportStrategyOk => e.status === 'ok')
    .map((e) => {
      const worseThanConstant = COMPARED_METRICS.some(
        (m) => findComparison(report.comparisons ?? [], e.id, CONSTANT_RATE, m)?.verdict === 'worse',
      );
      return {
        id: e.id,
        label: e.label,
        checks: { ...e.checks },
        passRate: { ...e.summary.passRate },
        seeds: e.seeds.length,
        userLogLoss: { ...e.summary.userLogLoss },
        worseThanConstant,
        candidate: passesAll(e.summary, minPassRate) && !worseThanConstant,
      };
    });
}

/** "Against 1. Full retrain (no changes): −0.021 [−0.050, +0.010], no detectable difference." */
function againstText(report: Report, s: StrategyStanding, against: string, name: string): string | undefined {
  const c = findComparison(report.comparisons ?? [], s.id, against, 'userLogLoss');
  if (!c || c.difference === null) return undefined;
  return `Against ${name}, its per-user log loss differs by ${signed(c.difference)} ${interval(c.lo, c.hi, 3, true)}: ${c.verdict}.`;
}

/** Recommendation version 2 for a report (its comparisons and summaries; any previous recommendation ignored). */
export function recommendStrategy(report: Report): Recommendation {
  const minPassRate = report.thresholds.minPassRate;
  const standings = standingsOf(report);
  const common = {
    standings,
    minPassRate,
    heldOutRows: report.split.testRows,
    seeds: report.seeds.length,
    candidates: standings.filter((s) => s.candidate).map((s) => s.id),
    minimumDetectableDifference: null as Metric,
  };
  if (standings.length === 0) {
    const failed = report.strategies.length > 0;
    return {
      ...common,
      kind: 'nothing trained',
      choice: null,
      closest: null,
      headline: failed ? 'No strategy finished training.' : 'No strategy has been trained yet.',
      reasons: failed ? ['Every strategy that ran failed; see the lab for the errors.'] : [],
    };
  }
  if (report.split.testRows < MIN_HELD_OUT_ROWS) {
    return {
      ...common,
      kind: 'not enough data',
      choice: null,
      closest: null,
      headline: `Not enough held-out data to judge: ${report.split.testRows} held-out task${report.split.testRows === 1 ? '' : 's'}.`,
      reasons: [
        `The checks and the comparisons need at least ${MIN_HELD_OUT_ROWS} held-out tasks; load a larger export.`,
      ],
    };
  }
  const full = standings.find((s) => s.id === FULL_RETRAIN);
  const context = (s: StrategyStanding): string[] =>
    [
      againstText(report, s, CONSTANT_RATE, 'the constant rate'),
      full && full.id !== s.id ? againstText(report, s, full.id, full.label) : undefined,
    ].filter((t): t is string => t !== undefined);

  const candidates = standings.filter((s) => s.candidate);
  // A group the data cannot order is named in report order, so another seed's noise cannot reorder it.
  const inReportOrder = (group: readonly StrategyStanding[]) => standings.filter((s) => group.includes(s));
  // Not detectably worse than any other of `group` on per-user log loss, lowest mean first.
  const undominatedIn = (group: readonly StrategyStanding[]) => {
    const kept = group.filter(
      (a) =>
        !group.some(
          (b) =>
            b !== a &&
            findComparison(report.comparisons ?? [], a.id, b.id, 'userLogLoss')?.verdict === 'worse',
        ),
    );
    return [...(kept.length > 0 ? kept : group)].sort(byLoss);
  };
  if (candidates.length === 0) {
    // Nearest: most checks passing in minPassRate of seeds, then not detectably worse than another as near.
    // A one-seed difference in "all three at once" is noise; the group is what the data supports.
    const notWorse = standings.filter((s) => !s.worseThanConstant);
    const most = Math.max(-1, ...notWorse.map((s) => checksAtBar(s, minPassRate)));
    const near = undominatedIn(notWorse.filter((s) => checksAtBar(s, minPassRate) === most));
    const closest = near[0];
    const nearMdd =
      near.length > 1
        ? (findComparison(
            report.comparisons ?? [],
            (near[0] as StrategyStanding).id,
            (near[1] as StrategyStanding).id,
            'userLogLoss',
          )?.minimumDetectableDifference ?? null)
        : null;
    const reasons = [
      `A strategy is recommended only when it passes all three checks in at least ${percentText(minPassRate)} of its seeds and is not worse than the constant rate.`,
    ];
    if (closest) {
      const failing = (['continuous', 'responsive', 'generalizes'] as const)
        .filter((k) => (closest.passRate[k] ?? 0) < minPassRate)
        .map((k) => `${k} ${percentText(closest.passRate[k])}`);
      reasons.push(
        near.length > 1
          ? `${listText(inReportOrder(near).map((n) => n.label))} each pass ${most} of the 3 checks in at least ${percentText(minPassRate)} of seeds, and none has a detectably lower per-user log loss than the others; lowest on average: ${closest.label}, ${lossText(closest)}.`
          : `${closest.label} comes nearest: ${most} of the 3 checks pass in at least ${percentText(minPassRate)} of its seeds${failing.length ? ` (not ${listText(failing)})` : ''}, with per-user log loss ${lossText(closest)}.`,
        ...context(closest),
      );
    } else reasons.push('Every strategy is worse than predicting the constant rate.');
    reasons.push(...closingReasons(report, nearMdd));
    return {
      ...common,
      kind: 'none passes',
      choice: null,
      closest: closest?.id ?? null,
      chosen: closest,
      minimumDetectableDifference: nearMdd,
      headline: !closest
        ? 'No strategy can be recommended: every one is worse than the constant rate.'
        : near.length > 1
          ? `No strategy passes all three checks in ${percentText(minPassRate)} of seeds. Closest, and not told apart at this data size: ${listText(inReportOrder(near).map((n) => n.label))}.`
          : `No strategy passes all three checks in ${percentText(minPassRate)} of seeds. The closest is ${closest.label}.`,
      reasons,
    };
  }
  const ranked = undominatedIn(candidates);
  const [best, second] = ranked as [StrategyStanding, StrategyStanding | undefined];
  if (!second) {
    const others = candidates.filter((c) => c !== best);
    const mdd = others.length
      ? Math.max(
          ...others.map(
            (o) =>
              findComparison(report.comparisons ?? [], best.id, o.id, 'userLogLoss')
                ?.minimumDetectableDifference ?? 0,
          ),
        )
      : null;
    return {
      ...common,
      kind: 'recommended',
      choice: best.id,
      closest: best.id,
      chosen: best,
      minimumDetectableDifference: mdd,
      headline: `Recommended: ${best.label}`,
      reasons: [
        `It passes all three checks in ${passText(best)}; the bar is ${percentText(minPassRate)}.`,
        others.length > 0
          ? `Its per-user log loss is ${lossText(best)}; the other strategies that pass (${listText(others.map((o) => o.label))}) each have a detectably higher one than a strategy that passes.`
          : `It is the only strategy that passes; its per-user log loss is ${lossText(best)}.`,
        ...context(best),
        ...closingReasons(report, mdd),
      ],
    };
  }
  const tied = inReportOrder(ranked).map((s) => s.label);
  const mdd =
    findComparison(report.comparisons ?? [], best.id, second.id, 'userLogLoss')
      ?.minimumDetectableDifference ?? null;
  return {
    ...common,
    kind: 'no clear winner',
    choice: null,
    closest: best.id,
    chosen: best,
    minimumDetectableDifference: mdd,
    headline: `No clear winner between ${listText(tied)} at this data size.`,
    reasons: [
      `${listText(tied)} each pass all three checks in at least ${percentText(minPassRate)} of seeds, and none is detectably better than the other${ranked.length > 2 ? 's' : ''} on per-user log loss.`,
      `Lowest on average: ${best.label}, ${lossText(best)}; next: ${second.label}, ${lossText(second)}.`,
      ...context(best),
      ...closingReasons(report, mdd),
    ],
  };
}

/** The report's `recommendation` field (JSON). */
export function reportRecommendation(r: Recommendation): ReportRecommendation {
  const { standings: _standings, chosen: _chosen, ...json } = r;
  return json;
}

/**
 * The before/after pair the stakeholder sees: the untouched full retrain and the recommended (or
 * closest) strategy; `after` is absent when that is the full retrain itself or nothing is chosen.
 */
export function beforeAndAfter(
  report: Report,
  recommendation: Pick<Recommendation, 'choice' | 'closest'>,
): { before?: ReportStrategyOk; after?: ReportStrategyOk } {
  const trained = report.strategies.filter((e): e is ReportStrategyOk => e.status === 'ok');
  const before = trained.find((e) => e.id === FULL_RETRAIN);
  const chosen = recommendation.choice ?? recommendation.closest;
  const after = chosen === FULL_RETRAIN ? undefined : trained.find((e) => e.id === chosen);
  return { before, after };
}
