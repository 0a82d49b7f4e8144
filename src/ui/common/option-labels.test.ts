import { describe, expect, it } from 'vitest';
import { optionLabel, spellOut } from './option-labels';

describe('optionLabel', () => {
  it('names the registry options in words', () => {
    expect(optionLabel('pretrainLearningRate')).toBe('Pretraining learning rate');
    expect(optionLabel('maxPerUser')).toBe('Tasks kept per user');
  });
  it('spells out an id it does not know, keeping acronyms and digits', () => {
    expect(spellOut('userEmbeddingL2')).toBe('User embedding L2');
    expect(spellOut('dropoutRate')).toBe('Dropout rate');
    expect(spellOut('maxHTTPRetries')).toBe('Max HTTP retries');
    expect(spellOut('hidden_units')).toBe('Hidden units');
    expect(optionLabel('x')).toBe('X');
  });
});
