import { PNG } from 'pngjs';
import type { RgbaImage } from './imageGrid.js';

/**
 * Encodes an 8-bit RGBA bitmap (e.g. from {@link imageGrid}) as PNG bytes,
 * colour type 2 (RGB, alpha dropped), with `pngjs` (Node only).
 *
 * @param image - the bitmap.
 * @returns the PNG file's bytes.
 *
 * @example
 * ```ts
 * await writeFile('samples.png', encodePng(imageGrid(samples)));
 * ```
 */
export function encodePng(image: RgbaImage): Uint8Array {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || data.length !== width * height * 4) {
    throw new RangeError(`encodePng: 'image' must be RGBA with width × height × 4 bytes, got ${width}×${height} and ${data.length} bytes`);
  }
  const png = new PNG({ width, height });
  png.data = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const buffer = PNG.sync.write(png, { colorType: 2, inputColorType: 6, inputHasAlpha: true });
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
}
