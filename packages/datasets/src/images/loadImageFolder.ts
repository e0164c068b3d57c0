import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Examples } from '../examples.js';
import { byteTable, fromUnit } from '../internal/pixels.js';
import { checkInt, checkOneOf, checkOptions } from '../internal/validate.js';
import { PIXEL_RANGES } from '../pixelRange.js';
import type { PixelRange } from '../pixelRange.js';
import { decodeImage } from './decodeImage.js';
import type { DecodedImage } from './decodeImage.js';
import { resizeImage } from './resizeImage.js';

/** Options of {@link loadImageFolder}. */
export interface LoadImageFolderOptions {
  /** Output size: `[height, width]`, or one number for square images (required: the model's input size). */
  size: number | readonly [number, number];
  /** 1 (grey, BT.601 luma 0.299 R + 0.587 G + 0.114 B) or 3 (RGB, default). */
  channels?: 1 | 3;
  /** The range pixels are mapped to (default `'[-1,1]'`). */
  range?: PixelRange;
  /** Read only the first `limit` images in name order (default: all). */
  limit?: number;
}

/** The file extensions read, case-insensitively. */
const EXTENSIONS = ['.png', '.jpg', '.jpeg'];

/**
 * Loads every PNG and JPEG file directly inside a folder (sorted by name;
 * subfolders and other files are skipped) as float32 images NHWC, resized to
 * `size` (area averaging when shrinking, bilinear when enlarging; see
 * {@link resizeImage}), grey or colour (Node only). Transparent pixels are
 * composited onto black. Decoding uses `pngjs` and `jpeg-js`.
 *
 * @param dir - the folder.
 * @param options - `size` (required), `channels` (3), `range` (`'[-1,1]'`), `limit`.
 * @returns unlabelled {@link Examples} of shape `[height, width, channels]`.
 * @throws Error naming the folder when it is missing, not a folder, or has no images; naming the
 *   file when one cannot be decoded; RangeError for bad options, before any file is read.
 *
 * @example
 * ```ts
 * const faces = await loadImageFolder('data/faces', { size: 64, channels: 3 });
 * const ds = new Dataset(faces);
 * ```
 */
export async function loadImageFolder(dir: string, options: LoadImageFolderOptions): Promise<Examples> {
  const fn = 'loadImageFolder';
  if (typeof dir !== 'string' || dir.length === 0) throw new TypeError(`${fn}: 'dir' must be a non-empty path, got ${String(dir)}`);
  if (options === undefined) throw new TypeError(`${fn}: options with 'size' (the model's [height, width]) are required`);
  checkOptions(fn, options, ['size', 'channels', 'range', 'limit']);
  const size = typeof options.size === 'number' ? [options.size, options.size] : options.size;
  if (!Array.isArray(size) || size.length !== 2) {
    throw new RangeError(`${fn}: 'size' must be a positive integer or [height, width], got ${String(options.size)}`);
  }
  const height = checkInt(fn, 'size[0]', size[0]);
  const width = checkInt(fn, 'size[1]', size[1]);
  const channels = checkOneOf(fn, 'channels', options.channels ?? 3, [1, 3]);
  const range = checkOneOf(fn, 'range', options.range ?? '[-1,1]', PIXEL_RANGES);
  const limit = options.limit === undefined ? Infinity : checkInt(fn, 'limit', options.limit);

  const files = (await listImages(dir)).slice(0, limit);
  const per = height * width * channels;
  const x = new Float32Array(files.length * per);
  const table = byteTable(range);
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const image = decodeImage(await readFile(file), file);
    const pixels = toChannels(image, channels);
    if (image.height === height && image.width === width) {
      for (let j = 0; j < per; j++) x[i * per + j] = table[pixels[j]!]!;
    } else {
      const resized = resizeImage(pixels, [image.height, image.width, channels], [height, width]);
      for (let j = 0; j < per; j++) x[i * per + j] = fromUnit(resized[j]! / 255, range);
    }
  }
  return { x, shape: [height, width, channels], count: files.length };
}

async function listImages(dir: string): Promise<string[]> {
  let info;
  try {
    info = await stat(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`${dir}: image folder ${code === 'ENOENT' ? 'not found' : `cannot be read (${String(error)})`}`, { cause: error });
  }
  if (!info.isDirectory()) throw new Error(`${dir}: not a folder (loadImageFolder reads the images inside a folder)`);
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && EXTENSIONS.includes(extname(e.name).toLowerCase()))
    .map((e) => e.name)
    .sort();
  if (files.length === 0) {
    throw new Error(`${dir}: image folder is empty: no ${EXTENSIONS.join(', ')} files in it (${entries.length} other entries)`);
  }
  return files.map((name) => join(dir, name));
}

/** RGBA bytes → 1 or 3 channels as bytes, compositing alpha onto black. */
function toChannels(image: DecodedImage, channels: 1 | 3): Uint8Array {
  const { data } = image;
  const n = image.width * image.height;
  const out = new Uint8Array(n * channels);
  for (let p = 0; p < n; p++) {
    const a = data[4 * p + 3]! / 255;
    const r = data[4 * p]! * a;
    const g = data[4 * p + 1]! * a;
    const b = data[4 * p + 2]! * a;
    if (channels === 1) {
      out[p] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    } else {
      out[3 * p] = Math.round(r);
      out[3 * p + 1] = Math.round(g);
      out[3 * p + 2] = Math.round(b);
    }
  }
  return out;
}
