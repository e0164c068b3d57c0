import * as tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { initBackend } from '@gankit/backend';
import { checkpointCallback, jsonLinesLogger, nanGuard } from '@gankit/trainers';
import type { BatchSource, StepLogs, Trainer } from '@gankit/trainers';
import { flagHelp, parseArgs, UsageError } from '../internal/args.js';
import type { FlagSpec } from '../internal/args.js';
import { displayPath } from '../internal/displayPath.js';
import { jsonNumbers } from '../internal/jsonNumbers.js';
import { plural } from '../internal/plural.js';
import { progressLine } from '../internal/progressLine.js';
import { CHECKPOINT_DIRS, checkpointUrl, readBestValue, readCheckpointStep, readRunRecord, writeRunRecord } from '../internal/runDirectory.js';
import { findRecipe, RECIPES } from '../recipes/index.js';
import type { RecipeOptions } from '../recipes/recipe.js';
import { describeMeasurement, selectionCallback } from '../internal/selection.js';

export const TRAIN_FLAGS: Record<string, FlagSpec> = {
  steps: { type: 'int', min: 1, description: 'total training steps (generator updates); with --resume, the total to reach' },
  'batch-size': { type: 'int', min: 1, description: 'examples per batch' },
  seed: { type: 'int', min: 0, description: 'seed of all randomness (weights, data, noise)' },
  limit: { type: 'int', min: 1, description: 'image recipes: train on (and score against) the first N training examples only, for a quick trial' },
  backend: { type: 'string', choices: ['wasm', 'cpu'], description: 'tfjs backend', default: 'wasm' },
  out: { type: 'string', description: 'run directory', default: 'runs/<recipe>' },
  resume: { type: 'boolean', description: "continue from --out's checkpoint" },
  'eval-samples': { type: 'int', min: 1, description: "samples for the final metrics (default: the protocol's 10,000 images / 2,500 points)" },
  help: { type: 'boolean', description: 'show this help' },
};

export const TRAIN_HELP = `gankit train <recipe> [flags]

Trains a recipe with a live progress line, writing sample pictures (PNG) and
checkpoints periodically into the run directory, a JSON-lines log, and at the
end the recipe's metrics. Ctrl-C saves a checkpoint before exiting.

Recipes: ${RECIPES.map((r) => r.name).join(', ')}

${flagHelp(TRAIN_FLAGS)}`;

