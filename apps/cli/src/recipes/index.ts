import { UsageError } from '../internal/args.js';
import type { Recipe } from './recipe.js';
import { digitsCycada } from './digitsCycada.js';
import { digitsCyclegan } from './digitsCyclegan.js';
import { digitsUnit } from './digitsUnit.js';
import { mnistAcgan } from './mnistAcgan.js';
import { mnistCgan } from './mnistCgan.js';
import { mnistDcgan } from './mnistDcgan.js';
import { mnistInfogan } from './mnistInfogan.js';
import { mnistVae } from './mnistVae.js';
import { mnistWganGp } from './mnistWganGp.js';
import { toy2dMixturePacgan } from './toy2dMixturePacgan.js';
import { toy2dGan } from './toy2dGan.js';
import { toy2dSngan } from './toy2dSngan.js';
import { toy2dWgan } from './toy2dWgan.js';
import { toy2dWganGp } from './toy2dWganGp.js';

/** Every recipe, by name, in the order `gankit list` prints them. */
export const RECIPES: readonly Recipe[] = [toy2dMixturePacgan, toy2dGan, toy2dWgan, toy2dWganGp, toy2dSngan, mnistDcgan, mnistWganGp, mnistCgan, mnistAcgan, mnistInfogan, mnistVae, digitsCyclegan, digitsCycada, digitsUnit];

/** Looks a recipe up by name, or says which names exist. */
export function findRecipe(name: string | undefined, flag = '<recipe>'): Recipe {
  const recipe = RECIPES.find((r) => r.name === name);
  if (recipe === undefined) {
    const names = RECIPES.map((r) => r.name).join(', ');
    throw new UsageError(name === undefined ? `missing ${flag}; one of ${names}` : `unknown recipe '${name}'; expected one of ${names}`);
  }
  return recipe;
}
