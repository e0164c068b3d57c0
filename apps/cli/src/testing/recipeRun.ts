/**
 * The test every recipe gets: train a few steps through the real CLI (image
 * recipes on the first few hundred training examples, `--limit`), then sample
 * from and evaluate the checkpoint it wrote.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Recipe } from '../recipes/recipe.js';
import { gankit, stepRecords } from './gankit.js';

/** Training examples an image recipe's test trains on and scores against. */
export const TEST_LIMIT = 256;

/** Declares the train / sample / eval tests of `recipe`, run in `root/<recipe>`. */
export function describeRecipeRun(recipe: Recipe, root: string): void {
  describe(`${recipe.name}: train a few steps, then sample and eval its checkpoint`, () => {
    const out = path.join(root, recipe.name);
    let trainOutput = '';
    it('trains and writes the checkpoint, pictures, log and metrics', () => {
      const limit = recipe.trainingSet !== undefined ? ['--limit', String(TEST_LIMIT)] : [];
      const r = gankit(root, 'train', recipe.name, '--steps', '3', '--batch-size', '8', '--out', out, '--eval-samples', '100', ...limit);
      expect(r.stderr.split('\n').filter((l) => /error/i.test(l))).toEqual([]);
      expect(r.code).toBe(0);
      trainOutput = r.stdout;
      for (const f of ['recipe.json', 'checkpoint/checkpoint.json', 'samples.png', 'metrics.json', 'log.jsonl']) expect(existsSync(path.join(out, f)), f).toBe(true);
      expect(stepRecords(path.join(out, 'log.jsonl'))).toHaveLength(3);
      const metrics = JSON.parse(readFileSync(path.join(out, 'metrics.json'), 'utf8')) as Record<string, number>;
      expect(metrics['step']).toBe(3);
      // Numbers, or "Infinity"/"NaN" as strings: never null (JSON cannot hold non-finite numbers).
      expect(Object.values(metrics).every((v) => typeof v === 'string' || Number.isFinite(v))).toBe(true);
      if (recipe.trainingSet !== undefined) {
        const record = JSON.parse(readFileSync(path.join(out, 'recipe.json'), 'utf8')) as { options: { limit?: number } };
        expect(record.options.limit).toBe(TEST_LIMIT);
      }
    });
    it('samples as PNG and as JSON of the right shape', () => {
      expect(gankit(root, 'sample', '--checkpoint', out, '--n', '10', '--out', path.join(out, 's.png')).code).toBe(0);
      expect(readFileSync(path.join(out, 's.png')).subarray(1, 4).toString()).toBe('PNG');
      expect(gankit(root, 'sample', '--checkpoint', out, '--n', '10', '--seed', '3', '--out', path.join(out, 's.json')).code).toBe(0);
      const json = JSON.parse(readFileSync(path.join(out, 's.json'), 'utf8')) as { shape: number[]; data: number[] };
      expect(json.shape[0]).toBe(10);
      expect(json.data).toHaveLength(json.shape.reduce((a, b) => a * b, 1));
      if (json.shape.length === 4) expect(json.data.every((v) => v >= 0 && v <= 1)).toBe(true);
    });
    it('evaluates as JSON', () => {
      const r = gankit(root, 'eval', '--checkpoint', out, '--json', '--samples', '100');
      expect(r.code, r.stderr).toBe(0);
      const m = JSON.parse(r.stdout) as Record<string, number>;
      expect(m['recipe']).toBe(recipe.name);
      expect(m['checkpoint']).toBe(recipe.selection !== undefined ? 'best' : 'last');
      expect(Object.keys(m).length).toBeGreaterThan(3);
    });
    if (recipe.selection !== undefined) {
      it("keeps a best checkpoint by its selection metric: the run's result, which eval and sample use by default", () => {
        // The run ends completed, so the selection metric is measured there at least.
        for (const f of ['best/checkpoint.json', 'samples-last.png', 'metrics-last.json']) expect(existsSync(path.join(out, f)), f).toBe(true);
        const manifest = JSON.parse(readFileSync(path.join(out, 'best', 'checkpoint.json'), 'utf8')) as { step: number; metadata: { monitor: { name: string; value: number } } };
        expect(manifest.metadata.monitor.name).toBe(recipe.selection!.metric);
        expect(Number.isFinite(manifest.metadata.monitor.value)).toBe(true);
        // Every measurement is printed, and the one kept is announced.
        expect(trainOutput).toContain(`validation at step ${manifest.step}: ${recipe.selection!.metric} ${+manifest.metadata.monitor.value.toFixed(4)}`);
        expect(trainOutput).toMatch(/ {2}new best( \(was [\d.]+\))?: saved to \S*best\n/);
        expect(JSON.parse(readFileSync(path.join(out, 'metrics.json'), 'utf8'))).toMatchObject({ recipe: recipe.name, checkpoint: 'best', step: manifest.step });
        expect(JSON.parse(readFileSync(path.join(out, 'metrics-last.json'), 'utf8'))).toMatchObject({ recipe: recipe.name, checkpoint: 'last', step: 3 });
        const byDefault = gankit(root, 'eval', '--checkpoint', out, '--json', '--samples', '100');
        expect(byDefault.code, byDefault.stderr).toBe(0);
        expect(JSON.parse(byDefault.stdout)).toMatchObject({ checkpoint: 'best', step: manifest.step });
        const last = gankit(root, 'eval', '--checkpoint', out, '--which', 'last', '--json', '--samples', '100');
        expect(JSON.parse(last.stdout)).toMatchObject({ checkpoint: 'last', step: 3 });
        expect(gankit(root, 'sample', '--checkpoint', out, '--which', 'best', '--n', '10', '--out', path.join(out, 'best.png')).code).toBe(0);
      });
    } else {
      it('refuses --which best: the recipe keeps only the last checkpoint', () => {
        const r = gankit(root, 'eval', '--checkpoint', out, '--which', 'best');
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`--which best: recipe '${recipe.name}' keeps no best checkpoint (only the last); use --which last`);
        expect(existsSync(path.join(out, 'best'))).toBe(false);
      });
    }
  });
}

/** Which CLI test file trains a recipe (files run side by side, so the heavy image recipes are spread over several). */
export type RecipeTestGroup = 'toy2d' | 'mnist-1' | 'mnist-2' | 'digits';

/** The test file group of every recipe, by name: `toy2d-*`, `mnist-*` (split in two), `digits-*`. */
export function recipeTestGroup(recipe: Recipe, all: readonly Recipe[]): RecipeTestGroup | undefined {
  if (recipe.name.startsWith('toy2d-')) return 'toy2d';
  if (recipe.name.startsWith('digits-')) return 'digits';
  if (!recipe.name.startsWith('mnist-')) return undefined;
  const mnist = all.filter((r) => r.name.startsWith('mnist-'));
  return mnist.indexOf(recipe) % 2 === 0 ? 'mnist-1' : 'mnist-2';
}
