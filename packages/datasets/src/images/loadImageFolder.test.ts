import { expectClose } from '@gankit/test-utils';
import jpeg from 'jpeg-js';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from './encodePng.js';
import { loadImageFolder } from './loadImageFolder.js';

let root: string;
let good: string;

/** An 8-bit RGBA image of `width × height` filled by `colour(x, y)`. */
function rgba(width: number, height: number, colour: (x: number, y: number) => [number, number, number, number?]) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b, a = 255] = colour(x, y);
      data.set([r, g, b, a], (y * width + x) * 4);
    }
  }
  return { width, height, data };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gankit-folder-'));
  good = join(root, 'good');
  await mkdir(join(good, 'subfolder'), { recursive: true });
  // a: 8×8, left half white, right half black. b: 4×4 pure red. c: 16×16 JPEG, mid grey. d: transparent white.
  await writeFile(join(good, 'a.png'), encodePng(rgba(8, 8, (x) => (x < 4 ? [255, 255, 255] : [0, 0, 0]))));
  await writeFile(join(good, 'b.PNG'), encodePng(rgba(4, 4, () => [255, 0, 0])));
  const grey = rgba(16, 16, () => [128, 128, 128]);
  await writeFile(join(good, 'c.jpg'), jpeg.encode({ ...grey, data: Buffer.from(grey.data) }, 95).data);
  const { PNG } = await import('pngjs');
  const transparent = new PNG({ width: 4, height: 4 });
  transparent.data = Buffer.from(rgba(4, 4, () => [255, 255, 255, 0]).data);
  await writeFile(join(good, 'd.png'), PNG.sync.write(transparent, { colorType: 6 }));
  await writeFile(join(good, 'notes.txt'), 'not an image');
  await writeFile(join(good, 'subfolder', 'e.png'), encodePng(rgba(2, 2, () => [0, 0, 0])));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('loadImageFolder', () => {
  it('reads the PNG and JPEG files in name order, skipping other files and subfolders', async () => {
    const ex = await loadImageFolder(good, { size: 4 });
    expect(ex.count).toBe(4);
    expect(ex.shape).toEqual([4, 4, 3]);
    expect(ex.labels).toBeUndefined();
  });

  it('resizes by area: an 8×8 half-white image becomes 4×4 with exact halves', async () => {
    const ex = await loadImageFolder(good, { size: [4, 4], limit: 1 });
    const row = Array.from(ex.x.subarray(0, 12));
    expect(row).toEqual([1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1]);
  });

  it('maps colours to [0, 1] and converts to grey with BT.601 luma', async () => {
    const colour = await loadImageFolder(good, { size: 4, range: '[0,1]' });
    expect(Array.from(colour.x.subarray(48, 51))).toEqual([1, 0, 0]); // b.PNG, red
    const grey = await loadImageFolder(good, { size: 4, range: '[0,1]', channels: 1 });
    expect(grey.shape).toEqual([4, 4, 1]);
    expect(grey.x[16]).toBe(Math.fround(76 / 255)); // round(0.299 × 255)
  });

  it('decodes and downsizes the JPEG (mid grey within JPEG error)', async () => {
    const ex = await loadImageFolder(good, { size: 4, range: '[0,1]' });
    expectClose(ex.x.subarray(2 * 48, 3 * 48), new Array(48).fill(128 / 255), { atol: 3 / 255 });
  });

  it('composites transparent pixels onto black', async () => {
    const ex = await loadImageFolder(good, { size: 4, range: '[0,1]' });
    expect(Array.from(ex.x.subarray(3 * 48, 4 * 48))).toEqual(new Array(48).fill(0));
  });

  it('names a missing folder', async () => {
    const missing = join(root, 'missing');
    await expect(loadImageFolder(missing, { size: 4 })).rejects.toThrow(`${missing}: image folder not found`);
  });

  it('names an empty folder and the extensions it looked for', async () => {
    const empty = join(root, 'empty');
    await mkdir(empty);
    await writeFile(join(empty, 'readme.md'), '# nothing here');
    await expect(loadImageFolder(empty, { size: 4 })).rejects.toThrow(`${empty}: image folder is empty: no .png, .jpg, .jpeg files in it (1 other entries)`);
  });

  it('names a path that is a file, not a folder', async () => {
    const file = join(good, 'notes.txt');
    await expect(loadImageFolder(file, { size: 4 })).rejects.toThrow(`${file}: not a folder`);
  });

  it('names an undecodable PNG and says why', async () => {
    const bad = join(root, 'bad-png');
    await mkdir(bad);
    const png = encodePng(rgba(4, 4, () => [1, 2, 3]));
    await writeFile(join(bad, 'broken.png'), png.subarray(0, png.length - 20));
    await expect(loadImageFolder(bad, { size: 4 })).rejects.toThrow(new RegExp(`${join(bad, 'broken.png')}: cannot decode PNG image: .+`));
  });

  it('names an undecodable JPEG', async () => {
    const bad = join(root, 'bad-jpeg');
    await mkdir(bad);
    await writeFile(join(bad, 'broken.jpg'), Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 1, 2, 3));
    await expect(loadImageFolder(bad, { size: 4 })).rejects.toThrow(`${join(bad, 'broken.jpg')}: cannot decode JPEG image:`);
  });

  it('names an image file that is neither PNG nor JPEG', async () => {
    const bad = join(root, 'bad-other');
    await mkdir(bad);
    await writeFile(join(bad, 'photo.jpg'), 'GIF89a…');
    await expect(loadImageFolder(bad, { size: 4 })).rejects.toThrow(`${join(bad, 'photo.jpg')}: cannot decode image: not a PNG or JPEG file (it starts with bytes 47 49 46 38)`);
  });

  it('rejects bad options before reading the folder', async () => {
    const missing = join(root, 'missing');
    await expect(loadImageFolder(missing, { size: 4, channels: 2 as never })).rejects.toThrow(/'channels' must be one of 1, 3, got 2/);
    await expect(loadImageFolder(missing, { size: 0 })).rejects.toThrow(/'size\[0\]' must be an integer ≥ 1, got 0/);
    await expect(loadImageFolder(missing, { size: 4, colour: true } as never)).rejects.toThrow(/unknown option 'colour'; allowed options are 'size', 'channels', 'range', 'limit'/);
  });
});
