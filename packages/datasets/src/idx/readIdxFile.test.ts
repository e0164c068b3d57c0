import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readIdxFile } from './readIdxFile.js';
import { idxBytes } from './testing/idxBytes.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gankit-idx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readIdxFile', () => {
  it('reads a gzip-compressed IDX file (as Fashion-MNIST and EMNIST ship)', async () => {
    const file = join(dir, 'labels-idx1-ubyte.gz');
    await writeFile(file, gzipSync(idxBytes(0x08, [3], [4, 5, 6])));
    const parsed = await readIdxFile(file);
    expect(Array.from(parsed.data)).toEqual([4, 5, 6]);
  });

  it('names the file and says it is truncated', async () => {
    const file = join(dir, 'truncated-images-idx3-ubyte');
    await writeFile(file, idxBytes(0x08, [5, 28, 28], new Array(5 * 784).fill(1)).subarray(0, 1000));
    await expect(readIdxFile(file)).rejects.toThrow(`${file}: truncated IDX file: 1000 bytes`);
  });

  it('names the file and says the magic number is wrong', async () => {
    const file = join(dir, 'not-idx.bin');
    await writeFile(file, Buffer.from('hello, world'));
    await expect(readIdxFile(file)).rejects.toThrow(`${file}: wrong magic number 0x68656c6c`);
  });

  it('names a missing file', async () => {
    const file = join(dir, 'missing-idx1-ubyte');
    await expect(readIdxFile(file)).rejects.toThrow(`${file}: cannot read IDX file: file not found`);
  });
});
