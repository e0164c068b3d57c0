import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderResults } from './render.js';
import type { RecipeResult, ResultsFile, SweepEntry } from './render.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** docs/results.json: every measured number, the source of docs/results.md. */
export const JSON_FILE = path.join(ROOT, 'docs', 'results.json');
/** docs/results.md, rendered from docs/results.json. */
export const MD_FILE = path.join(ROOT, 'docs', 'results.md');

/** The committed picture of a recipe's first seed: docs/results/<key>.png. */
export function pictureFile(key: string): string {
  return path.join(ROOT, 'docs', 'results', `${key}.png`);
}

/** Reads docs/results.json (empty when it does not exist yet). */
export async function readStored(): Promise<ResultsFile> {
  return existsSync(JSON_FILE) ? (JSON.parse(await readFile(JSON_FILE, 'utf8')) as ResultsFile) : { results: {} };
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, file);
}

/**
 * Applies `change` to the stored results and rewrites docs/results.json and
 * docs/results.md. It re-reads the file first, so several `pnpm results` /
 * `pnpm sweep` processes may run side by side (one per core), each adding its own entries.
 */
export async function updateStored(change: (stored: ResultsFile) => void): Promise<ResultsFile> {
  const stored = await readStored();
  change(stored);
  await writeAtomically(JSON_FILE, `${JSON.stringify(stored, null, 1)}\n`);
  await writeAtomically(MD_FILE, renderResults(stored));
  return stored;
}

/** Stores one recipe's measured result. */
export async function recordResult(result: RecipeResult, options: { merge?: boolean } = {}): Promise<void> {
  await updateStored((s) => {
    const old = s.results[result.recipe];
    // `--seeds`: keep the other seeds already measured at the same budget (runs of one row may come from several processes).
    if (options.merge === true && old !== undefined && old.steps === result.steps && old.batchSize === result.batchSize) {
      const seeds = new Set(result.runs.map((r) => r.seed));
      const runs = [...old.runs.filter((r) => !seeds.has(r.seed)), ...result.runs].sort((a, b) => a.seed - b.seed);
      s.results[result.recipe] = { ...result, runs, picture: result.picture || old.picture };
    } else {
      s.results[result.recipe] = result;
    }
  });
}

/** Stores (or replaces) the measurements of one sweep variant and seed. */
export async function recordSweep(entry: SweepEntry): Promise<void> {
  await updateStored((s) => {
    const list = (s.sweeps ??= []).filter((e) => !(e.variant === entry.variant && e.seed === entry.seed));
    list.push(entry);
    list.sort((a, b) => a.variant.localeCompare(b.variant) || a.seed - b.seed);
    s.sweeps = list;
  });
}
