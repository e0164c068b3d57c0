import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { flagHelp, parseArgs, UsageError } from '../internal/args.js';
import type { FlagSpec } from '../internal/args.js';
import { displayPath } from '../internal/displayPath.js';
import { plural } from '../internal/plural.js';
import { openRun, readRunRecord, resolveWhich, WHICH_FLAG } from '../internal/runDirectory.js';
import { findRecipe } from '../recipes/index.js';

export const SAMPLE_FLAGS: Record<string, FlagSpec> = {
  checkpoint: { type: 'string', description: "a run directory written by 'gankit train'" },
  which: WHICH_FLAG,
  n: { type: 'int', min: 1, description: 'how many samples' },
  label: { type: 'int', min: 0, description: 'the class to generate (conditional recipes)' },
  seed: { type: 'int', min: 0, description: 'seed of the latent codes', default: 0 },
  out: { type: 'string', description: 'output file: .png (a picture) or .json ({shape, data, labels})' },
  help: { type: 'boolean', description: 'show this help' },
};

export const SAMPLE_HELP = `gankit sample --checkpoint DIR [--which last|best] --n N [--label L] [--seed S] --out FILE

Draws N samples from a trained run. FILE ending .png writes a picture; .json
writes {"shape": [N, ...], "data": [...], "labels": [...]} with images NHWC in
[0, 1] and 2-D points as they are.

${flagHelp(SAMPLE_FLAGS)}`;

/** `gankit sample`: returns the process exit code. */
export async function sampleCommand(argv: string[]): Promise<number> {
  const { flags, positionals } = parseArgs(argv, SAMPLE_FLAGS);
  if (flags['help'] === true) {
    console.log(SAMPLE_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  for (const required of ['checkpoint', 'n', 'out']) {
    if (flags[required] === undefined) throw new UsageError(`missing --${required}`);
  }
  const out = flags['out'] as string;
  const ext = path.extname(out).toLowerCase();
  if (ext !== '.png' && ext !== '.json') throw new UsageError(`--out must end in .png or .json; got '${out}'`);
  const dir = flags['checkpoint'] as string;
  const record = await readRunRecord(dir, '--checkpoint');
  const recipe = findRecipe(record.recipe);
  const which = resolveWhich(recipe, dir, flags['which']);
  if (flags['label'] !== undefined && recipe.conditional !== true) {
    throw new UsageError(`--label applies to conditional recipes; '${recipe.name}' is not one`);
  }
  const run = await openRun(recipe, record, dir, which);
  const n = flags['n'] as number;
  const label = flags['label'] as number | undefined;
  const samples = run.sample(n, { seed: (flags['seed'] as number | undefined) ?? 0, ...(label !== undefined ? { label } : {}) });
  await mkdir(path.dirname(path.resolve(out)), { recursive: true });
  if (ext === '.png') await run.writePicture(samples, out);
  else await writeFile(out, JSON.stringify(run.toJson(samples, label !== undefined ? Array(n).fill(label) : undefined)));
  samples.dispose();
  console.log(`wrote ${plural(n, 'sample')} of ${recipe.name} (${which} checkpoint, step ${run.trainer.stepCount}) to ${displayPath(out)}`);
  return 0;
}
