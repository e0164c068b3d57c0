/**
 * Test helpers: the CLI as a user runs it — a real child process
 * (`node --import tsx src/main.ts …`) in a directory of its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

/** What a finished `gankit` process left: its exit code and both streams. */
export interface GankitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A fresh temporary directory to run `gankit` in. */
export function scratchDirectory(prefix = 'gankit-cli-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Runs `gankit ...args` to completion in `cwd`. */
export function gankit(cwd: string, ...args: string[]): GankitResult {
  const r = spawnSync(process.execPath, ['--conditions=@gankit/source', '--import', TSX, MAIN, ...args], { encoding: 'utf8', cwd });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The per-step records of a JSON-lines log (not the run-end events). */
export function stepRecords(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((r) => r['event'] === undefined);
}
