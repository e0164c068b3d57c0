/**
 * The CLI as a user runs it: a real child process (`tsx src/main.ts …`), real
 * training for a few steps, real files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeImage, loadMnist } from '@gankit/datasets';
import { RECIPES } from './recipes/index.js';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');
const ROOT = mkdtempSync(path.join(tmpdir(), 'gankit-cli-'));

function gankit(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--conditions=@gankit/source', '--import', TSX, MAIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The per-step records of a JSON-lines log (not the run-end events). */
function stepRecords(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((r) => r['event'] === undefined);
}

describe('gankit list and help', () => {
  it('lists every recipe, one line each', () => {
    const r = gankit('list');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => l.split(/\s+/)[0])).toEqual(RECIPES.map((x) => x.name));
  });
  it('--help works on every command', () => {
    for (const command of ['train', 'sample', 'eval', 'translate']) {
      const r = gankit(command, '--help');
      expect(r.code, command).toBe(0);
      expect(r.stdout).toContain(`gankit ${command}`);
    }
  });
});

describe('bad arguments fail before any work, naming the flag', () => {
  it.each([
    [['train', 'toy2d-gan', '--steps', '0'], "flag --steps must be an integer ≥ 1; got '0'"],
    [['train', 'toy2d-gan', '--backend', 'gpu'], "flag --backend must be one of wasm, cpu; got 'gpu'"],
    [['train', 'toy2d-gan', '--batch-size'], 'flag --batch-size needs a value'],
    [['train', 'toy2d-gan', '--epochs', '3'], 'unknown flag --epochs'],
    [['train', 'no-such-recipe'], "unknown recipe 'no-such-recipe'; expected one of toy2d-gan"],
    [['sample', '--checkpoint', 'missing-dir', '--n', '4', '--out', 'x.png'], '--checkpoint missing-dir: no such directory'],
    [['sample', '--checkpoint', '.', '--n', '4', '--out', 'x.gif'], "--out must end in .png or .json; got 'x.gif'"],
    [['eval'], 'missing --checkpoint'],
    [['frobnicate'], "unknown command 'frobnicate'"],
  ])('%j', (args, message) => {
    const r = gankit(...args);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(message);
  });
});

for (const recipe of RECIPES) {
  describe(`${recipe.name}: train a few steps, then sample and eval its checkpoint`, () => {
    const out = path.join(ROOT, recipe.name);
    it('trains and writes the checkpoint, pictures, log and metrics', () => {
      const r = gankit('train', recipe.name, '--steps', '3', '--batch-size', '32', '--out', out, '--eval-samples', '200');
      expect(r.stderr.split('\n').filter((l) => /error/i.test(l))).toEqual([]);
      expect(r.code).toBe(0);
      for (const f of ['recipe.json', 'checkpoint/checkpoint.json', 'samples.png', 'metrics.json', 'log.jsonl']) expect(existsSync(path.join(out, f)), f).toBe(true);
      expect(stepRecords(path.join(out, 'log.jsonl'))).toHaveLength(3);
      const metrics = JSON.parse(readFileSync(path.join(out, 'metrics.json'), 'utf8')) as Record<string, number>;
      expect(metrics['step']).toBe(3);
      // Numbers, or "Infinity"/"NaN" as strings: never null (JSON cannot hold non-finite numbers).
      expect(Object.values(metrics).every((v) => typeof v === 'string' || Number.isFinite(v))).toBe(true);
    });
    it('samples as PNG and as JSON of the right shape', () => {
      expect(gankit('sample', '--checkpoint', out, '--n', '10', '--out', path.join(out, 's.png')).code).toBe(0);
      expect(readFileSync(path.join(out, 's.png')).subarray(1, 4).toString()).toBe('PNG');
      expect(gankit('sample', '--checkpoint', out, '--n', '10', '--seed', '3', '--out', path.join(out, 's.json')).code).toBe(0);
      const json = JSON.parse(readFileSync(path.join(out, 's.json'), 'utf8')) as { shape: number[]; data: number[] };
      expect(json.shape[0]).toBe(10);
      expect(json.data).toHaveLength(json.shape.reduce((a, b) => a * b, 1));
      if (json.shape.length === 4) expect(json.data.every((v) => v >= 0 && v <= 1)).toBe(true);
    });
    it('evaluates as JSON', () => {
      const r = gankit('eval', '--checkpoint', out, '--json', '--samples', '200');
      expect(r.code).toBe(0);
      const m = JSON.parse(r.stdout) as Record<string, number>;
      expect(m['recipe']).toBe(recipe.name);
      expect(Object.keys(m).length).toBeGreaterThan(2);
    });
  });
}

describe('gankit translate', () => {
  const out = path.join(ROOT, 'digits-cyclegan');
  it('translates JSON images A→B and B→A with a translation run, and refuses a non-translation run', () => {
    const input = path.join(ROOT, 'grey.json');
    writeFileSync(input, JSON.stringify({ shape: [2, 28, 28, 1], data: Array.from({ length: 2 * 784 }, (_, i) => (i % 28) / 27) }));
    for (const direction of ['AtoB', 'BtoA']) {
      const file = path.join(ROOT, `translated-${direction}.json`);
      const r = gankit('translate', '--checkpoint', out, '--direction', direction, '--input', input, '--out', file);
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(readFileSync(file, 'utf8')) as { shape: number[]; data: number[] };
      expect(json.shape).toEqual([2, 28, 28, 3]);
      expect(json.data.every((v) => v >= 0 && v <= 1)).toBe(true);
    }
    const r = gankit('translate', '--checkpoint', path.join(ROOT, 'toy2d-gan'), '--direction', 'AtoB', '--input', input, '--out', path.join(ROOT, 'x.json'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("'toy2d-gan' is not a translation recipe");
  });
  it("draws a translation run's samples beside their sources: rows A, A→B, B, B→A, one test digit per column", async () => {
    const file = path.join(out, 'pairs.png');
    expect(gankit('sample', '--checkpoint', out, '--n', '10', '--out', file).code).toBe(0);
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
    const r = gankit('translate', '--checkpoint', out, '--direction', 'AtoB', '--input', bad, '--out', path.join(ROOT, 'y.json'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`--input ${bad}: 'data' must hold 784 numbers in [0, 1]`);
  });
});

describe('resume and mismatched runs', () => {
  it('--resume continues to the new total, appending to the log', () => {
    const out = path.join(ROOT, 'resume');
    expect(gankit('train', 'toy2d-gan', '--steps', '2', '--batch-size', '16', '--out', out).code).toBe(0);
    const r = gankit('train', 'toy2d-gan', '--steps', '4', '--out', out, '--resume');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('resumed at step 2');
    expect(stepRecords(path.join(out, 'log.jsonl')).map((r) => r['step'])).toEqual([1, 2, 3, 4]);
  });
  it("refuses to resume another recipe's run", () => {
    const r = gankit('train', 'toy2d-wgan', '--resume', '--out', path.join(ROOT, 'toy2d-gan'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("holds a 'toy2d-gan' run, not 'toy2d-wgan'");
  });
  it('refuses a directory that is not a run', () => {
    writeFileSync(path.join(ROOT, 'not-a-run.txt'), 'x');
    const r = gankit('eval', '--checkpoint', ROOT);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('not a gankit run directory');
  });
});
