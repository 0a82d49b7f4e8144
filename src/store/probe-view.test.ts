import { beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportStrategyOk } from '../core/report/report-types';
import { realReport } from '../core/report/report.test-helper';
import { probeUsers, probeView } from './probe-view';

const TOLERANCES = { drop: 0.01, gap: 0.01 };

let report: Report;
beforeAll(async () => {
  report = await realReport();
});

describe('the probe view', () => {
  it('gives each strategy’s two paths for one user with the decision and its reason', () => {
    const entry = report.strategies[0] as ReportStrategyOk;
    const probe = entry.responseProbes[0];
    if (!probe) throw new Error('no probe');
    const falling = { ...probe, afterCorrect: [0.6, 0.59, 0.58, 0.57, 0.56, 0.55] };
    const entries = [
      entry,
      { ...entry, id: 'per-user' as const, label: '6', responseProbes: [falling] },
      {
        seed: entry.seed,
        seeds: entry.seeds,
        backend: entry.backend,
        trainedAt: entry.trainedAt,
        thresholds: entry.thresholds,
        validation: entry.validation,
        status: 'failed' as const,
        id: 'progressive' as const,
        label: '5',
        options: {},
        trainMs: 1,
        error: 'x',
      },
    ];
    const view = probeView(entries, probe.userId, TOLERANCES);
    expect(view).toMatchObject({ userId: probe.userId, topic: probe.topic, difficulty: probe.difficulty });
    expect(view?.panels.map((p) => p.id)).toEqual([entry.id, 'per-user']);
    expect(view?.panels[1]?.decision.pass).toBe(false);
    expect(view?.panels[1]?.decision.reason).toMatch(/lower it by/);
    expect(probeView(entries, 'nobody', TOLERANCES)).toBeUndefined();
    const users = probeUsers(entries, [probe.userId, 'nobody'], TOLERANCES);
    expect(users).toEqual([
      {
        userId: probe.userId,
        failing: (view?.panels.filter((p) => !p.decision.pass) ?? []).length,
        probed: 2,
      },
    ]);
  });
});
