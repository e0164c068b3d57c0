import * as tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { initBackend } from '@gankit/backend';
import { flagHelp, parseArgs, UsageError } from '../internal/args.js';
import type { FlagSpec } from '../internal/args.js';
import { displayPath } from '../internal/displayPath.js';
import { imagesToJson } from '../internal/images.js';
import { plural } from '../internal/plural.js';
import { openRun, readRunRecord, resolveWhich, WHICH_FLAG } from '../internal/runDirectory.js';
import { findRecipe, RECIPES } from '../recipes/index.js';

export const TRANSLATE_FLAGS: Record<string, FlagSpec> = {
  checkpoint: { type: 'string', description: "a run directory of a translation recipe written by 'gankit train'" },
  which: WHICH_FLAG,
  direction: { type: 'string', choices: ['AtoB', 'BtoA'], description: 'A → B or B → A' },
  input: { type: 'string', description: 'images as JSON {"shape": [N, H, W, C], "data": [...]} in [0, 1] (what `gankit sample` writes)' },
  out: { type: 'string', description: 'output .json, same format' },
  help: { type: 'boolean', description: 'show this help' },
};

export const TRANSLATE_HELP = `gankit translate --checkpoint DIR [--which last|best] --direction AtoB|BtoA --input FILE.json --out FILE.json

Translates images with a trained translation recipe (${RECIPES.filter((r) => r.name.startsWith('digits')).map((r) => r.name).join(', ')}).
Grey inputs are repeated to 3 channels.

${flagHelp(TRANSLATE_FLAGS)}`;

/** Reads and checks the input JSON, naming the file and what is wrong. */
async function readImages(file: string): Promise<tf.Tensor4D> {
  if (!existsSync(file)) throw new UsageError(`--input ${file}: no such file`);
  let json: { shape?: unknown; data?: unknown };
  try {
    json = JSON.parse(await readFile(file, 'utf8')) as typeof json;
  } catch (err) {
    throw new UsageError(`--input ${file}: not valid JSON (${(err as Error).message})`);
  }
  const { shape, data } = json;
  if (!Array.isArray(shape) || shape.length !== 4 || !shape.every((d) => Number.isInteger(d) && d > 0)) {
    throw new UsageError(`--input ${file}: 'shape' must be [N, H, W, C] of positive integers`);
  }
  const [, h, w, c] = shape as number[];
  if (h !== 28 || w !== 28 || (c !== 1 && c !== 3)) throw new UsageError(`--input ${file}: images must be 28×28 with 1 or 3 channels, got [${shape.join(', ')}]`);
  const size = (shape as number[]).reduce((a, b) => a * b, 1);
  if (!Array.isArray(data) || data.length !== size || !data.every((v) => typeof v === 'number' && v >= 0 && v <= 1)) {
    throw new UsageError(`--input ${file}: 'data' must hold ${size} numbers in [0, 1]`);
  }
  return tf.tidy(() => {
    const images = tf.sub(tf.mul(tf.tensor4d(data as number[], shape as [number, number, number, number]), 2), 1) as tf.Tensor4D;
    return c === 1 ? (tf.tile(images, [1, 1, 1, 3]) as tf.Tensor4D) : images;
  });
}

/** `gankit translate`: returns the process exit code. */
export async function translateCommand(argv: string[]): Promise<number> {
  const { flags, positionals } = parseArgs(argv, TRANSLATE_FLAGS);
  if (flags['help'] === true) {
    console.log(TRANSLATE_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  for (const required of ['checkpoint', 'direction', 'input', 'out']) {
    if (flags[required] === undefined) throw new UsageError(`missing --${required}`);
  }
  const out = flags['out'] as string;
  if (path.extname(out).toLowerCase() !== '.json') throw new UsageError(`--out must end in .json; got '${out}'`);
  const dir = flags['checkpoint'] as string;
  const record = await readRunRecord(dir, '--checkpoint');
  const recipe = findRecipe(record.recipe);
  if (recipe.translation !== true) throw new UsageError(`--checkpoint ${dir}: '${recipe.name}' is not a translation recipe`);
  const which = resolveWhich(recipe, dir, flags['which']);
  await initBackend({ quiet: true });
  const images = await readImages(flags['input'] as string);
  const run = await openRun(recipe, record, dir, which);
  if (run.translate === undefined) throw new Error(`recipe '${recipe.name}' is marked as a translation recipe but its run has no translate()`);
  const translated = tf.tidy(() => run.translate!(images, flags['direction'] as 'AtoB' | 'BtoA'));
  await mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await writeFile(out, JSON.stringify(imagesToJson(translated, '[-1,1]')));
  console.log(`translated ${plural(images.shape[0], 'image')} ${String(flags['direction'])} with ${recipe.name} (step ${run.trainer.stepCount}) to ${displayPath(out)}`);
  tf.dispose([images, translated]);
  return 0;
}
