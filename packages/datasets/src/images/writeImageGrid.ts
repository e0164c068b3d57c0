import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { encodePng } from './encodePng.js';
import { imageGrid } from './imageGrid.js';
import type { ImageBatch, ImageGridOptions, RgbaImage } from './imageGrid.js';

/**
 * Writes a batch of images as one grid PNG file (Node only), creating the
 * directory if needed. The browser counterpart is {@link drawImageGrid}.
 *
 * @param path - the PNG file to write.
 * @param images - the batch, as for {@link imageGrid}.
 * @param options - as for {@link imageGrid}: `range` (default `'[-1,1]'`), `columns`, `padding`, `background`.
 * @returns the bitmap written.
 *
 * @example
 * ```ts
 * await writeImageGrid('runs/dcgan/step-1000.png', samples, { range: '[-1,1]', columns: 8 });
 * ```
 */
export async function writeImageGrid(path: string, images: ImageBatch, options: ImageGridOptions = {}): Promise<RgbaImage> {
  if (typeof path !== 'string' || path.length === 0) {
    throw new TypeError(`writeImageGrid: 'path' must be a non-empty string, got ${String(path)}`);
  }
  const grid = imageGrid(images, options);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, encodePng(grid));
  return grid;
}
