/**
 * `compare --recipe JSON` and `--recipe-file PATH`: own recipes read from the command line and from files
 * (one recipe or a JSON array each), checked field by field, and the `--epochs` / `--batch-size`
 * overrides applied to them as to the six. Every refusal is one line. Uses core only.
 */
import type { OwnRecipe } from '../core/strategies/recipe';
import { parseOwnRecipe } from '../core/strategies/recipe-schema';
import { readFailure } from './cli-io';

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${where}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
}

/** Every recipe of the --recipe values and --recipe-file files, in that order; throws a one-line Error. */
export async function loadOwnRecipes(
  inline: readonly string[],
  files: readonly string[],
  readFile: (path: string) => Promise<string>,
): Promise<OwnRecipe[]> {
  const declared: { value: unknown; where: string }[] = inline.map((text) => ({
    value: parseJson(text, '--recipe'),
    where: '--recipe',
  }));
  for (const path of files) {
    let text: string;
    try {
      text = await readFile(path);
    } catch (error) {
      throw new Error(readFailure(path, error).trim());
    }
    const value = parseJson(text, path);
    for (const item of Array.isArray(value) ? value : [value]) declared.push({ value: item, where: path });
  }
  const recipes: OwnRecipe[] = [];
  for (const { value, where } of declared) {
    const parsed = parseOwnRecipe(value);
    if (!parsed.ok) throw new Error(`${where}: ${parsed.reason}`);
    if (recipes.some((r) => r.id === parsed.value.id))
      throw new Error(`${where}: recipe "${parsed.value.id}" is declared twice`);
    recipes.push(parsed.value);
  }
  return recipes;
}

/** The recipe with every epoch count set to `epochs` and its batch size to `batchSize`, when given. */
export function withEpochsAndBatch(own: OwnRecipe, epochs?: number, batchSize?: number): OwnRecipe {
  const { recipe } = own;
  const e = <T extends { epochs: number }>(part: T): T => (epochs === undefined ? part : { ...part, epochs });
  return {
    ...own,
    recipe: {
      ...recipe,
      training: { ...e(recipe.training), ...(batchSize === undefined ? {} : { batchSize }) },
      schedule: recipe.schedule.kind === 'single' ? recipe.schedule : e(recipe.schedule),
      perUser: recipe.perUser.kind === 'off' ? recipe.perUser : e(recipe.perUser),
    },
  };
}
