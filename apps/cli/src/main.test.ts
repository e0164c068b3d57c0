/**
 * `gankit` as a program: `list`, every command's `--help`, and bad arguments
 * that fail before any work, naming the flag. `main()` runs in this process;
 * two runs of the real executable check that its exit code and streams are
 * what `main()` returns and prints.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './main.js';
import { RECIPES } from './recipes/index.js';
import { gankit, scratchDirectory } from './testing/gankit.js';
import { recipeTestGroup } from './testing/recipeRun.js';

/** Runs `main(args)` in this process, capturing what it prints. */
async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await main(args);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('gankit list and help', () => {
  it('lists every recipe, one line each', async () => {
    const r = await run('list');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => l.split(/\s+/)[0])).toEqual(RECIPES.map((x) => x.name));
  });
  it('every recipe is trained by one of the CLI test files', () => {
    expect(RECIPES.filter((r) => recipeTestGroup(r, RECIPES) === undefined).map((r) => r.name)).toEqual([]);
  });
  it.each(['train', 'sample', 'eval', 'translate'])('%s --help', async (command) => {
    const r = await run(command, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`gankit ${command}`);
  });
});

describe('bad arguments fail before any work, naming the flag', () => {
  it.each([
    [['train', 'toy2d-gan', '--steps', '0'], "flag --steps must be an integer ≥ 1; got '0'"],
    [['train', 'toy2d-gan', '--backend', 'gpu'], "flag --backend must be one of wasm, cpu; got 'gpu'"],
    [['train', 'toy2d-gan', '--batch-size'], 'flag --batch-size needs a value'],
    [['train', 'toy2d-gan', '--epochs', '3'], 'unknown flag --epochs'],
    [['train', 'toy2d-gan', '--limit', '100'], "flag --limit applies to recipes with a fixed training set; 'toy2d-gan' draws fresh samples every step"],
    [['train', 'mnist-dcgan', '--limit', '0'], "flag --limit must be an integer ≥ 1; got '0'"],
    [['train', 'no-such-recipe'], "unknown recipe 'no-such-recipe'; expected one of toy2d-mixture-pacgan, toy2d-gan"],
    [['sample', '--checkpoint', 'missing-dir', '--n', '4', '--out', 'x.png'], '--checkpoint missing-dir: no such directory'],
    [['sample', '--checkpoint', '.', '--n', '4', '--out', 'x.gif'], "--out must end in .png or .json; got 'x.gif'"],
    [['eval'], 'missing --checkpoint'],
    [['frobnicate'], "unknown command 'frobnicate'"],
  ])('%j', async (args, message) => {
    const r = await run(...args);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(message);
  });
});

describe('the real executable', () => {
  const cwd = scratchDirectory();
  it('prints the recipes on stdout and exits 0', () => {
    const r = gankit(cwd, 'list');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(RECIPES.length);
  });
  it('exits 2 with the usage error on stderr', () => {
    const r = gankit(cwd, 'train', 'toy2d-gan', '--steps', '0');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("flag --steps must be an integer ≥ 1; got '0'");
  });
});
