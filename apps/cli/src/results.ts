/**
 * `pnpm results [recipe …]`: trains each reference recipe with fixed seeds and
 * step budgets, evaluates it, stores the numbers in docs/results.json and
 * rewrites docs/results.md from everything stored — a table per task with our
 * numbers (mean ± std over seeds), the published anchors of
 * shared/EVALUATION.md, the targets and whether they are met, the budget, the
 * backend and the wall time. Nothing in results.md is typed by hand.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { initBackend } from '@gankit/backend';
import { progressCallback } from '@gankit/trainers';
import type { BatchSource, StepLogs, Trainer } from '@gankit/trainers';
import { displayPath } from './internal/displayPath.js';
import { plural } from './internal/plural.js';
import { describeMeasurement, describeSelection, selectionCallback } from './internal/selection.js';
import { findRecipe } from './recipes/index.js';
import { TASKS } from './results/tasks.js';
import { budgetKey } from './results/render.js';
import { MNIST_FLOOR_WHAT, TRANSLATION_FLOOR_WHAT, measureMnistFloors, measureTranslationFloor } from './results/floors.js';
import type { RecipeResult } from './results/render.js';
import { JSON_FILE, MD_FILE, pictureFile, recordResult, updateStored } from './results/store.js';

async function runRecipe(name: string, stepsOverride: number | undefined, seedsOverride: number[] | undefined): Promise<RecipeResult> {
  const task = TASKS.find((t) => t.recipes.some((r) => r.recipe === name));
  const found = task?.recipes.find((r) => r.recipe === name);
  if (task === undefined || found === undefined) throw new Error(`results: no task measures '${name}'`);
  const unknown = (seedsOverride ?? []).filter((s) => !found.seeds.includes(s));
  if (unknown.length > 0) throw new Error(`results: --seeds ${unknown.join(',')} not among ${name}'s seeds ${found.seeds.join(', ')}`);
  const spec = { ...found, steps: stepsOverride ?? found.steps, seeds: seedsOverride ?? found.seeds };
  // The results.json key: the recipe at its task's budget, `recipe@steps` at another.
  const key = spec.steps === found.steps ? name : budgetKey(name, spec.steps);
  const recipe = findRecipe(name);
  const useBest = found.checkpoint === 'best';
  if (useBest && recipe.selection === undefined) throw new Error(`results: ${name} is measured at its best checkpoint, but the recipe has no selection`);
  const info = await initBackend({ quiet: true });
  const runs: RecipeResult['runs'] = [];
  for (const seed of spec.seeds) {
    const run = await recipe.create({ steps: spec.steps, batchSize: recipe.defaults.batchSize, seed });
    const start = performance.now();
    const trainer = run.trainer as Trainer<StepLogs, unknown>;
    const every = Math.max(1, Math.round(spec.steps / 20));
    const report = progressCallback(
      (e) => {
        if (e.phase === 'step') console.log(`${name} seed ${seed}: step ${e.step}/${spec.steps}, ${e.elapsedSeconds.toFixed(0)} s, ETA ${(e.etaSeconds ?? 0).toFixed(0)} s`);
      },
      { every },
    );
    // With checkpoint 'best': keep the best checkpoint by the recipe's selection metric (validation split) and score that one.
    const bestDir = useBest ? await mkdtemp(path.join(os.tmpdir(), 'gankit-results-')) : undefined;
    const validation: [number, number][] = [];
    const onMeasure = (step: number, value: number): void => {
      validation.push([step, value]);
      console.log(`${name} seed ${seed}: ${describeMeasurement(recipe.selection!, step, value)}`);
    };
    const callbacks = bestDir !== undefined ? [report, selectionCallback(run, recipe.selection!, `file://${bestDir}/best`, { onMeasure })] : [report];
    await trainer.fit(run.batches(0) as BatchSource<unknown>, { steps: spec.steps, callbacks });
    const seconds = (performance.now() - start) / 1000;
    let checkpointStep: number | undefined;
    if (bestDir !== undefined) {
      checkpointStep = (await trainer.load(`file://${bestDir}/best`)).step;
      await rm(bestDir, { recursive: true, force: true });
    }
    const metrics = await run.evaluate();
    runs.push({ seed, seconds, metrics, ...(checkpointStep !== undefined ? { checkpointStep, validation } : {}) });
    if (seed === found.seeds[0]) {
      // The first seed's samples as a committed picture (docs/results/<recipe>.png): a sample grid, a scatter plot or translations.
      const samples = run.sample(run.pictureSamples, { seed: 1 });
      try {
        await run.writePicture(samples, pictureFile(key));
      } finally {
        samples.dispose();
      }
    }
    console.log(`${name} seed ${seed}: ${plural(spec.steps, 'step')} in ${seconds.toFixed(0)} s${checkpointStep !== undefined ? ` (best checkpoint: step ${checkpointStep})` : ''} — ${Object.entries(metrics).map(([k, v]) => `${k} ${+v.toFixed(4)}`).join(', ')}`);
    trainer.dispose();
    tf.disposeVariables();
  }
  return {
    recipe: key,
    steps: spec.steps,
    batchSize: recipe.defaults.batchSize,
    backend: `${info.backend}${info.simd ? ' (SIMD)' : ''}${info.threads > 1 ? `, ${info.threads} threads` : ''}`,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`,
    date: new Date().toISOString().slice(0, 10),
    runs,
    checkpoint: useBest ? describeSelection(recipe.selection) : 'last',
    picture: spec.seeds.includes(found.seeds[0]!),
  };
}

/** Parses `[--steps N] [recipe …]`; names are checked before anything trains. */
function parseArgs(argv: string[]): { names: string[]; steps: number | undefined; seeds: number[] | undefined; renderOnly: boolean; floors: boolean } {
  const names: string[] = [];
  let steps: number | undefined;
  let seeds: number[] | undefined;
  let renderOnly = false;
  let floors = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--steps') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new Error(`results: --steps expects an integer ≥ 1, got '${argv[i] ?? ''}'`);
      steps = v;
    } else if (a === '--seeds') {
      const raw = argv[++i] ?? '';
      seeds = raw.split(',').map(Number);
      if (raw === '' || seeds.some((v) => !Number.isInteger(v) || v < 0)) throw new Error(`results: --seeds expects integers like 0,1,2, got '${raw}'`);
    } else if (a === '--render') {
      renderOnly = true;
    } else if (a === '--floors') {
      floors = true;
    } else if (a.startsWith('-')) {
      throw new Error(`results: unknown flag '${a}'; usage: pnpm results [--steps N] [--seeds a,b] [recipe …] | pnpm results --floors | pnpm results --render`);
    } else {
      names.push(a);
    }
  }
  const all = TASKS.flatMap((t) => t.recipes.map((r) => r.recipe));
  for (const n of names) if (!all.includes(n)) throw new Error(`results: no task measures '${n}'; expected one of ${all.join(', ')}`);
  if (steps !== undefined && names.length === 0) throw new Error('results: --steps needs the recipes it applies to');
  if (seeds !== undefined && names.length === 0) throw new Error('results: --seeds needs the recipes it applies to');
  if ((renderOnly || floors) && (names.length > 0 || steps !== undefined)) throw new Error('results: --render and --floors take no recipes or --steps');
  const none = renderOnly || floors;
  // With no arguments: the floors and every recipe.
  return { names: none ? [] : names.length > 0 ? names : all, steps, seeds, renderOnly, floors: floors || (!renderOnly && argv.length === 0) };
}

