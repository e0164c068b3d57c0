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

describe('readCheckpointStep', () => {
  it("reads the step from the checkpoint's manifest", async () => {
    await expect(readCheckpointStep(runWithManifest(JSON.stringify({ format: 'gankit-checkpoint', step: 7 })), '--out')).resolves.toBe(7);
  });
  it('is a usage error naming the flag when there is no manifest', async () => {
    const dir = runWithManifest();
    await expect(readCheckpointStep(dir, '--out')).rejects.toThrow(new UsageError(`--out ${dir}: cannot read the checkpoint's checkpoint.json`).message);
  });
  it('is a usage error when the manifest is not JSON', async () => {
    await expect(readCheckpointStep(runWithManifest('{'), '--out')).rejects.toBeInstanceOf(UsageError);
  });
  it('is a usage error when the manifest has no whole step', async () => {
    await expect(readCheckpointStep(runWithManifest(JSON.stringify({ step: 2.5 })), '--out')).rejects.toThrow('has no step count');
  });
});
