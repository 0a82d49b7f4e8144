/**
 * The six strategies of the design note, in the design note's order. UI, worker, CLI and report iterate this
 * list; adding a strategy is one file and one line here. No DOM, no framework.
 */
import { architectureFixes } from './architecture-fixes';
import { balancedSampling } from './balanced-sampling';
import { fullRetrain } from './full-retrain';
import { perUser } from './per-user';
import { progressive } from './progressive';
import type { Strategy, StrategyId } from './types';
import { weightedLoss } from './weighted-loss';

/** Every strategy, typed loosely so callers can pass plain option records (e.g. from the UI). */
export const STRATEGIES: readonly Strategy<Record<string, unknown>>[] = [
  fullRetrain,
  architectureFixes,
  balancedSampling,
  weightedLoss,
  progressive,
  perUser,
] as unknown as readonly Strategy<Record<string, unknown>>[];

export function getStrategy(id: string): Strategy<Record<string, unknown>> | undefined {
  return STRATEGIES.find((s) => s.id === id);
}

export function isStrategyId(id: string): id is StrategyId {
  return getStrategy(id) !== undefined;
}
