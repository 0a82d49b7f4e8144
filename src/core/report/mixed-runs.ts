/**
 * Does a report mix runs? Each entry carries its run (seeds, backend, thresholds, validation, when it
 * trained: issue 20); the lab keeps each strategy's latest result, so after "Train only this" or a
 * cancelled run the entries can come from different runs. The report then says so at the top — in
 * plain sentences — instead of claiming one seed for all (docs/repeats.md).
 */
import { seedsText } from './format-figures';
import type { ReportMixedRuns, ReportStrategy } from './report-types';

const runKey = (e: ReportStrategy) =>
  JSON.stringify([e.trainedAt, e.seeds, e.backend, e.thresholds, e.validation]);

/** Null when every entry comes from the same run; otherwise the runs and what differs between them. */
export function mixedRuns(entries: readonly ReportStrategy[]): ReportMixedRuns | null {
  const groups = new Map<string, ReportStrategy[]>();
  for (const e of entries) {
    const key = runKey(e);
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  if (groups.size <= 1) return null;
  const runs = [...groups.values()].map((list) => {
    const e = list[0] as ReportStrategy;
    return {
      trainedAt: e.trainedAt,
      seeds: [...e.seeds],
      backend: e.backend,
      strategies: list.map((x) => x.id),
    };
  });
  const differs = (pick: (e: ReportStrategy) => unknown) =>
    new Set(entries.map((e) => JSON.stringify(pick(e)))).size > 1;
  const what = [
    differs((e) => e.seeds) ? 'seeds' : '',
    differs((e) => e.backend) ? 'backend' : '',
    differs((e) => e.thresholds) ? 'check thresholds' : '',
    differs((e) => e.validation) ? 'validation' : '',
  ].filter(Boolean);
  const notes = [
    `These results come from ${runs.length} training runs${what.length ? ` that differ in ${what.join(', ')}` : ''}.`,
    ...runs.map(
      (r) =>
        `${r.strategies.length === 1 ? 'Strategy' : 'Strategies'} ${r.strategies.join(', ')}: ${seedsText(r.seeds)}, ${r.backend}, trained ${r.trainedAt}.`,
    ),
  ];
  if (differs((e) => e.seeds))
    notes.push(
      'Comparisons between strategies of different seeds pair their held-out rows but not their seeds.',
    );
  return { notes, runs };
}
