import { describe, expect, it } from 'vitest';
import { CATALOGUE, presetRecipe } from './catalogue';
import { appliedFields, RECIPE_FIELDS, recipeField, recipeFields, recipeFromFields } from './recipe-fields';
import { checkRecipe } from './recipe-schema';

describe('a recipe as named fields', () => {
  it('names every field once, with a label and docs, in the order the lab shows them', () => {
    const names = RECIPE_FIELDS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(recipeFields(presetRecipe('per-user'))).sort()).toEqual([...names].sort());
    for (const f of RECIPE_FIELDS) {
      expect(f.label.length).toBeGreaterThan(2);
      expect(f.doc.length).toBeGreaterThan(20);
      expect(recipeField(f.name)).toBe(f);
    }
  });

  it('goes to fields and back for every preset without losing anything', () => {
    for (const p of CATALOGUE) {
      const recipe = presetRecipe(p.id);
      const back = recipeFromFields(recipeFields(recipe));
      expect(checkRecipe(back), p.id).toMatchObject({ ok: true });
      expect(recipeFields(back), p.id).toEqual(recipeFields(recipe));
      expect({ ...back, training: {} }, p.id).toEqual({ ...recipe, training: {} });
    }
  });

  it('lists only the fields that apply as an own recipe’s options', () => {
    const plain = appliedFields(presetRecipe('architecture-fixes'));
    expect(plain).toMatchObject({
      architecture: 'v2',
      schedule: 'single',
      perUser: 'off',
      userEmbeddingDim: 16,
    });
    expect(plain).not.toHaveProperty('finetuneEpochs');
    expect(plain).not.toHaveProperty('minTasks');
    const perUser = appliedFields(presetRecipe('per-user'));
    expect(perUser).toMatchObject({
      architecture: 'base',
      perUser: 'fine-tune',
      minTasks: 20,
      userEpochs: 10,
    });
    expect(perUser).not.toHaveProperty('userEmbeddingDim');
    expect(appliedFields(presetRecipe('progressive'))).toMatchObject({
      pretrainCapPerUser: 100,
      finetuneEpochs: 20,
    });
  });
});
