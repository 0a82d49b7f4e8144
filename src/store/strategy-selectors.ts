/**
 * Every strategy the page lists, in order — the six of the catalogue, then the person's own — with what
 * lists need (id, label, on or off). Memoised on its inputs, so subscribers re-render only when they change.
 */
import type { LabState } from './create-lab-store';

export interface ListedStrategy {
  id: string;
  label: string;
  enabled: boolean;
  own: boolean;
}

let last:
  | {
      catalog: LabState['catalog'];
      strategies: LabState['strategies'];
      own: LabState['ownStrategies'];
      list: ListedStrategy[];
    }
  | undefined;

export function strategyList(state: LabState): ListedStrategy[] {
  const { catalog, strategies, ownStrategies: own } = state;
  if (last && last.catalog === catalog && last.strategies === strategies && last.own === own)
    return last.list;
  const list = [
    ...catalog.map((m) => ({
      id: m.id,
      label: m.label,
      enabled: strategies[m.id]?.enabled ?? false,
      own: false,
    })),
    ...own.map((o) => ({ id: o.id, label: o.label, enabled: o.enabled, own: true })),
  ];
  last = { catalog, strategies, own, list };
  return list;
}
