import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@gankit/backend';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from './decodeImage.js';
import { drawImageGrid } from './drawImageGrid.js';
import { imageGrid } from './imageGrid.js';
import { writeImageGrid } from './writeImageGrid.js';

let dir: string;
beforeAll(async () => {
  await initBackend({ quiet: true });
  dir = await mkdtemp(join(tmpdir(), 'gankit-grid-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The RGB of pixel (x, y) of an RGBA bitmap. */
const rgb = (img: { width: number; data: ArrayLike<number> }, x: number, y: number): number[] =>
  [0, 1, 2].map((c) => img.data[(y * img.width + x) * 4 + c]!);

describe('imageGrid', () => {
  it('tiles N images in ⌈√N⌉ columns with padding, mapping −1…1 to 0…255', () => {
    const images = tf.tensor4d([-1, 1, 0, 1, /* image 2 */ 1, 1, 1, 1, /* image 3 */ -1, -1, -1, 0.5], [3, 2, 2, 1]);
    const grid = imageGrid(images, { padding: 1, background: 7 });
    images.dispose();
    expect([grid.width, grid.height]).toEqual([2 * 2 + 3, 2 * 2 + 3]);
    expect(rgb(grid, 0, 0)).toEqual([7, 7, 7]); // padding
    expect(rgb(grid, 1, 1)).toEqual([0, 0, 0]); // image 0, value −1
    expect(rgb(grid, 2, 1)).toEqual([255, 255, 255]); // image 0, value 1
    expect(rgb(grid, 1, 2)).toEqual([128, 128, 128]); // image 0, value 0 → 127.5 rounds to 128
    expect(rgb(grid, 4, 1)).toEqual([255, 255, 255]); // image 1, to the right
    expect(rgb(grid, 2, 5)).toEqual([191, 191, 191]); // image 2, second row, value 0.5
    expect(rgb(grid, 4, 4)).toEqual([7, 7, 7]); // the empty fourth cell
  });

  it('keeps colour channels and clips values outside the range', () => {
    const images = tf.tensor4d([0, 0.5, 1, 2, -3, 0.25], [2, 1, 1, 3]);
    const grid = imageGrid(images, { range: '[0,1]', padding: 0, columns: 2 });
    images.dispose();
    expect(rgb(grid, 0, 0)).toEqual([0, 128, 255]);
    expect(rgb(grid, 1, 0)).toEqual([255, 0, 64]);
  });

  it('rejects a batch with 2 channels, naming the shape', () => {
    const images = tf.zeros([2, 4, 4, 2]);
    expect(() => imageGrid(images)).toThrow(/imageGrid: 'images' must be a non-empty tensor \[N, H, W\] or \[N, H, W, C\] with C = 1 or 3, got \[2, 4, 4, 2\]/);
    images.dispose();
  });
});

describe('imageGrid with Examples', () => {
  it('rejects examples whose x does not hold count images', () => {
    expect(() => imageGrid({ x: new Float32Array(10), shape: [2, 2, 1], count: 3 })).toThrow(
      /imageGrid: 'images\.x' has 10 values, but 3 images of \[2, 2, 1\] need 12/,
    );
  });
});

describe('writeImageGrid', () => {
  it('round-trips a colour grid through a real PNG file', async () => {
    const values = tf.randomUniform([6, 5, 4, 3], -1, 1, 'float32', 1);
    const file = join(dir, 'nested', 'grid.png');
    const written = await writeImageGrid(file, values, { columns: 3 });
    values.dispose();
    const bytes = await readFile(file);
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const decoded = decodeImage(bytes, file);
    expect([decoded.width, decoded.height]).toEqual([3 * 4 + 4 * 2, 2 * 5 + 3 * 2]);
    expect(decoded.data).toEqual(new Uint8Array(written.data.buffer));
  });

  it('round-trips grey images: each pixel decodes to the value written', async () => {
    const grey = Float32Array.from({ length: 4 * 3 * 3 }, (_, i) => (i % 256) / 255);
    const file = join(dir, 'grey.png');
    await writeImageGrid(file, { x: grey, shape: [3, 3, 1], count: 4 }, { range: '[0,1]', padding: 0, columns: 4 });
    const decoded = decodeImage(await readFile(file), file);
    for (let n = 0; n < 4; n++) {
      for (let p = 0; p < 9; p++) {
        const [y, x] = [Math.floor(p / 3), n * 3 + (p % 3)];
        expect(rgb(decoded, x, y)).toEqual(new Array(3).fill(n * 9 + p));
      }
    }
  });
});

describe('drawImageGrid', () => {
  it('sizes a canvas to the grid and puts the grid’s pixels on it', () => {
    class FakeImageData {
      readonly data: Uint8ClampedArray;
      constructor(readonly width: number, readonly height: number) {
        this.data = new Uint8ClampedArray(width * height * 4);
      }
    }
    const g = globalThis as { ImageData?: unknown };
    const saved = g.ImageData;
    g.ImageData = FakeImageData;
    try {
      let put: FakeImageData | undefined;
      const canvas = { width: 0, height: 0, getContext: () => ({ putImageData: (d: FakeImageData) => (put = d) }) };
      const images = tf.ones([4, 2, 2, 1]);
      const grid = drawImageGrid(canvas as never, images, { padding: 1 });
      images.dispose();
      expect([canvas.width, canvas.height]).toEqual([grid.width, grid.height]);
      expect(put!.data).toEqual(grid.data);
    } finally {
      g.ImageData = saved;
    }
  });
});
