import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { initBackend } from '@gankit/backend';
import { readCheckpointInfo } from '@gankit/trainers';
import type { Recipe, RecipeOptions, RecipeRun } from '../recipes/recipe.js';
import { UsageError } from './args.js';
import type { FlagSpec } from './args.js';

/** What `train` records next to a checkpoint so `sample`, `eval` and `--resume` rebuild the same recipe. */
export interface RunRecord {
  recipe: string;
  options: RecipeOptions;
}

const RECORD = 'recipe.json';
/** The manifest `@gankit/trainers` writes in a checkpoint directory: its presence marks a checkpoint. */
const MANIFEST = 'checkpoint.json';
/** Which of a run's checkpoints: the one training ended with, or the best by the recipe's selection metric. */
export type WhichCheckpoint = 'last' | 'best';
/** The `--which` flag of `eval`, `sample` and `translate`. */
export const WHICH_FLAG: FlagSpec = {
  type: 'string',
  choices: ['last', 'best'],
  default: 'best if the recipe keeps one, else last',
  description: "the checkpoint to use: 'last' (where training ended) or 'best' (by the recipe's selection metric on a validation split of the training data)",
};

/**
 * The checkpoint `--which` names, or by default the run's result: its best
 * checkpoint when the recipe keeps one and the run has it, else its last.
 * Checked before any work: `--which best` needs a recipe that keeps a best
 * checkpoint and a run that has one.
 */
export function resolveWhich(recipe: Recipe, dir: string, flag: unknown): WhichCheckpoint {
  const hasBest = existsSync(path.join(dir, CHECKPOINT_DIRS.best, MANIFEST));
  if (flag !== 'best') return flag === 'last' || recipe.selection === undefined || !hasBest ? 'last' : 'best';
  if (recipe.selection === undefined) throw new UsageError(`--which best: recipe '${recipe.name}' keeps no best checkpoint (only the last); use --which last`);
  if (!hasBest) throw new UsageError(`--which best: ${dir} has no best checkpoint yet (${CHECKPOINT_DIRS.best}/ is written from step ${recipe.selection.startStep ?? recipe.selection.every} on)`);
  return 'best';
}

/** A run's checkpoint directories: `checkpoint/` (the last) and `best/` (recipes with a selection). */
export const CHECKPOINT_DIRS: Record<WhichCheckpoint, string> = { last: 'checkpoint', best: 'best' };
export const checkpointUrl = (dir: string, which: WhichCheckpoint = 'last'): string => `file://${path.resolve(dir, CHECKPOINT_DIRS[which])}`;

export async function writeRunRecord(dir: string, record: RunRecord): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, RECORD), `${JSON.stringify(record, null, 2)}\n`);
}

/** Reads a run directory's record; errors name the directory and what is missing. */
export async function readRunRecord(dir: string, flag: string): Promise<RunRecord> {
  const file = path.join(dir, RECORD);
  if (!existsSync(dir)) throw new UsageError(`${flag} ${dir}: no such directory`);
  if (!existsSync(file) || !existsSync(path.join(dir, 'checkpoint'))) {
    throw new UsageError(`${flag} ${dir}: not a gankit run directory (expected ${RECORD} and checkpoint/ written by 'gankit train')`);
  }
  try {
    const record = JSON.parse(await readFile(file, 'utf8')) as RunRecord;
    if (typeof record.recipe !== 'string' || typeof record.options !== 'object') throw new Error('missing fields');
    return record;
  } catch (err) {
    throw new UsageError(`${flag} ${dir}: ${RECORD} is not valid (${(err as Error).message})`);
  }
}

/**
 * The step a run directory's checkpoint was saved at, read from its manifest
 * (`readCheckpointInfo` of `@gankit/trainers`) without loading any tensors,
 * so `train --resume` can check `--steps` before any work.
 *
 * @param dir - A run directory (holding `checkpoint/`).
 * @param flag - The flag that named `dir`, for error messages.
 * @returns How many steps the saved run has trained.
 */
export async function readCheckpointStep(dir: string, flag: string): Promise<number> {
  try {
    return (await readCheckpointInfo(path.join(dir, CHECKPOINT_DIRS.last))).step;
  } catch (err) {
    throw new UsageError(`${flag} ${dir}: cannot read the checkpoint (${(err as Error).message})`);
  }
}

/**
 * The monitored value stored with a run's best checkpoint (`metadata.monitor.value`,
 * written by `bestCheckpoint`), or undefined when the run has no best checkpoint yet.
 */
export async function readBestValue(dir: string): Promise<number | undefined> {
  if (!existsSync(path.join(dir, CHECKPOINT_DIRS.best, MANIFEST))) return undefined;
  const value = ((await readCheckpointInfo(path.join(dir, CHECKPOINT_DIRS.best))).metadata['monitor'] as { value?: unknown } | undefined)?.value;
  return typeof value === 'number' ? value : undefined;
}

/**
 * Rebuilds a trained run for `sample`, `eval` and `translate`: initialises the
 * backend, creates the recipe with the run's options and loads its last or
 * best checkpoint (`which`, from {@link resolveWhich}).
 */
export async function openRun(recipe: Recipe, record: RunRecord, dir: string, which: WhichCheckpoint): Promise<RecipeRun> {
  await initBackend({ quiet: true });
  const run = await recipe.create(record.options);
  await run.trainer.load(checkpointUrl(dir, which));
  return run;
}