/** `gankit train`: returns the process exit code. */
export async function train(argv: string[]): Promise<number> {
  const { flags, positionals } = parseArgs(argv, TRAIN_FLAGS);
  if (flags['help'] === true) {
    console.log(TRAIN_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`expected one recipe, got ${positionals.join(' ')}`);
  const recipe = findRecipe(positionals[0]);
  const out = (flags['out'] as string | undefined) ?? path.join('runs', recipe.name);
  const resume = flags['resume'] === true;
  const limit = flags['limit'] as number | undefined;
  if (limit !== undefined && recipe.trainingSet === undefined) {
    throw new UsageError(`flag --limit applies to recipes with a fixed training set; '${recipe.name}' draws fresh samples every step`);
  }
  let options: RecipeOptions = {
    steps: (flags['steps'] as number | undefined) ?? recipe.defaults.steps,
    batchSize: (flags['batch-size'] as number | undefined) ?? recipe.defaults.batchSize,
    seed: (flags['seed'] as number | undefined) ?? recipe.defaults.seed,
    ...(limit !== undefined ? { limit } : {}),
  };
  if (resume) {
    const record = await readRunRecord(out, '--out');
    if (record.recipe !== recipe.name) {
      throw new UsageError(`--resume: ${out} holds a '${record.recipe}' run, not '${recipe.name}'`);
    }
    // Batch size and seed must match the run being continued; the step budget may grow.
    for (const [key, flag] of [['batchSize', '--batch-size'], ['seed', '--seed'], ['limit', '--limit']] as const) {
      const given = flags[flag.slice(2)];
      if (given !== undefined && given !== record.options[key]) {
        throw new UsageError(`--resume: ${flag} ${String(given)} differs from the run's ${String(record.options[key] ?? 'none')}`);
      }
    }
    options = { ...record.options, steps: options.steps };
    // Refuse before any work (and before the run record is rewritten) when there is nothing left to train.
    const reached = await readCheckpointStep(out, '--out');
    if (options.steps <= reached) {
      const budget = flags['steps'] !== undefined
        ? `--steps ${options.steps} must be above it to train more`
        : `the recipe's default total, ${plural(options.steps, 'step')}, is not above it: pass --steps above ${reached} to train more`;
      throw new UsageError(`--resume: the run in ${displayPath(out)} is already at step ${reached}; ${budget}`);
    }
  }
  const shown = displayPath(out);

  const info = await initBackend({ backend: flags['backend'] as 'wasm' | 'cpu' | undefined, quiet: true });
  console.log(`gankit train ${recipe.name}: ${plural(options.steps, 'step')}, batch ${options.batchSize}, seed ${options.seed}${options.limit !== undefined ? `, first ${plural(options.limit, 'training example')} of ${recipe.trainingSet ?? 'the training set'}` : ''}, backend ${info.backend} → ${shown}`);
  const run = await recipe.create(options);
  if (resume) {
    await run.trainer.load(checkpointUrl(out));
    console.log(`resumed at step ${run.trainer.stepCount}`);
  } else if (existsSync(path.join(out, 'checkpoint'))) {
    console.log(`note: replacing the earlier run in ${shown} (use --resume to continue it)`);
    await rm(path.join(out, 'log.jsonl'), { force: true });
  }
  if (!resume) {
    // A best checkpoint of an earlier run in this directory must not outlive it.
    for (const stale of [CHECKPOINT_DIRS.best, 'samples-last.png', 'metrics-last.json']) await rm(path.join(out, stale), { recursive: true, force: true });
  }
  const previousBest = resume ? await readBestValue(out) : undefined;
  const chosen = recipe.selection;
  const selection =
    chosen !== undefined
      ? selectionCallback(run, chosen, checkpointUrl(out, 'best'), {
          ...(previousBest !== undefined ? { best: previousBest } : {}),
          // On a terminal, over the progress line (which the next step redraws below).
          onMeasure: (step, value) => console.log(`${process.stdout.isTTY ? '\r\x1b[K' : ''}${describeMeasurement(chosen, step, value)}`),
          onImprove: ({ previous }) =>
            console.log(`  new best${previous !== undefined ? ` (was ${+previous.toFixed(4)})` : ''}: saved to ${path.join(shown, CHECKPOINT_DIRS.best)}`),
        })
      : undefined;
  await writeRunRecord(out, { recipe: recipe.name, options });

  const remaining = Math.max(0, options.steps - run.trainer.stepCount);
  const controller = new AbortController();
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(130);
    console.log('\ninterrupted: saving a checkpoint before exiting (Ctrl-C again to quit at once)');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    // A recipe pairs its trainer with batches of the kind that trainer takes (images, or unpaired {a, b}).
    const trainer = run.trainer as Trainer<StepLogs, unknown>;
    const result = await trainer.fit(run.batches(run.trainer.stepCount) as BatchSource<unknown>, {
      steps: remaining,
      signal: controller.signal,
      callbacks: [
        nanGuard(),
        progressLine(),
        jsonLinesLogger(path.join(out, 'log.jsonl')),
        {
          // A picture every sampleEvery steps, from fixed seeds so pictures of different steps compare.
          async onStepEnd(logs) {
            if (logs.step % recipe.defaults.sampleEvery !== 0) return;
            const samples = run.sample(run.pictureSamples, { seed: 1 });
            await run.writePicture(samples, path.join(out, 'samples', `step-${String(logs.step).padStart(6, '0')}.png`));
            samples.dispose();
          },
        },
        checkpointCallback({ destination: checkpointUrl(out), every: recipe.defaults.checkpointEvery }),
        ...(selection !== undefined ? [selection] : []),
      ],
    });
    if (result.stopReason === 'aborted') {
      console.log(`stopped at step ${run.trainer.stepCount}; checkpoint saved in ${path.join(shown, 'checkpoint')} (continue with --resume)`);
      return 130;
    }
  } finally {
    process.off('SIGINT', onSigint);
  }
  const evalSamples = flags['eval-samples'] as number | undefined;
  const finalOutputs = async (which: 'last' | 'best', suffix: string): Promise<Record<string, number>> => {
    const samples = run.sample(run.pictureSamples === 1000 ? 2500 : run.pictureSamples, { seed: 1 });
    await run.writePicture(samples, path.join(out, `samples${suffix}.png`));
    samples.dispose();
    const metrics = await run.evaluate(evalSamples !== undefined ? { samples: evalSamples } : {});
    await writeFile(path.join(out, `metrics${suffix}.json`), `${JSON.stringify(jsonNumbers({ recipe: recipe.name, checkpoint: which, step: run.trainer.stepCount, ...metrics }), null, 2)}\n`);
    return metrics;
  };
  const show = (metrics: Record<string, number>): string => Object.entries(metrics).map(([k, v]) => `${k} ${+v.toFixed(4)}`).join(', ');
  // A recipe that keeps a best checkpoint gives it as its result (samples.png, metrics.json), the last beside it (-last);
  // any other recipe's result is its last checkpoint.
  const keepsBest = selection !== undefined && existsSync(path.join(out, CHECKPOINT_DIRS.best));
  const last = await finalOutputs('last', keepsBest ? '-last' : '');
  console.log(`done: ${plural(run.trainer.stepCount, 'step')}. ${keepsBest ? 'last checkpoint: ' : ''}${show(last)}`);
  const written = ['checkpoint', 'samples.png', 'metrics.json', 'log.jsonl'];
  if (keepsBest) {
    const info = await run.trainer.load(checkpointUrl(out, 'best'));
    const monitor = (info.metadata as { monitor?: { name: string; value: number } } | undefined)?.monitor;
    const best = await finalOutputs('best', '');
    console.log(`best checkpoint (the run's result): step ${info.step}${monitor !== undefined ? `, ${monitor.name} ${+monitor.value.toFixed(4)} on the validation split` : ''}. ${show(best)}`);
    written.splice(1, 0, CHECKPOINT_DIRS.best);
    written.push('samples-last.png', 'metrics-last.json');
  }
  console.log(`wrote ${written.map((f) => path.join(shown, f)).join(', ')}`);
  run.trainer.dispose();
  tf.disposeVariables();
  return 0;
}
