/**
 * The stakeholder's answer from a report: which strategies pass the three checks, which one to use and
 * why, in plain language. Recommended = passes all three with the lowest per-user (macro) log loss; when
 * none passes all, the closest one is named honestly — and never called recommended.
 */
import type { Metric, Report, ReportStrategyOk } from './report-types';

export type CheckKey = 'continuous' | 'responsive' | 'generalizes';

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
    sentence: 'Rises, or at least stays level, after a run of correct answers.',
  },
  {
    key: 'generalizes',
    name: 'Generalizes',
    sentence: 'Varies about as much for every user.',
  },
];

/** What "per-user log loss" means, for readers who have never met it. */
export const MACRO_LOG_LOSS_NOTE =
  'Per-user log loss is the prediction error averaged over users, each user counting once, so a ' +
  'user with many tasks cannot hide how the others are served. Lower is better.';

export interface StrategyStanding {
  id: string;
  label: string;
  checks: Record<CheckKey, boolean>;
  /** How many of the three checks pass. */
  passed: number;
  /** testMacroByUser.logLoss; null when it could not be measured. */
  macroLogLoss: Metric;
}

export interface Recommendation {
  /** recommended: passes all three; closest: none passes all, this one comes nearest; none: nothing trained. */
  kind: 'recommended' | 'closest' | 'none';
  /** The recommended (or closest) strategy; absent when kind is none. */
  choice?: StrategyStanding;
  /** Every trained strategy, in report order. */
  standings: StrategyStanding[];
  /** The strategies that pass all three checks, in report order. */
  passing: StrategyStanding[];
  /** One sentence: the answer. */
  headline: string;
  /** Why, in plain sentences. */
  reasons: string[];
}

export function standingOf(entry: ReportStrategyOk): StrategyStanding {
  const checks = { ...entry.verdicts };
  return {
    id: entry.id,
    label: entry.label,
    checks,
    passed: CHECKS.filter((c) => checks[c.key]).length,
    macroLogLoss: entry.testMacroByUser.logLoss,
  };
}

const lossText = (m: Metric) => (m === null ? 'not measured' : m.toFixed(3));

/** Lower macro log loss first; an unmeasured one last. */
const byLoss = (a: StrategyStanding, b: StrategyStanding) =>
  (a.macroLogLoss ?? Infinity) - (b.macroLogLoss ?? Infinity);

/** "continuous and responsive", "continuous, responsive and generalizes". */
function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const checkNames = (s: StrategyStanding, pass: boolean) =>
  CHECKS.filter((c) => s.checks[c.key] === pass).map((c) => c.key);

/** "the lowest per-user log loss (0.368 vs 0.386 for 5. Progressive training)". */
function lowestLossText(choice: StrategyStanding, runnerUp: StrategyStanding | undefined): string {
  if (choice.macroLogLoss === null) return 'a per-user log loss that could not be measured';
  if (!runnerUp) return `a per-user log loss of ${lossText(choice.macroLogLoss)}`;
  return `the lowest per-user log loss (${lossText(choice.macroLogLoss)} vs ${lossText(runnerUp.macroLogLoss)} for ${runnerUp.label})`;
}

/** How the untouched full retrain fares, the baseline every stakeholder asks about. */
function fullRetrainReason(standings: StrategyStanding[], choice: StrategyStanding): string[] {
  const full = standings.find((s) => s.id === 'full-retrain');
  if (!full || full.id === choice.id) return [];
  const failed = checkNames(full, false);
  return [
    failed.length === 0
      ? `For comparison, ${full.label} passes all three checks too (per-user log loss ${lossText(full.macroLogLoss)}).`
      : `For comparison, ${full.label} fails ${listText(failed)} (per-user log loss ${lossText(full.macroLogLoss)}).`,
  ];
}

export function recommendStrategy(report: Report): Recommendation {
  const standings = report.strategies.filter((e): e is ReportStrategyOk => e.status === 'ok').map(standingOf);
  const passing = standings.filter((s) => s.passed === CHECKS.length);
  if (standings.length === 0) {
    const failed = report.strategies.length > 0;
    return {
      kind: 'none',
      standings,
      passing,
      headline: failed ? 'No strategy finished training.' : 'No strategy has been trained yet.',
      reasons: failed ? ['Every strategy that ran failed; see the lab for the errors.'] : [],
    };
  }
  if (passing.length > 0) {
    const [choice, runnerUp] = [...passing].sort(byLoss) as [StrategyStanding, StrategyStanding?];
    const first =
      passing.length === 1
        ? `It is the only strategy that passes all three checks, with ${lowestLossText(choice, undefined)}.`
        : `It passes all three checks and has ${lowestLossText(choice, runnerUp)}.`;
    return {
      kind: 'recommended',
      choice,
      standings,
      passing,
      headline: `Recommended: ${choice.label}`,
      reasons: [first, ...fullRetrainReason(standings, choice)],
    };
  }
  const ranked = [...standings].sort((a, b) => b.passed - a.passed || byLoss(a, b));
  const choice = ranked[0] as StrategyStanding;
  const tied = ranked.filter((s) => s !== choice && s.passed === choice.passed);
  const passes = checkNames(choice, true);
  const fails = checkNames(choice, false);
  const reasons = [
    choice.passed === 0
      ? `It passes none of the three checks either, but has ${lowestLossText(choice, tied[0])}.`
      : `It passes ${choice.passed} of the 3 checks (${listText(passes)}) but fails ${listText(fails)}.`,
  ];
  if (choice.passed > 0) {
    reasons.push(
      tied.length > 0
        ? `Of the strategies passing ${choice.passed}, it has ${lowestLossText(choice, tied[0])}.`
        : `No other strategy passes as many checks; its per-user log loss is ${lossText(choice.macroLogLoss)}.`,
    );
  }
  reasons.push(
    `Because it still fails ${listText(fails)}, the overfitting is not fully cured: try other options before relying on it.`,
    ...fullRetrainReason(standings, choice),
  );
  return {
    kind: 'closest',
    choice,
    standings,
    passing,
    headline: `No strategy passes all three checks. The closest is ${choice.label}.`,
    reasons,
  };
}

/**
 * The before/after pair the stakeholder sees: the untouched full retrain and the recommended (or
 * closest) strategy; `after` is absent when that is the full retrain itself or nothing trained.
 */
export function beforeAndAfter(
  report: Report,
  recommendation: Recommendation,
): { before?: ReportStrategyOk; after?: ReportStrategyOk } {
  const trained = report.strategies.filter((e): e is ReportStrategyOk => e.status === 'ok');
  const before = trained.find((e) => e.id === 'full-retrain');
  const chosen = recommendation.choice?.id;
  const after = chosen === 'full-retrain' ? undefined : trained.find((e) => e.id === chosen);
  return { before, after };
}
