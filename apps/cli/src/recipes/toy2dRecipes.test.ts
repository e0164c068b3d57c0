/** The 2-D recipes through the real CLI, and resuming a run. */
import * as path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
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
  it('--resume keeps the best checkpoint unless the selection metric improves on it', () => {
    const out = path.join(ROOT, 'resume-best');
    expect(gankit(ROOT, 'train', 'toy2d-mixture-pacgan', '--steps', '2', '--batch-size', '8', '--out', out, '--eval-samples', '100').code).toBe(0);
    const before = JSON.parse(readFileSync(path.join(out, 'best', 'checkpoint.json'), 'utf8')) as { step: number; metadata: { monitor: { value: number } } };
    expect(before.step).toBe(2);
    const r = gankit(ROOT, 'train', 'toy2d-mixture-pacgan', '--steps', '4', '--out', out, '--resume', '--eval-samples', '100');
    expect(r.code, r.stderr).toBe(0);
    const after = JSON.parse(readFileSync(path.join(out, 'best', 'checkpoint.json'), 'utf8')) as { step: number; metadata: { monitor: { value: number } } };
    // Step 4 replaced step 2's best only if its density is higher.
    expect(after.step === 2 ? after.metadata.monitor.value === before.metadata.monitor.value : after.metadata.monitor.value > before.metadata.monitor.value).toBe(true);
    expect(r.stdout).toMatch(new RegExp(`best checkpoint \\(the run's result\\): step ${after.step}, density [0-9.]+ on the validation split`));
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
