/** The other half of the MNIST recipes through the real CLI, on a few hundred digits (files run side by side). */
import { scratchDirectory } from '../testing/gankit.js';
import { describeRecipeRun, recipeTestGroup } from '../testing/recipeRun.js';
import { RECIPES } from './index.js';

const ROOT = scratchDirectory();
for (const recipe of RECIPES.filter((r) => recipeTestGroup(r, RECIPES) === 'mnist-2')) describeRecipeRun(recipe, ROOT);
