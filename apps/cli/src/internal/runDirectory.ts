import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { initBackend } from '@gankit/backend';
import type { Recipe, RecipeOptions, RecipeRun } from '../recipes/recipe.js';
import { UsageError } from './args.js';

/** What `train` records next to a checkpoint so `sample`, `eval` and `--resume` rebuild the same recipe. */
export interface RunRecord {
  recipe: string;
  options: RecipeOptions;
}

const RECORD = 'recipe.json';
/** The checkpoint manifest `@gankit/trainers` writes in a checkpoint directory (its `MANIFEST_FILE`, internal there). */
const MANIFEST = 'checkpoint.json';
export const checkpointUrl = (dir: string): string => `file://${path.resolve(dir, 'checkpoint')}`;

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
 * The step a run directory's checkpoint was saved at, read from the
 * checkpoint's JSON manifest (`checkpoint/checkpoint.json`, written by
 * `@gankit/trainers`) without loading any tensors, so `train --resume` can
 * check `--steps` before any work.
 *
 * @param dir - A run directory (holding `checkpoint/`).
 * @param flag - The flag that named `dir`, for error messages.
 * @returns The manifest's `step`: how many steps the saved run has trained.
 */
export async function readCheckpointStep(dir: string, flag: string): Promise<number> {
  const file = path.join(dir, 'checkpoint', MANIFEST);
  let step: unknown;
  try {
    step = (JSON.parse(await readFile(file, 'utf8')) as { step?: unknown } | null)?.step;
  } catch (err) {
    throw new UsageError(`${flag} ${dir}: cannot read the checkpoint's ${MANIFEST} (${(err as Error).message})`);
  }
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 0) {
    throw new UsageError(`${flag} ${dir}: the checkpoint's ${MANIFEST} has no step count`);
  }
  return step;
}

/**
 * Rebuilds a trained run for `sample`, `eval` and `translate`: initialises the
 * backend, creates the recipe with the run's options and loads its checkpoint.
 */
export async function openRun(recipe: Recipe, record: RunRecord, dir: string): Promise<RecipeRun> {
  await initBackend({ quiet: true });
  const run = await recipe.create(record.options);
  await run.trainer.load(checkpointUrl(dir));
  return run;
}
