import { describe, expect, it } from 'vitest';
import { CATALOGUE, presetRecipe } from './catalogue';
import { DESIGN_NOTE_PER_USER, DESIGN_NOTE_PRETRAIN } from './recipe';
import { checkOwnId, checkRecipe, parseOwnRecipe } from './recipe-schema';

const reasonOf = (value: unknown) => {
  const parsed = parseOwnRecipe(value);
  return parsed.ok ? 'ok' : parsed.reason;
};

describe('checking a recipe', () => {
  it('accepts every preset and refuses values out of range, naming the field', () => {
    for (const p of CATALOGUE) expect(checkRecipe(presetRecipe(p.id)).ok).toBe(true);
    const base = presetRecipe('weighted-loss');
    const bad = (change: object) => {
      const result = checkRecipe({ ...base, ...change });
      return result.ok ? 'ok' : result.reason;
    };
    expect(bad({ weightExponent: 1.5 })).toBe('weightExponent must be from 0 to 1');
    expect(bad({ capPerUser: 0 })).toBe('capPerUser must be "none" or a whole number from 1 to 1000000');
    expect(bad({ capPerUser: 'all' })).toBe('capPerUser must be "none" or a whole number from 1 to 1000000');
    expect(bad({ architecture: 'v3' })).toBe('architecture must be one of v1, v2, base');
    expect(bad({ training: { ...base.training, epochs: 0 } })).toBe(
      'training.epochs must be a whole number from 1 to 1000',
    );
    expect(bad({ training: { ...base.training, learningRate: 0 } })).toBe(
      'training.learningRate must be more than 0 and at most 1',
    );
    expect(bad({ training: { ...base.training, epoch: 3 } })).toBe('training: unknown field epoch');
    expect(bad({ schedule: { kind: 'twice' } })).toBe(
      'schedule.kind must be single or pretrain-then-finetune',
    );
    expect(bad({ perUser: { ...DESIGN_NOTE_PER_USER, freezeLayers: 9 } })).toBe(
      'perUser.freezeLayers must be a whole number from 0 to 8',
    );
    expect(bad({ architecture: 'base', training: { ...base.training, userEmbeddingDim: 8 } })).toBe(
      'training.userEmbeddingDim does not apply: the base architecture has no user embedding',
    );
    expect(bad({ colour: 'red' })).toBe('unknown field colour');
  });

  it('takes the monotone response on (with or without the counts), and nothing else', () => {
    for (const monotoneResponse of ['on', 'on-with-counts'] as const)
      expect(checkRecipe({ ...presetRecipe('weighted-loss'), monotoneResponse }).ok).toBe(true);
    const result = checkRecipe({ ...presetRecipe('weighted-loss'), monotoneResponse: 'yes' as never });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^monotoneResponse /);
  });

  it('takes own ids that are short, lower-case and not one of the six', () => {
    expect(checkOwnId('cap-50').ok).toBe(true);
    expect(checkOwnId('Cap 50').ok).toBe(false);
    expect(checkOwnId('-x').ok).toBe(false);
    expect(checkOwnId('x'.repeat(41)).ok).toBe(false);
    expect(checkOwnId('weighted-loss')).toEqual({
      ok: false,
      reason: 'id "weighted-loss" is one of the six strategies; choose another',
    });
  });
});

describe('an own recipe from its JSON declaration', () => {
  it('fills what is not given from the preset named in "from", part by part', () => {
    const parsed = parseOwnRecipe({
      id: 'soft',
      label: 'Softer weights',
      from: 'weighted-loss',
      weightExponent: 0.5,
      capPerUser: 100,
      training: { epochs: 5 },
    });
    const base = presetRecipe('weighted-loss');
    expect(parsed).toEqual({
      ok: true,
      value: {
        id: 'soft',
        label: 'Softer weights',
        recipe: { ...base, weightExponent: 0.5, capPerUser: 100, training: { ...base.training, epochs: 5 } },
      },
    });
  });

  it('takes a schedule or per-user part by its kind alone, with the design note’s numbers', () => {
    const parsed = parseOwnRecipe({
      id: 'mix',
      from: 'weighted-loss',
      schedule: 'pretrain-then-finetune',
      perUser: { kind: 'fine-tune', minTasks: 5 },
    });
    expect(parsed.ok && parsed.value.recipe.schedule).toEqual(DESIGN_NOTE_PRETRAIN);
    expect(parsed.ok && parsed.value.recipe.perUser).toEqual({ ...DESIGN_NOTE_PER_USER, minTasks: 5 });
    expect(parsed.ok && parsed.value.label).toBe('mix');
    // Progressive's own schedule is the base when the kind matches.
    const fromProgressive = parseOwnRecipe({ id: 'p', from: 'progressive', schedule: { epochs: 3 } });
    expect(fromProgressive.ok && fromProgressive.value.recipe.schedule).toEqual({
      ...(presetRecipe('progressive').schedule as object),
      epochs: 3,
    });
  });

  it('needs every field without "from", and drops a user embedding’s settings on a move to base', () => {
    expect(reasonOf({ id: 'bare', architecture: 'v2' })).toBe(
      'recipe "bare": capPerUser must be "none" or a whole number from 1 to 1000000',
    );
    const full = { id: 'full', ...presetRecipe('architecture-fixes') };
    expect(reasonOf(full)).toBe('ok');
    const moved = parseOwnRecipe({
      id: 'b',
      from: 'architecture-fixes',
      architecture: 'base',
      training: { epochs: 4 },
    });
    expect(moved.ok && moved.value.recipe.training).toEqual({
      ...presetRecipe('architecture-fixes').training,
      epochs: 4,
    });
    const fromEmbedding = parseOwnRecipe({
      id: 'e',
      from: 'architecture-fixes',
      training: { userEmbeddingDim: 8, userL2: 0.1 },
    });
    expect(fromEmbedding.ok && fromEmbedding.value.recipe.training).toMatchObject({
      userEmbeddingDim: 8,
      userL2: 0.1,
    });
  });

  it('refuses in one line, naming the recipe and the field', () => {
    expect(reasonOf([])).toBe('a recipe must be a JSON object');
    expect(reasonOf({ id: 'Bad Id' })).toMatch(/^id must be 1–40 lower-case letters/);
    expect(reasonOf({ id: 'x', from: 'magic' })).toBe(
      `recipe "x": from must name one of the six strategies (${CATALOGUE.map((p) => p.id).join(', ')}), not "magic"`,
    );
    expect(reasonOf({ id: 'x', from: 'per-user', minTasks: 5 })).toBe('recipe "x": unknown field minTasks');
    expect(reasonOf({ id: 'x', from: 'per-user', perUser: { minTasks: -1 } })).toBe(
      'recipe "x": perUser.minTasks must be a whole number from 1 to 1000000',
    );
    expect(reasonOf({ id: 'x', label: '', from: 'per-user' })).toBe(
      'recipe "x": label must be a text of 1–80 characters',
    );
    expect(reasonOf({ id: 'x', from: 'per-user', monotoneResponse: 'sometimes' })).toMatch(
      /^recipe "x": monotoneResponse /,
    );
  });
});