/** The translation task's title, where its floor row is stored. */
const TRANSLATION_TITLE = TASKS.find((t) => t.recipes.some((r) => r.recipe === 'digits-cyclegan'))!.title;

async function main(argv: string[]): Promise<void> {
  const { names, steps, seeds, floors } = parseArgs(argv); // with --render, names is empty: only the rewrite below runs
  if (floors) {
    await initBackend({ quiet: true });
    const measured = await measureMnistFloors();
    const translation = await measureTranslationFloor();
    const date = new Date().toISOString().slice(0, 10);
    await updateStored((s) => {
      s.floors ??= {};
      for (const [title, metrics] of Object.entries(measured)) s.floors[title] = { what: MNIST_FLOOR_WHAT, date, metrics };
      s.floors[TRANSLATION_TITLE] = { what: TRANSLATION_FLOOR_WHAT, date, metrics: translation };
    });
    console.log(`floors: ${JSON.stringify({ ...measured, [TRANSLATION_TITLE]: translation })}`);
  }
  for (const name of names) {
    await recordResult(await runRecipe(name, steps, seeds), { merge: seeds !== undefined });
  }
  await updateStored(() => undefined);
  console.log(`wrote ${displayPath(MD_FILE)} and ${displayPath(JSON_FILE)}`);
}

await main(process.argv.slice(2));
