/** The 2-D recipes through the real CLI, and resuming a run. */
import * as path from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gankit, scratchDirectory, stepRecords } from '../testing/gankit.js';
import { describeRecipeRun, recipeTestGroup } from '../testing/recipeRun.js';
import { RECIPES } from './index.js';

const ROOT = scratchDirectory();

for (const recipe of RECIPES.filter((r) => recipeTestGroup(r, RECIPES) === 'toy2d')) describeRecipeRun(recipe, ROOT);

describe('resume and mismatched runs', () => {
  it('--resume continues to the new total, appending to the log', () => {
    const out = path.join(ROOT, 'resume');
    expect(gankit(ROOT, 'train', 'toy2d-gan', '--steps', '2', '--batch-size', '16', '--out', out).code).toBe(0);
    const r = gankit(ROOT, 'train', 'toy2d-gan', '--steps', '4', '--out', out, '--resume');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('resumed at step 2');
    expect(stepRecords(path.join(out, 'log.jsonl')).map((r) => r['step'])).toEqual([1, 2, 3, 4]);
  });
  it("refuses to resume another recipe's run", () => {
    const r = gankit(ROOT, 'train', 'toy2d-wgan', '--resume', '--out', path.join(ROOT, 'toy2d-gan'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("holds a 'toy2d-gan' run, not 'toy2d-wgan'");
  });
  it('refuses a directory that is not a run', () => {
    writeFileSync(path.join(ROOT, 'not-a-run.txt'), 'x');
    const r = gankit(ROOT, 'eval', '--checkpoint', ROOT);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('not a gankit run directory');
  });
});
