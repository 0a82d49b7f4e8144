/**
 * What a sweep can vary: every recipe field (cap, weight exponent, epochs, L2, embedding width, minTasks,
 * …) and two ratios the design note speaks in — a fine-tune's rate as a share of the training rate ("a
 * tenth of the rate") for the pretrain schedule and for per-user models. Pure: no tfjs.
 */
import { RECIPE_FIELDS, type RecipeFieldInput } from '../strategies/recipe-fields';
import type { OptionValue } from '../strategies/types';

type Fields = Readonly<Record<string, OptionValue>>;

export interface SweepParam {
  name: string;
  label: string;
  doc: string;
  input: RecipeFieldInput;
  /** Whether the parameter changes anything for a recipe with these field values. */
  applies(fields: Fields): boolean;
  /** The fields with the parameter set to `value` (ratios are applied after every plain field). */
  set(fields: Fields, value: OptionValue): Record<string, OptionValue>;
  /** Ratios read other fields, so they are set last. */
  derived: boolean;
  /** The parameter's value in these fields (a ratio computed from its two rates). */
  valueIn(fields: Fields): OptionValue;
}

const RATIO_INPUT: RecipeFieldInput = { kind: 'number', integer: false, min: 0, above: true, max: 100 };

function ratio(
  name: string,
  label: string,
  doc: string,
  rateField: string,
  kindField: string,
  kind: string,
): SweepParam {
  return {
    name,
    label,
    doc,
    input: RATIO_INPUT,
    applies: (f) => f[kindField] === kind,
    // Rounded to 12 digits: 0.1 × 1e-3 is 1e-4 here, as a person would type it, not 1.0000000000000002e-4.
    set: (f, value) => ({
      ...f,
      [rateField]: +((value as number) * (f.learningRate as number)).toPrecision(12),
    }),
    derived: true,
    valueIn: (f) => +((f[rateField] as number) / (f.learningRate as number)).toPrecision(6),
  };
}

/** Every parameter a sweep can vary: the recipe's fields in the lab's order, then the two ratios. */
export const SWEEP_PARAMS: readonly SweepParam[] = [
  ...RECIPE_FIELDS.map((field): SweepParam => ({
    name: field.name,
    label: field.label,
    doc: field.doc,
    input: field.input,
    applies: field.applies,
    set: (f, value) => ({ ...f, [field.name]: value }),
    derived: false,
    valueIn: (f) => f[field.name] as OptionValue,
  })),
  ratio(
    'finetuneRateRatio',
    'Fine-tune rate ÷ rate',
    'The pretrain schedule’s fine-tune learning rate as a share of the training rate (the design note: a tenth).',
    'finetuneLearningRate',
    'schedule',
    'pretrain-then-finetune',
  ),
  ratio(
    'userRateRatio',
    'Own-model rate ÷ rate',
    'Per-user fine-tunes’ learning rate as a share of the training rate (the design note: 1e-4 after 1e-3, a tenth).',
    'userLearningRate',
    'perUser',
    'fine-tune',
  ),
];

export function sweepParam(name: string): SweepParam | undefined {
  return SWEEP_PARAMS.find((p) => p.name === name);
}
