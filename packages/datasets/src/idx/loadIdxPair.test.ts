import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIdxPair } from './loadIdxPair.js';
import { idxBytes } from './testing/idxBytes.js';

let dir: string;
let images: string;
let labels: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gankit-idxpair-'));
  images = join(dir, 'images-idx3-ubyte');
  labels = join(dir, 'labels-idx1-ubyte');
  // Two 2×3 images: pixel values 0…5 and 250…255.
  await writeFile(images, idxBytes(0x08, [2, 2, 3], [0, 51, 102, 153, 204, 255, 255, 204, 153, 102, 51, 0]));
  await writeFile(labels, idxBytes(0x08, [2], [3, 1]));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadIdxPair', () => {
  it('maps uint8 pixels to [−1, 1] by default and keeps int32 labels', async () => {
    const ex = await loadIdxPair({ images, labels });
    expect(ex.shape).toEqual([2, 3, 1]);
    expect(Array.from(ex.x.subarray(0, 6))).toEqual([-1, -0.6, -0.2, 0.2, 0.6, 1].map(Math.fround));
    expect(ex.labels).toEqual(Int32Array.of(3, 1));
    expect(ex.numClasses).toBe(4);
  });

  it('maps pixels to [0, 1] and repeats grey into 3 channels on request', async () => {
    const ex = await loadIdxPair({ images, labels }, { range: '[0,1]', channels: 3 });
    expect(ex.shape).toEqual([2, 3, 3]);
    expect(Array.from(ex.x.subarray(0, 6))).toEqual([0, 0, 0, 0.2, 0.2, 0.2].map(Math.fround));
  });

  it('transposes each image for EMNIST-style files', async () => {
    const ex = await loadIdxPair({ images }, { range: '[0,1]', transpose: true });
    expect(ex.shape).toEqual([3, 2, 1]);
    // Stored rows [0 .2 .4] [.6 .8 1] become columns.
    expect(Array.from(ex.x.subarray(0, 6))).toEqual([0, 0.6, 0.2, 0.8, 0.4, 1].map(Math.fround));
  });

  it('names both files on an image/label count mismatch', async () => {
    const three = join(dir, 'three-labels-idx1-ubyte');
    await writeFile(three, idxBytes(0x08, [3], [1, 2, 3]));
    await expect(loadIdxPair({ images, labels: three })).rejects.toThrow(
      `image/label count mismatch: ${images} has 2 images but ${three} has 3 labels`,
    );
  });

  it('names the labels file when it holds images', async () => {
    await expect(loadIdxPair({ images, labels: images })).rejects.toThrow(`${images}: IDX labels must be integers of dimensions [N]`);
  });

  it('rejects an unknown option before reading any file', async () => {
    await expect(loadIdxPair({ images: join(dir, 'nope') }, { scale: 2 } as never)).rejects.toThrow(
      /loadIdxPair: unknown option 'scale'; allowed options are 'range', 'channels', 'transpose', 'limit', 'numClasses'/,
    );
  });
});
