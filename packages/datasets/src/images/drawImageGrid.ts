import type { ImageBatch, ImageGridOptions, RgbaImage } from './imageGrid.js';
import { imageGrid } from './imageGrid.js';

/**
 * Draws a batch of images as one grid onto a canvas (browser, or any
 * `OffscreenCanvas`), resizing the canvas to fit the grid.
 *
 * @param canvas - an `HTMLCanvasElement` or `OffscreenCanvas`.
 * @param images - the batch, as for {@link imageGrid}.
 * @param options - as for {@link imageGrid}.
 * @returns the bitmap that was drawn.
 *
 * @example
 * ```ts
 * drawImageGrid(document.querySelector('canvas')!, samples, { range: '[-1,1]' });
 * ```
 */
export function drawImageGrid(
  canvas: HTMLCanvasElement | OffscreenCanvas,
  images: ImageBatch,
  options: ImageGridOptions = {},
): RgbaImage {
  const grid = imageGrid(images, options);
  canvas.width = grid.width;
  canvas.height = grid.height;
  const context = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (context === null) throw new Error('drawImageGrid: the canvas has no 2d context');
  const pixels = new ImageData(grid.width, grid.height);
  pixels.data.set(grid.data);
  context.putImageData(pixels, 0, 0);
  return grid;
}
