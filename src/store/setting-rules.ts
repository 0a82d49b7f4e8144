/**
 * What a value in a link may be, per setting: whole numbers, ranges, booleans, short texts. A link is
 * typed by people and passed around, so each value is checked before it can reach training, and a refusal
 * says why in plain words ("not a number", "must be at least 1").
 */
import { z } from 'zod';
import type { VerdictThresholds } from '../core/evaluation/verdicts';
import type { OptionValue } from '../worker/protocol';

export type Rule =
  | {
      kind: 'number';
      integer: boolean;
      min?: number;
      max?: number;
      /** min itself is not allowed */ above?: boolean;
    }
  | { kind: 'boolean' }
  | { kind: 'text'; maxLength: number };

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

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

const BOOLEAN_TEXT = new Map([
  ['1', true],
  ['true', true],
  ['0', false],
  ['false', false],
]);

function numberSchema(rule: Extract<Rule, { kind: 'number' }>) {
  let schema = z.number();
  if (rule.integer) schema = schema.int({ error: 'not a whole number' });
  if (rule.min !== undefined) {
    schema = rule.above
      ? schema.gt(rule.min, { error: `must be more than ${rule.min}` })
      : schema.gte(rule.min, { error: `must be at least ${rule.min}` });
  }
  if (rule.max !== undefined) schema = schema.lte(rule.max, { error: `must be at most ${rule.max}` });
  return schema;
}

/** A value as the link writes it; `parseValue(rule, formatValue(v))` gives `v` back for every valid `v`. */
export function formatValue(value: OptionValue): string {
  return typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
}

export function parseValue(rule: Rule, text: string): Parsed<OptionValue> {
  switch (rule.kind) {
    case 'boolean': {
      const value = BOOLEAN_TEXT.get(text.trim().toLowerCase());
      return value === undefined ? { ok: false, reason: 'not 0, 1, true or false' } : { ok: true, value };
    }
    case 'text':
      return text.length > rule.maxLength
        ? { ok: false, reason: `longer than ${rule.maxLength} characters` }
        : { ok: true, value: text };
    case 'number': {
      // Number('') and Number(' ') are 0, and Number('0x10') is 16: only plain decimal notation counts.
      if (!/^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(text)) {
        return /^\s*[-+]?infinity\s*$/i.test(text)
          ? { ok: false, reason: 'not a finite number' }
          : { ok: false, reason: 'not a number' };
      }
      const n = Number(text) + 0; // -0 reads as 0
      if (!Number.isFinite(n)) return { ok: false, reason: 'not a finite number' };
      if (rule.integer && Number.isInteger(n) && !Number.isSafeInteger(n)) {
        return { ok: false, reason: 'too large a whole number' };
      }
      const checked = numberSchema(rule).safeParse(n);
      return checked.success
        ? { ok: true, value: checked.data }
        : { ok: false, reason: checked.error.issues[0]?.message ?? 'out of range' };
    }
  }
}
