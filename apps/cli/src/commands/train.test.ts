/**
 * `gankit train` through the real executable: `--resume` with a `--steps`
 * total the run has already reached is refused before any training.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gankit, scratchDirectory, stepRecords } from '../testing/gankit.js';

describe('train --resume with nothing left to train', () => {
  const cwd = scratchDirectory();
  const out = path.join(cwd, 'run');
  beforeAll(() => {
    const r = gankit(cwd, 'train', 'toy2d-gan', '--steps', '2', '--batch-size', '8', '--out', out, '--eval-samples', '100');
    expect(r.code, r.stderr).toBe(0);
  });

  it('exits 2 when --steps equals the checkpoint step, saying so', () => {
    const r = gankit(cwd, 'train', 'toy2d-gan', '--resume', '--steps', '2', '--out', out);
    expect(r.code).toBe(2);
    // The directory is printed relative to where the user ran the command, which differs under pnpm, turbo and vitest.
    expect(r.stderr).toMatch(/--resume: the run in \S*run is already at step 2; --steps 2 must be above it to train more/);
  });
  it('exits 2 when --steps is below the checkpoint step', () => {
    const r = gankit(cwd, 'train', 'toy2d-gan', '--resume', '--steps', '1', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already at step 2; --steps 1 must be above it');
  });
  it('refuses before any work: nothing on stdout', () => {
    const r = gankit(cwd, 'train', 'toy2d-gan', '--resume', '--steps', '2', '--out', out);
    expect(r.stdout).toBe('');
  });
  it('leaves the run as it was: its log, record and checkpoint', () => {
    const before = ['log.jsonl', 'recipe.json', 'checkpoint/checkpoint.json'].map((f) => readFileSync(path.join(out, f), 'utf8'));
    gankit(cwd, 'train', 'toy2d-gan', '--resume', '--steps', '1', '--out', out);
    expect(['log.jsonl', 'recipe.json', 'checkpoint/checkpoint.json'].map((f) => readFileSync(path.join(out, f), 'utf8'))).toEqual(before);
    expect(stepRecords(path.join(out, 'log.jsonl')).map((s) => s['step'])).toEqual([1, 2]);
  });
});
