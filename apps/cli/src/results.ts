/**
 * `pnpm results [recipe …]`: trains each reference recipe with fixed seeds and
 * step budgets, evaluates it, stores the numbers in docs/results.json and
 * rewrites docs/results.md from everything stored — a table per task with our
 * numbers (mean ± std over seeds), the published anchors of
 * shared/EVALUATION.md, the targets and whether they are met, the budget, the
 * backend and the wall time. Nothing in results.md is typed by hand.
 */
import * as tf from '@tensorflow/tfjs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initBackend } from '@gankit/backend';
import { progressCallback } from '@gankit/trainers';
import type { BatchSource, StepLogs, Trainer } from '@gankit/trainers';
import { findRecipe } from './recipes/index.js';
import { TASKS } from './results/tasks.js';
import type { RecipeResult } from './results/render.js';
import { JSON_FILE, MD_FILE, recordResult, updateStored } from './results/store.js';

async function runRecipe(name: string): Promise<RecipeResult> {
  const task = TASKS.find((t) => t.recipes.some((r) => r.recipe === name));
  const spec = task?.recipes.find((r) => r.recipe === name);
  if (task === undefined || spec === undefined) throw new Error(`results: no task measures '${name}'`);
  const recipe = findRecipe(name);
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
    await trainer.fit(run.batches(0) as BatchSource<unknown>, { steps: spec.steps, callbacks: [report] });
    const seconds = (performance.now() - start) / 1000;
    const metrics = await run.evaluate();
    runs.push({ seed, seconds, metrics });
    console.log(`${name} seed ${seed}: ${spec.steps} steps in ${seconds.toFixed(0)} s — ${Object.entries(metrics).map(([k, v]) => `${k} ${+v.toFixed(4)}`).join(', ')}`);
    trainer.dispose();
    tf.disposeVariables();
  }
  return {
    recipe: name,
    steps: spec.steps,
    batchSize: recipe.defaults.batchSize,
    backend: `${info.backend}${info.simd ? ' (SIMD)' : ''}${info.threads > 1 ? `, ${info.threads} threads` : ''}`,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}`,
    date: new Date().toISOString().slice(0, 10),
    runs,
  };
}

async function main(argv: string[]): Promise<void> {
  const names = argv.length > 0 ? argv : TASKS.flatMap((t) => t.recipes.map((r) => r.recipe));
  for (const name of names) {
    await recordResult(await runRecipe(name));
  }
  await updateStored(() => undefined);
  console.log(`wrote ${path.relative(process.cwd(), MD_FILE)} and ${path.relative(process.cwd(), JSON_FILE)}`);
}

await main(process.argv.slice(2));
