/**
 * Typed text → checked value: the rule a setting's value follows (whole number in a range, rate above 0,
 * boolean, short text) and the one parser the link, the lab's fields and the CLI's sweep values share.
 * A refusal says why in plain words ("not a number", "must be at least 1"). Pure: no tfjs.
 */
import { z } from 'zod';
import type { RecipeFieldInput } from './recipe-field-table';
import type { OptionValue } from './types';

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

/** A recipe field's value as typed (a link, a sweep's values), read by the field's input rule. */
export function parseFieldText(input: RecipeFieldInput, text: string): Parsed<OptionValue> {
  switch (input.kind) {
    case 'choice': {
      const value = text.trim();
      return input.choices.some((c) => c.value === value)
        ? { ok: true, value }
        : { ok: false, reason: `not one of ${input.choices.map((c) => c.value).join(', ')}` };
    }
    case 'cap':
      if (text.trim().toLowerCase() === 'none') return { ok: true, value: 'none' };
      return parseValue({ kind: 'number', integer: true, min: 1, max: input.max }, text);
    case 'number':
      return parseValue(input, text);
    case 'boolean':
      return parseValue({ kind: 'boolean' }, text);
  }
}
