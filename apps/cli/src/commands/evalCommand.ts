import { flagHelp, parseArgs, UsageError } from '../internal/args.js';
import type { FlagSpec } from '../internal/args.js';
import { jsonNumbers } from '../internal/jsonNumbers.js';
import { openRun, readRunRecord, resolveWhich, WHICH_FLAG } from '../internal/runDirectory.js';
import { findRecipe } from '../recipes/index.js';

export const EVAL_FLAGS: Record<string, FlagSpec> = {
  checkpoint: { type: 'string', description: "a run directory written by 'gankit train'" },
  which: WHICH_FLAG,
  json: { type: 'boolean', description: 'print the metrics as JSON' },
  samples: { type: 'int', min: 1, description: "generated samples (test images for the VAE) to evaluate on (default: the protocol's count)" },
  help: { type: 'boolean', description: 'show this help' },
};

export const EVAL_HELP = `gankit eval --checkpoint DIR [--which last|best] [--json]

Computes the recipe's metrics (from @gankit/metrics) on a trained run: for the
2-D recipes, modes covered, % high-quality samples and the reverse KL of the
mode histogram on 2,500 samples (the VEEGAN/PacGAN protocol).

${flagHelp(EVAL_FLAGS)}`;

/** `gankit eval`: returns the process exit code. */
export async function evalCommand(argv: string[]): Promise<number> {
  const { flags, positionals } = parseArgs(argv, EVAL_FLAGS);
  if (flags['help'] === true) {
    console.log(EVAL_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  if (flags['checkpoint'] === undefined) throw new UsageError('missing --checkpoint');
  const dir = flags['checkpoint'] as string;
  const record = await readRunRecord(dir, '--checkpoint');
  const recipe = findRecipe(record.recipe);
  const which = resolveWhich(recipe, dir, flags['which']);
  const run = await openRun(recipe, record, dir, which);
  const samples = flags['samples'] as number | undefined;
  const metrics = await run.evaluate(samples !== undefined ? { samples } : {});
  if (flags['json'] === true) console.log(JSON.stringify(jsonNumbers({ recipe: recipe.name, checkpoint: which, step: run.trainer.stepCount, ...metrics })));
  else {
    console.log(`${recipe.name} at step ${run.trainer.stepCount} (${which} checkpoint)`);
    for (const [k, v] of Object.entries(metrics)) console.log(`  ${k.padEnd(22)} ${+v.toFixed(4)}`);
  }
  return 0;
}
