/**
 * The recipe's fields as the lab shows them: name, human label, a line of docs with the design note's
 * numbers, the values each takes, and when it applies (a schedule's fields only with that schedule).
 * Data only; recipe-fields.ts turns recipes into fields and back. Pure: no tfjs.
 */
import {
  DESIGN_NOTE_PER_USER,
  DESIGN_NOTE_PRETRAIN,
  FREEZABLE_LAYERS,
  RECIPE_LIMITS,
  USER_EMBEDDING,
} from './recipe';
import { LAB_BUDGET_TEXT, LAB_PATIENCE } from '../training/loop/lab-steps-per-epoch';
import type { OptionValue } from './types';

export type RecipeFieldInput =
  | { kind: 'choice'; choices: readonly { value: string; label: string }[] }
  /** "none" or a whole number ≥ 1. */
  | { kind: 'cap'; max: number }
  | {
      kind: 'number';
      integer: boolean;
      min: number;
      max?: number;
      /** min itself not allowed */ above?: boolean;
    }
  | { kind: 'boolean' };

export type RecipeFieldGroup = 'ingredients' | 'schedule' | 'per-user' | 'training';

export interface RecipeField {
  name: string;
  /** What the lab's control is called. */
  label: string;
  doc: string;
  group: RecipeFieldGroup;
  input: RecipeFieldInput;
  /** Whether the field matters for a recipe with these field values. */
  applies(fields: Readonly<Record<string, OptionValue>>): boolean;
}

const always = () => true;
const withPretrain = (f: Readonly<Record<string, OptionValue>>) => f.schedule === 'pretrain-then-finetune';
const withFineTunes = (f: Readonly<Record<string, OptionValue>>) => f.perUser === 'fine-tune';
const withUserEmbedding = (f: Readonly<Record<string, OptionValue>>) =>
  f.architecture !== 'base' && typeof f.architecture === 'string';

const count = (min: number, max: number): RecipeFieldInput => ({ kind: 'number', integer: true, min, max });
const RATE: RecipeFieldInput = {
  kind: 'number',
  integer: false,
  min: 0,
  above: true,
  max: RECIPE_LIMITS.learningRate,
};

/**
 * Every field, in the order the lab shows them. The entries share one shape on purpose (the duplicates
 * report pairs them): each is data — its own name, words, input and rule — and the form, the CLI and
 * the schema read them all through that one shape.
 */
