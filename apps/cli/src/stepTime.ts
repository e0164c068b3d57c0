/**
 * Seconds per training step of reference recipes, measured side by side in
 * interleaved rounds (so a busy machine slows every recipe alike and the
 * ratios stay meaningful), to project a budget's wall time:
 *
 *   GANKIT_WASM_THREADS=2 pnpm step-time digits-cyclegan digits-unit [--steps 20] [--rounds 3]
 *
 * Each recipe is built as shipped (its default batch size, seed 0), warmed up
 * by 3 steps, then timed for `--steps` steps per round. Prints, per recipe,
 * the median seconds per step over the rounds, the ratio to the first recipe,
 * and the projected minutes of its default budget (training only: no
 * validation or evaluation).
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@gankit/backend';
import type { BatchSource, StepLogs, Trainer } from '@gankit/trainers';
import { findRecipe } from './recipes/index.js';
import type { Recipe, RecipeRun } from './recipes/recipe.js';

interface Timed {
  recipe: Recipe;
  run: RecipeRun;
  batches: Iterator<unknown>;
  seconds: number[];
}

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got '${args[i + 1]}'`);
  args.splice(i, 2);
  return value;
}

/** The recipes' batch sources are synchronous generators; anything else is refused by name. */
function syncIterator(source: BatchSource<unknown>, name: string): Iterator<unknown> {
  if (Symbol.iterator in source) return source[Symbol.iterator]();
  if ('next' in source && !(Symbol.asyncIterator in source)) return source as Iterator<unknown>;
  throw new Error(`${name}: its batches are asynchronous; step-time takes synchronous batch sources only`);
}

async function step(t: Timed): Promise<void> {
  const trainer = t.run.trainer as Trainer<StepLogs, unknown>;
  await trainer.step(t.batches.next().value);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const steps = option(args, '--steps', 20);
  const rounds = option(args, '--rounds', 3);
  if (args.length === 0) throw new Error('name at least one recipe, e.g. `pnpm step-time digits-cyclegan digits-unit`');
  const recipes = args.map((name) => findRecipe(name));
  const info = await initBackend({ quiet: true });
  const timed: Timed[] = [];
  for (const recipe of recipes) {
    const run = await recipe.create({ ...recipe.defaults, seed: 0 });
    const batches = syncIterator(run.batches(0) as BatchSource<unknown>, recipe.name);
    const t = { recipe, run, batches, seconds: [] };
    for (let i = 0; i < 3; i++) await step(t);
    timed.push(t);
  }
  for (let round = 0; round < rounds; round++) {
    for (const t of timed) {
      const start = performance.now();
      for (let i = 0; i < steps; i++) await step(t);
      t.seconds.push((performance.now() - start) / 1000 / steps);
    }
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const first = median(timed[0]!.seconds);
  console.log(`backend ${info.backend}, ${info.threads} thread(s); ${rounds} rounds of ${steps} steps each, interleaved; tensors alive ${tf.memory().numTensors}`);
  console.log('| recipe | batch | s/step (median) | rounds | × first | default budget |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const t of timed) {
    const s = median(t.seconds);
    const d = t.recipe.defaults;
    console.log(`| ${t.recipe.name} | ${d.batchSize} | ${s.toFixed(3)} | ${t.seconds.map((x) => x.toFixed(3)).join(', ')} | ${(s / first).toFixed(2)} | ${d.steps} steps ≈ ${((s * d.steps) / 60).toFixed(0)} min |`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
