/**
 * What a value in a link may be, per setting: whole numbers, ranges, booleans, short texts. A link is
 * typed by people and passed around, so each value is checked before it can reach training, and a refusal
 * says why in plain words ("not a number", "must be at least 1").
 */
import type { VerdictThresholds } from '../core/evaluation/verdicts';
import type { OptionValue } from '../core/strategies/types';

export { formatValue, parseValue, type Parsed, type Rule } from '../core/strategies/value-text';
import type { Rule } from '../core/strategies/value-text';

const TEXT_MAX = 200;

/**
 * The rule of a strategy option, from its default (the catalog carries no ranges): counts (whole-number
 * defaults: epochs, batch size, patience, caps) are whole numbers ≥ 0, a batch at least 1 row; learning
 * rates are > 0; other numbers finite and ≥ 0 when their default is.
 */
export function optionRule(key: string, defaultValue: OptionValue): Rule {
  if (typeof defaultValue === 'boolean') return { kind: 'boolean' };
  if (typeof defaultValue === 'string') return { kind: 'text', maxLength: TEXT_MAX };
  if (Number.isInteger(defaultValue)) {
    return { kind: 'number', integer: true, min: /batchsize$/i.test(key) ? 1 : Math.min(0, defaultValue) };
  }
  if (/learningrate$/i.test(key)) return { kind: 'number', integer: false, min: 0, above: true };
  return defaultValue >= 0 ? { kind: 'number', integer: false, min: 0 } : { kind: 'number', integer: false };
}

/** The verdict thresholds' ranges: shares and tolerances are probabilities; a spread ratio is ≥ 1. */
export const THRESHOLD_RULES: Readonly<Record<keyof VerdictThresholds, Rule>> = {
  maxSaturatedShare: { kind: 'number', integer: false, min: 0, max: 1 },
  // Distinct whole percents of predictions: 0 … 100, so 101 at most.
  minDistinctPercent: { kind: 'number', integer: false, min: 0, max: 101 },
  responseTolerance: { kind: 'number', integer: false, min: 0, max: 1 },
  responseGapTolerance: { kind: 'number', integer: false, min: 0, max: 1 },
  // largest / smallest per-user spread is never below 1.
  maxVarianceRatio: { kind: 'number', integer: false, min: 1 },
  // A share of seeds.
  minPassRate: { kind: 'number', integer: false, min: 0, max: 1 },
};

export const SEED_RULE: Rule = { kind: 'number', integer: true };
/** Seeds per strategy: 1 (one run) to 100. */
export const REPEATS_RULE: Rule = { kind: 'number', integer: true, min: 1, max: 100 };
export const BOOLEAN_RULE: Rule = { kind: 'boolean' };