export const RECIPE_FIELDS: readonly RecipeField[] = [
  {
    name: 'architecture',
    label: 'Architecture',
    doc: 'v1: the production model (uncapped counts, user embedding 32, no regularisation); v2: the design note’s fixes (counts capped at 1, user embedding 16 with L2 0.01, BatchNorm after each embedding); base: no user embedding (Strategy 6’s shared model).',
    group: 'ingredients',
    input: {
      kind: 'choice',
      choices: [
        { value: 'v1', label: 'v1 — production model' },
        { value: 'v2', label: 'v2 — with the design note’s fixes' },
        { value: 'base', label: 'base — no user embedding' },
      ],
    },
    applies: always,
  },
  {
    name: 'capPerUser',
    label: 'Cap per user',
    doc: 'Most recent training tasks kept per user, or none (all). Strategy 3: 150; 100 also discussed.',
    group: 'ingredients',
    input: { kind: 'cap', max: RECIPE_LIMITS.capPerUser },
    applies: always,
  },
  {
    name: 'weightExponent',
    label: 'Weight exponent',
    doc: 'Loss weight ∝ (the user’s task count)^−exponent, normalised to sum to the row count: 0 = unweighted, 1 = inverse frequency (Strategy 4: every user the same share), between = softer.',
    group: 'ingredients',
    input: { kind: 'number', integer: false, min: 0, max: 1 },
    applies: always,
  },
  {
    name: 'monotoneResponse',
    label: 'Monotone response',
    doc: 'on: P(correct) cannot go down when only the outcome-history features (correct rates, recent accuracy, streak) go up — by construction (they feed a side path with non-negative weights); with counts: the three task counts too.',
    group: 'ingredients',
    input: {
      kind: 'choice',
      choices: [
        { value: 'off', label: 'off' },
        { value: 'on', label: 'on' },
        { value: 'on-with-counts', label: 'on, task counts too' },
      ],
    },
    applies: always,
  },
  {
    name: 'schedule',
    label: 'Schedule',
    doc: 'single: one phase on the rows; pretrain then fine-tune: first on each user’s most recent tasks (the training options), then the same weights on all rows with a new optimizer (Strategy 5).',
    group: 'schedule',
    input: {
      kind: 'choice',
      choices: [
        { value: 'single', label: 'single phase' },
        { value: 'pretrain-then-finetune', label: 'pretrain, then fine-tune' },
      ],
    },
    applies: always,
  },
  {
    name: 'pretrainCapPerUser',
    label: 'Pretraining tasks per user',
    doc: `Most recent tasks per user in the pretraining subset (Strategy 5: ${DESIGN_NOTE_PRETRAIN.pretrainCapPerUser}).`,
    group: 'schedule',
    input: count(1, RECIPE_LIMITS.capPerUser),
    applies: withPretrain,
  },
  {
    name: 'finetuneEpochs',
    label: 'Fine-tune epochs',
    doc: `Maximum epochs of the fine-tune on all rows (Strategy 5: ${DESIGN_NOTE_PRETRAIN.epochs}).`,
    group: 'schedule',
    input: count(1, RECIPE_LIMITS.epochs),
    applies: withPretrain,
  },
  {
    name: 'finetuneLearningRate',
    label: 'Fine-tune learning rate',
    doc: `Adam learning rate of the fine-tune, a new optimizer (Strategy 5: ${DESIGN_NOTE_PRETRAIN.learningRate}, a tenth).`,
    group: 'schedule',
    input: RATE,
    applies: withPretrain,
  },
  {
    name: 'finetunePatience',
    label: 'Fine-tune patience',
    doc: `Early-stopping patience of the fine-tune, epochs; 0 = every epoch (Strategy 5: ${DESIGN_NOTE_PRETRAIN.patience}).`,
    group: 'schedule',
    input: count(0, RECIPE_LIMITS.patience),
    applies: withPretrain,
  },
  {
    name: 'perUser',
    label: 'Per-user models',
    doc: 'off: one shared model; fine-tune: a copy of the shared model per user with enough tasks, fine-tuned on that user’s tasks, the others served by the shared model (Strategy 6).',
    group: 'per-user',
    input: {
      kind: 'choice',
      choices: [
        { value: 'off', label: 'off' },
        { value: 'fine-tune', label: 'fine-tune a copy per user' },
      ],
    },
    applies: always,
  },
  {
    name: 'minTasks',
    label: 'Tasks for an own model',
    doc: `Training tasks a user needs to get an own fine-tuned model (Strategy 6: ${DESIGN_NOTE_PER_USER.minTasks}).`,
    group: 'per-user',
    input: count(1, RECIPE_LIMITS.minTasks),
    applies: withFineTunes,
  },
  {
    name: 'freezeLayers',
    label: 'Frozen layers',
    doc: `Layers kept frozen in each user model, from the input: topic embedding, difficulty embedding, dense 64, its BatchNorm, dense 32, output; 7 and 8 the monotone side path, when it is on (Strategy 6: ${DESIGN_NOTE_PER_USER.freezeLayers}).`,
    group: 'per-user',
    input: count(0, FREEZABLE_LAYERS),
    applies: withFineTunes,
  },
  {
    name: 'userEpochs',
    label: 'User fine-tune epochs',
    doc: `Epochs of each user’s fine-tune (Strategy 6: ${DESIGN_NOTE_PER_USER.epochs}).`,
    group: 'per-user',
    input: count(1, RECIPE_LIMITS.epochs),
    applies: withFineTunes,
  },
  {
    name: 'userLearningRate',
    label: 'User fine-tune learning rate',
    doc: `Adam learning rate of each user’s fine-tune, a new optimizer (Strategy 6: ${DESIGN_NOTE_PER_USER.learningRate}).`,
    group: 'per-user',
    input: RATE,
    applies: withFineTunes,
  },
  {
    name: 'userPatience',
    label: 'User fine-tune patience',
    doc: 'Early-stopping patience of the user fine-tunes, epochs; 0 = every epoch (Strategy 6: 0).',
    group: 'per-user',
    input: count(0, RECIPE_LIMITS.patience),
    applies: withFineTunes,
  },
  {
    name: 'epochs',
    label: 'Epochs',
    doc: 'Maximum passes over the rows (design note: 50; with pretrain then fine-tune, the pretraining’s: 30).',
    group: 'training',
    input: count(1, RECIPE_LIMITS.epochs),
    applies: always,
  },
  {
    name: 'batchSize',
    label: 'Batch size',
    doc: 'Rows per gradient step; the ragged tail of each shuffled epoch is skipped (design note: 32).',
    group: 'training',
    input: count(1, RECIPE_LIMITS.batchSize),
    applies: always,
  },
  {
    name: 'learningRate',
    label: 'Learning rate',
    doc: 'Adam learning rate (design note: 0.001).',
    group: 'training',
    input: RATE,
    applies: always,
  },
  {
    name: 'stepsPerEpoch',
    label: 'Steps per epoch',
    doc: `Scale the batch to about this many steps per epoch (batch up to 512 rows, learning rate × √(batch ÷ batch size), ${LAB_BUDGET_TEXT}); 0 = the fixed batch size and epochs, as the design note.`,
    group: 'training',
    input: count(0, RECIPE_LIMITS.stepsPerEpoch),
    applies: always,
  },
  {
    name: 'patience',
    label: 'Patience',
    doc: `Epochs without a better validation loss before stopping early; 0 = every epoch (design note: none for Strategies 1–4, 10 for Strategy 5’s pretraining; with steps per epoch on, at least ${LAB_PATIENCE} past 4,000 rows).`,
    group: 'training',
    input: count(0, RECIPE_LIMITS.patience),
    applies: always,
  },
  {
    name: 'restoreBestWeights',
    label: 'Restore best weights',
    doc: 'After early stopping, return to the weights of the best validation epoch.',
    group: 'training',
    input: { kind: 'boolean' },
    applies: always,
  },
  {
    name: 'userEmbeddingDim',
    label: 'User embedding width',
    doc: `Width of the user embedding (v1: ${USER_EMBEDDING.v1.dim}; v2: ${USER_EMBEDDING.v2.dim}, the design note’s halving).`,
    group: 'training',
    input: count(1, RECIPE_LIMITS.userEmbeddingDim),
    applies: withUserEmbedding,
  },
  {
    name: 'userL2',
    label: 'User embedding L2',
    doc: `L2 penalty factor on the user embedding, Keras-style: factor × Σw² (v1: ${USER_EMBEDDING.v1.l2}; v2: ${USER_EMBEDDING.v2.l2}).`,
    group: 'training',
    input: { kind: 'number', integer: false, min: 0 },
    applies: withUserEmbedding,
  },
];
