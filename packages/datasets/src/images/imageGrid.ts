import * as tf from '@tensorflow/tfjs';
import type { Examples } from '../examples.js';
import { toUnitClamped } from '../internal/pixels.js';
import { checkInt, checkOneOf, checkOptions } from '../internal/validate.js';
import { PIXEL_RANGES } from '../pixelRange.js';
import type { PixelRange } from '../pixelRange.js';

/** Images to tile: a tensor `[N, H, W, C]` or `[N, H, W]` (C = 1 or 3), or {@link Examples} of shape `[H, W, C]`. */
export type ImageBatch = tf.Tensor | Examples;

/** Options of {@link imageGrid}. */
export interface ImageGridOptions {
  /** The range the values are in (default `'[-1,1]'`); values outside it are clipped. */
  range?: PixelRange;
  /** Images per row (default ⌈√N⌉). */
  columns?: number;
  /** Pixels between and around images (default 2). */
  padding?: number;
  /** Grey level 0–255 of the padding (default 0). */
  background?: number;
}

/** An 8-bit RGBA bitmap, the layout of the DOM's `ImageData` and of pngjs. */
export interface RgbaImage {
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
  /** `width × height × 4` bytes, row-major RGBA, alpha 255. */
  readonly data: Uint8ClampedArray;
}

/**
 * Tiles a batch of images (NHWC, 1 or 3 channels) into one RGBA bitmap, rows
 * first, mapping values from `range` to 0–255 (grey images are repeated into
 * R, G and B). Reads a tensor synchronously and does not dispose it.
 *
 * @param images - a tensor `[N, H, W, C]`/`[N, H, W]`, or {@link Examples} of shape `[H, W, C]`.
 * @param options - `range` (default `'[-1,1]'`), `columns`, `padding` (2), `background` (0).
 * @returns the grid as an {@link RgbaImage}.
 * @throws RangeError for a shape other than NHWC with 1 or 3 channels, or a bad option.
 *
 * @example
 * ```ts
 * const samples = generator.predict(tf.randomNormal([64, 100])) as tf.Tensor;
 * const grid = imageGrid(samples, { range: '[-1,1]', columns: 8 }); // 8×8 digits
 * ```
 */
export function imageGrid(images: ImageBatch, options: ImageGridOptions = {}): RgbaImage {
  const fn = 'imageGrid';
  checkOptions(fn, options, ['range', 'columns', 'padding', 'background']);
  const range = checkOneOf(fn, 'range', options.range ?? '[-1,1]', PIXEL_RANGES);
  const padding = checkInt(fn, 'padding', options.padding ?? 2, 0);
  const background = checkInt(fn, 'background', options.background ?? 0, 0);
  if (background > 255) throw new RangeError(`${fn}: 'background' must be an integer in 0…255, got ${background}`);
  const { n, h, w, c, values } = readImages(fn, images);
  const columns = Math.min(n, checkInt(fn, 'columns', options.columns ?? Math.ceil(Math.sqrt(n))));
  const rows = Math.ceil(n / columns);
  const width = columns * w + (columns + 1) * padding;
  const height = rows * h + (rows + 1) * padding;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = data[i + 1] = data[i + 2] = background;
    data[i + 3] = 255;
  }
  for (let img = 0; img < n; img++) {
    const left = padding + (img % columns) * (w + padding);
    const top = padding + Math.floor(img / columns) * (h + padding);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const src = ((img * h + y) * w + x) * c;
        const dst = ((top + y) * width + left + x) * 4;
        for (let ch = 0; ch < 3; ch++) {
          data[dst + ch] = Math.round(255 * toUnitClamped(values[src + (c === 1 ? 0 : ch)]!, range));
        }
      }
    }
  }
  return { width, height, data };
}

function readImages(
  fn: string,
  images: ImageBatch,
): { n: number; h: number; w: number; c: number; values: ArrayLike<number> } {
  if (images instanceof tf.Tensor) {
    const [n = 0, h = 0, w = 0, c = 1] = images.shape;
    if ((images.rank !== 3 && images.rank !== 4) || (c !== 1 && c !== 3) || n === 0) {
      throw new RangeError(`${fn}: 'images' must be a non-empty tensor [N, H, W] or [N, H, W, C] with C = 1 or 3, got [${images.shape.join(', ')}]`);
    }
    return { n, h, w, c, values: images.dataSync() };
  }
  const [h = 0, w = 0, c = 0] = images?.shape ?? [];
  if (images?.shape?.length !== 3 || (c !== 1 && c !== 3) || !(images.count >= 1)) {
    throw new RangeError(`${fn}: 'images' must be a tensor or Examples of shape [H, W, C] with C = 1 or 3, got shape [${String(images?.shape)}]`);
  }
  if (images.x.length !== images.count * h * w * c) {
    throw new RangeError(`${fn}: 'images.x' has ${images.x.length} values, but ${images.count} images of [${h}, ${w}, ${c}] need ${images.count * h * w * c}`);
  }
  return { n: images.count, h, w, c, values: images.x };
}
