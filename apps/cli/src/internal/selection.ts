import { bestCheckpoint } from '@gankit/trainers';
import type { BestCheckpointOptions, TrainerCallback } from '@gankit/trainers';
import type { CheckpointSelection, RecipeRun } from '../recipes/recipe.js';

/**
 * What {@link selectionCallback} reports, and where it starts from: `best`, the
 * value of a best checkpoint already at the destination (a resumed run);
 * `onMeasure` and `onImprove`, as {@link bestCheckpoint} calls them.
 */
export type SelectionOptions = Pick<BestCheckpointOptions, 'best' | 'onMeasure' | 'onImprove'>;

/**
 * The callback that keeps a recipe's best checkpoint at `destination`, by its
 * selection metric on the run's validation split (`RecipeRun.validate`).
 */
export function selectionCallback(run: RecipeRun, selection: CheckpointSelection, destination: string, options: SelectionOptions = {}): TrainerCallback {
  const validate = run.validate;
  if (validate === undefined) throw new Error(`a recipe with a checkpoint selection must give its runs a validate() (selection metric '${selection.metric}')`);
  return bestCheckpoint({
    destination,
    name: selection.metric,
    mode: selection.mode,
    every: selection.every,
    ...(selection.startStep !== undefined ? { startStep: selection.startStep } : {}),
    ...options,
    monitor: async () => {
      const values = await validate();
      const value = values[selection.metric];
      if (value === undefined) throw new Error(`selection metric '${selection.metric}' is not among the validation metrics (${Object.keys(values).join(', ')})`);
      return value;
    },
  });
}

/** The line `gankit train` and `pnpm results` print for a measurement of the selection metric. */
export function describeMeasurement(selection: CheckpointSelection, step: number, value: number): string {
  return `validation at step ${step}: ${selection.metric} ${+value.toFixed(4)}`;
}

/** One line for docs and tables: which checkpoint a run used. */
export function describeSelection(selection: CheckpointSelection | undefined): string {
  return selection === undefined ? 'last' : `best by ${selection.metric} (${selection.mode}) every ${selection.every} steps`;
}
