/**
 * Seconds per training step of reference recipes, measured side by side in
 * interleaved rounds (so a busy machine slows every recipe alike and the
 * ratios stay meaningful), to project a budget's wall time:
 *
 *   GANKIT_WASM_THREADS=2 pnpm step-time digits-cyclegan digits-unit [--steps 20] [--rounds 3]
 *   pnpm step-time digits-unit --profile      # one step per recipe, by kernel
 *   pnpm step-time digits-unit --profile --shapes   # … and by kernel and input shapes
 *   pnpm step-time digits-cyclegan --without GankitInstanceNorm,GankitInstanceNormGrad
 *
 * `--without` adds, for each recipe, a second entry timed (in the same
 * interleaved rounds) with the named kernels unregistered from the active
 * backend, so a layer that falls back to composed ops when its kernel is
 * missing can be measured against itself.
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
  /** Kernels unregistered while this entry runs. */
  without: tf.KernelConfig[];
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

/** Runs `f` with `t.without` unregistered from the active backend, registering them again after. */
async function withoutKernels<T>(t: Timed, f: () => Promise<T>): Promise<T> {
  for (const k of t.without) tf.unregisterKernel(k.kernelName, k.backendName);
  try {
    return await f();
  } finally {
    for (const k of t.without) tf.registerKernel(k);
  }
}

async function step(t: Timed): Promise<void> {
  const trainer = t.run.trainer as Trainer<StepLogs, unknown>;
  await trainer.step(t.batches.next().value);
}

/**
 * One step under `tf.profile`: its wall time, and kernel time and calls by
 * kernel name. Only kernels registered on the backend count: `tf.profile`
 * also lists the scopes of custom-gradient ops (`fusedConv2d__op`, `unnamed
 * scope`), whose time is that of the kernels inside them.
 */
async function printProfile(t: Timed, shapes: boolean): Promise<void> {
  const start = performance.now();
  const info = await tf.profile(() => step(t) as unknown as tf.TensorContainer);
  const wall = performance.now() - start;
  const backend = tf.getBackend();
  const byKernel = new Map<string, { ms: number; calls: number }>();
  const byShapes = new Map<string, { ms: number; calls: number }>();
  for (const k of info.kernels) {
    if (tf.getKernel(k.name, backend) == null) continue;
    const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
    for (const [map, key] of [[byKernel, k.name], [byShapes, `${k.name} ${JSON.stringify(k.inputShapes)}`]] as const) {
      const e = map.get(key) ?? { ms: 0, calls: 0 };
      e.ms += ms;
      e.calls += 1;
      map.set(key, e);
    }
  }
  const kernelMs = [...byKernel.values()].reduce((a, e) => a + e.ms, 0);
  const calls = [...byKernel.values()].reduce((a, e) => a + e.calls, 0);
  console.log(`${t.recipe.name}: one profiled step ${wall.toFixed(0)} ms, ${calls} kernels, ${kernelMs.toFixed(0)} ms inside them`);
  console.log('| kernel | ms | share | calls |');
  console.log('| --- | --- | --- | --- |');
  for (const [name, e] of [...byKernel.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 20)) {
    console.log(`| ${name} | ${e.ms.toFixed(1)} | ${((100 * e.ms) / kernelMs).toFixed(1)} % | ${e.calls} |`);
  }
  if (!shapes) return;
  console.log('| kernel and input shapes | ms | share | calls |');
  console.log('| --- | --- | --- | --- |');
  for (const [key, e] of [...byShapes.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) {
    console.log(`| ${key} | ${e.ms.toFixed(1)} | ${((100 * e.ms) / kernelMs).toFixed(1)} % | ${e.calls} |`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const steps = option(args, '--steps', 20);
  const rounds = option(args, '--rounds', 3);
  if (args.length === 0) throw new Error('name at least one recipe, e.g. `pnpm step-time digits-cyclegan digits-unit`');
  let withoutNames: string[] = [];
  const w = args.indexOf('--without');
  if (w >= 0) {
    withoutNames = (args[w + 1] ?? '').split(',').filter((k) => k !== '');
    if (withoutNames.length === 0) throw new Error('--without takes a comma-separated list of kernel names, e.g. GankitInstanceNorm,GankitInstanceNormGrad');
    args.splice(w, 2);
  }
  const profile = args.includes('--profile');
  if (profile) args.splice(args.indexOf('--profile'), 1);
  const shapes = args.includes('--shapes');
  if (shapes) args.splice(args.indexOf('--shapes'), 1);
  if (shapes && !profile) throw new Error('--shapes goes with --profile');
  const recipes = args.map((name) => findRecipe(name));
  const info = await initBackend({ quiet: true });
  const without = withoutNames.map((name) => {
    const config = tf.getKernel(name, info.backend);
    if (config == null) throw new Error(`--without: no kernel '${name}' is registered on the ${info.backend} backend`);
    return config;
  });
  const timed: Timed[] = [];
  for (const recipe of recipes) {
    for (const off of without.length > 0 ? [[], without] : [[]]) {
      const run = await recipe.create({ ...recipe.defaults, seed: 0 });
      const batches = syncIterator(run.batches(0) as BatchSource<unknown>, recipe.name);
      const t: Timed = { recipe, without: off, run, batches, seconds: [] };
      await withoutKernels(t, async () => {
        for (let i = 0; i < 3; i++) await step(t);
      });
      timed.push(t);
    }
  }
  if (profile) {
    for (const t of timed) await withoutKernels(t, () => printProfile(t, shapes));
    return;
  }
  for (let round = 0; round < rounds; round++) {
    for (const t of timed) {
      await withoutKernels(t, async () => {
        const start = performance.now();
        for (let i = 0; i < steps; i++) await step(t);
        t.seconds.push((performance.now() - start) / 1000 / steps);
      });
    }
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const first = median(timed[0]!.seconds);
  console.log(`backend ${info.backend}, ${info.threads} thread(s); ${rounds} rounds of ${steps} steps each, interleaved; tensors alive ${tf.memory().numTensors}`);
  console.log('| recipe | batch | s/step (median) | rounds | × first entry | default budget |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const t of timed) {
    const s = median(t.seconds);
    const d = t.recipe.defaults;
    const name = t.without.length > 0 ? `${t.recipe.name} without ${withoutNames.join(', ')}` : t.recipe.name;
    console.log(`| ${name} | ${d.batchSize} | ${s.toFixed(3)} | ${t.seconds.map((x) => x.toFixed(3)).join(', ')} | ${(s / first).toFixed(2)} | ${d.steps} steps ≈ ${((s * d.steps) / 60).toFixed(0)} min |`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
