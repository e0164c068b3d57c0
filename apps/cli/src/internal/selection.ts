import { bestCheckpoint } from '@gankit/trainers';
import type { TrainerCallback } from '@gankit/trainers';
import type { CheckpointSelection, RecipeRun } from '../recipes/recipe.js';

/**
 * The callback that keeps a recipe's best checkpoint at `destination`, by its
 * selection metric on the run's validation split (`RecipeRun.validate`);
 * `best` is the value of a best checkpoint already there (a resumed run).
 */
export function selectionCallback(run: RecipeRun, selection: CheckpointSelection, destination: string, best?: number): TrainerCallback {
  const validate = run.validate;
  if (validate === undefined) throw new Error(`a recipe with a checkpoint selection must give its runs a validate() (selection metric '${selection.metric}')`);
  return bestCheckpoint({
    destination,
    name: selection.metric,
    mode: selection.mode,
    every: selection.every,
    ...(selection.startStep !== undefined ? { startStep: selection.startStep } : {}),
    ...(best !== undefined ? { best } : {}),
    monitor: async () => {
      const values = await validate();
      const value = values[selection.metric];
      if (value === undefined) throw new Error(`selection metric '${selection.metric}' is not among the validation metrics (${Object.keys(values).join(', ')})`);
      return value;
    },
  });
}

/** One line for docs and tables: which checkpoint a run used. */
export function describeSelection(selection: CheckpointSelection | undefined): string {
  return selection === undefined ? 'last' : `best by ${selection.metric} (${selection.mode}) every ${selection.every} steps`;
}
