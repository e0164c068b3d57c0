/** The translation recipes through the real CLI, on a few hundred digits, and `gankit translate`. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeImage, loadMnist } from '@gankit/datasets';
import { gankit, scratchDirectory } from '../testing/gankit.js';
import { describeRecipeRun, recipeTestGroup } from '../testing/recipeRun.js';
import { RECIPES } from './index.js';

const ROOT = scratchDirectory();
for (const recipe of RECIPES.filter((r) => recipeTestGroup(r, RECIPES) === 'digits')) describeRecipeRun(recipe, ROOT);

describe('gankit translate', () => {
  const out = path.join(ROOT, 'digits-cyclegan');
  it('translates JSON images A→B and B→A with a translation run, and refuses a non-translation run', () => {
    const input = path.join(ROOT, 'grey.json');
    writeFileSync(input, JSON.stringify({ shape: [2, 28, 28, 1], data: Array.from({ length: 2 * 784 }, (_, i) => (i % 28) / 27) }));
    for (const direction of ['AtoB', 'BtoA']) {
      const file = path.join(ROOT, `translated-${direction}.json`);
      const r = gankit(ROOT, 'translate', '--checkpoint', out, '--direction', direction, '--input', input, '--out', file);
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(readFileSync(file, 'utf8')) as { shape: number[]; data: number[] };
      expect(json.shape).toEqual([2, 28, 28, 3]);
      expect(json.data.every((v) => v >= 0 && v <= 1)).toBe(true);
    }
    // A 2-D run directory (its record and a checkpoint folder): refused before anything is loaded.
    const toy = path.join(ROOT, 'toy2d-gan');
    mkdirSync(path.join(toy, 'checkpoint'), { recursive: true });
    writeFileSync(path.join(toy, 'recipe.json'), JSON.stringify({ recipe: 'toy2d-gan', options: { steps: 1, batchSize: 8, seed: 0 } }));
    const r = gankit(ROOT, 'translate', '--checkpoint', toy, '--direction', 'AtoB', '--input', input, '--out', path.join(ROOT, 'x.json'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("'toy2d-gan' is not a translation recipe");
  });
  it("draws a translation run's samples beside their sources: rows A, A→B, B, B→A, one test digit per column", async () => {
    const file = path.join(out, 'pairs.png');
    expect(gankit(ROOT, 'sample', '--checkpoint', out, '--n', '10', '--out', file).code).toBe(0);
    const picture = decodeImage(readFileSync(file), file);
    // 10 columns × 4 rows of 28-px cells with 2-px padding.
    expect([picture.width, picture.height]).toEqual([10 * 28 + 11 * 2, 4 * 28 + 5 * 2]);
    // The first row is the first 10 real MNIST test digits, as drawn from [−1, 1].
    const mnist = await loadMnist({ split: 'test', range: '[-1,1]', limit: 10 });
    let worst = 0;
    for (let d = 0; d < 10; d++) {
      for (let y = 0; y < 28; y++) {
        for (let x = 0; x < 28; x++) {
          const expected = ((mnist.x[d * 784 + y * 28 + x]! + 1) / 2) * 255;
          const pixel = picture.data[((2 + y) * picture.width + 2 + d * 30 + x) * 4]!;
          worst = Math.max(worst, Math.abs(pixel - expected));
        }
      }
    }
    expect(worst).toBeLessThanOrEqual(1);
  });
  it('names the input file and what is wrong with it', () => {
    const bad = path.join(ROOT, 'bad.json');
    writeFileSync(bad, JSON.stringify({ shape: [1, 28, 28, 1], data: [2] }));
    const r = gankit(ROOT, 'translate', '--checkpoint', out, '--direction', 'AtoB', '--input', bad, '--out', path.join(ROOT, 'y.json'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`--input ${bad}: 'data' must hold 784 numbers in [0, 1]`);
  });
});
