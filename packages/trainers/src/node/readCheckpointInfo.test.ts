import { mkdtempSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { readCheckpointInfo } from '../index.node.js';
import { gaussian1d, stream, tinyGan } from '../testing/fixtures.js';

let dir: string;
beforeAll(async () => {
  await initBackend({ quiet: true });
  dir = mkdtempSync(path.join(tmpdir(), 'gankit-info-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readCheckpointInfo', () => {
  it('returns what save returned, from the manifest alone, for a URL or a path, and from <dir>.previous after an interrupted save', async () => {
    const t = tinyGan();
    await t.fit(stream(gaussian1d(0, 1), 8, 1), { steps: 2 });
    const target = path.join(dir, 'run');
    const saved = await t.save(`file://${target}`, { metadata: { monitor: { name: 'density', value: 0.9, mode: 'max' } } });
    expect(saved.step).toBe(2);
    await expect(readCheckpointInfo(`file://${target}`)).resolves.toEqual(saved);
    await expect(readCheckpointInfo(target)).resolves.toEqual(saved);
    // A save that died between its two renames leaves only <dir>.previous.
    renameSync(target, `${target}.previous`);
    await expect(readCheckpointInfo(`file://${target}`)).resolves.toEqual(saved);
  });

  it('names the file when there is no manifest, or it is not a gankit checkpoint', async () => {
    await expect(readCheckpointInfo(path.join(dir, 'missing'))).rejects.toThrow(/missing[/\\]checkpoint\.json does not exist/);
    mkdirSync(path.join(dir, 'bad'));
    writeFileSync(path.join(dir, 'bad', 'checkpoint.json'), '{"format": "other"}');
    await expect(readCheckpointInfo(path.join(dir, 'bad'))).rejects.toThrow(/not a gankit checkpoint/);
    writeFileSync(path.join(dir, 'bad', 'checkpoint.json'), '{');
    await expect(readCheckpointInfo(path.join(dir, 'bad'))).rejects.toThrow(/checkpoint\.json is not valid JSON/);
    await expect(readCheckpointInfo('' as string)).rejects.toThrow(/'url' must be a file:\/\/ URL or a path/);
  });
});
