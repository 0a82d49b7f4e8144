/**
 * Human names for strategy options: "pretrainLearningRate" reads "Pretraining learning rate", with the id
 * kept beside it as secondary text (it is what links, the report and the CLI use). Options without a
 * name here (a recipe's own) are spelt out from their camelCase id.
 */

const NAMES: Readonly<Record<string, string>> = {
  epochs: 'Epochs',
  batchSize: 'Batch size (rows)',
  learningRate: 'Learning rate',
  stepsPerEpoch: 'Steps per epoch (batch rule)',
  patience: 'Early-stopping patience',
  restoreBestWeights: 'Restore best weights',
  maxPerUser: 'Tasks kept per user',
  pretrainMaxPerUser: 'Pretraining: tasks per user',
  pretrainEpochs: 'Pretraining epochs',
  pretrainLearningRate: 'Pretraining learning rate',
  pretrainPatience: 'Pretraining patience',
  finetuneEpochs: 'Fine-tuning epochs',
  finetuneLearningRate: 'Fine-tuning learning rate',
  finetunePatience: 'Fine-tuning patience',
  baseWeighting: 'Base model loss weights',
  minTasks: 'Tasks for an own model',
  freezeLayers: 'Frozen layers',
  monotoneResponse: 'Monotone response',
  monotoneCounts: 'Monotone in the task counts too',
};

/** "userEmbeddingL2" → "User embedding L2"; digits and acronyms stay together. */
export function spellOut(id: string): string {
  const words = id
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .split(/\s+/)
    .map((w, i) => (/^[A-Z0-9]+$/.test(w) && w.length > 1 ? w : i === 0 ? w : w.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The name a person reads for an option id. */
export function optionLabel(id: string): string {
  return NAMES[id] ?? spellOut(id);
}
