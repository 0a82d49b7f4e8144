/**
 * The response probe as the comparison draws it: for a chosen user, each trained strategy's two paths
 * (after correct, after incorrect answers) with the check decided for that user and its reason; and, for
 * the user picker, how many strategies fail each user. Entries come already masked when masking is on.
 */
import { probeDecision, type ProbeDecision } from '../core/evaluation/response-decision';
import type { ResponseTolerances } from '../core/evaluation/response-check';
import type { ReportStrategy, ReportStrategyOk } from '../core/report/report-types';

export interface ProbePanel {
  id: string;
  label: string;
  afterCorrect: number[];
  afterIncorrect: number[];
  decision: ProbeDecision;
}

export interface ProbeView {
  userId: string;
  topic: string;
  difficulty: string;
  panels: ProbePanel[];
}

const trained = (entries: readonly ReportStrategy[]) =>
  entries.filter((e): e is ReportStrategyOk => e.status === 'ok');

export function probeView(
  entries: readonly ReportStrategy[],
  userId: string,
  tolerances: ResponseTolerances,
): ProbeView | undefined {
  const panels: ProbePanel[] = [];
  let cell: { topic: string; difficulty: string } | undefined;
  for (const e of trained(entries)) {
    const probe = e.responseProbes.find((p) => p.userId === userId);
    if (!probe) continue;
    cell ??= { topic: probe.topic, difficulty: probe.difficulty };
    panels.push({
      id: e.id,
      label: e.label,
      afterCorrect: probe.afterCorrect,
      afterIncorrect: probe.afterIncorrect,
      decision: probeDecision(probe, tolerances),
    });
  }
  return cell ? { userId, ...cell, panels } : undefined;
}

export interface ProbeUser {
  userId: string;
  /** Strategies whose probe of this user fails the check. */
  failing: number;
  probed: number;
}

/** The probed users in the given order (the dataset's: most tasks first), with their failures. */
export function probeUsers(
  entries: readonly ReportStrategy[],
  users: readonly string[],
  tolerances: ResponseTolerances,
): ProbeUser[] {
  // Grouped once: filtering every strategy's probes for each user was quadratic (seconds at 10,000 users).
  const byUserId = new Map<string, ReportStrategyOk['responseProbes']>();
  for (const e of trained(entries))
    for (const p of e.responseProbes) {
      const list = byUserId.get(p.userId);
      if (list) list.push(p);
      else byUserId.set(p.userId, [p]);
    }
  return users.flatMap((userId) => {
    const probes = byUserId.get(userId) ?? [];
    if (probes.length === 0) return [];
    const failing = probes.filter((p) => !probeDecision(p, tolerances).pass).length;
    return [{ userId, failing, probed: probes.length }];
  });
}
