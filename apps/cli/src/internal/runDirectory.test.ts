import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from './args.js';
import { readCheckpointStep } from './runDirectory.js';

/** A run directory whose checkpoint manifest holds `manifest` (or no manifest). */
function runWithManifest(manifest?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gankit-run-'));
  mkdirSync(path.join(dir, 'checkpoint'));
  if (manifest !== undefined) writeFileSync(path.join(dir, 'checkpoint', 'checkpoint.json'), manifest);
  return dir;
}

/** A manifest as `@gankit/trainers` writes it, at `step`. */
const manifest = (step: unknown): string =>
  JSON.stringify({ format: 'gankit-checkpoint', version: 1, trainer: 'GanTrainer', step, savedAt: '2026-12-03T00:00:00Z', entries: [], configuration: {}, rng: {}, metadata: {} });

describe('readCheckpointStep', () => {
  it("reads the step from the checkpoint's manifest", async () => {
    await expect(readCheckpointStep(runWithManifest(manifest(7)), '--out')).resolves.toBe(7);
  });
  it('is a usage error naming the flag when there is no manifest', async () => {
    const dir = runWithManifest();
    await expect(readCheckpointStep(dir, '--out')).rejects.toThrow(`--out ${dir}: cannot read the checkpoint (`);
    await expect(readCheckpointStep(dir, '--out')).rejects.toThrow('checkpoint.json does not exist');
  });
  it('is a usage error when the manifest is not JSON', async () => {
    await expect(readCheckpointStep(runWithManifest('{'), '--out')).rejects.toBeInstanceOf(UsageError);
  });
  it('is a usage error when the manifest has no whole step', async () => {
    const error = await readCheckpointStep(runWithManifest(manifest(2.5)), '--out').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain('the manifest is incomplete');
  });
});
