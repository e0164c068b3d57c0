import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** A decoded image: 8-bit RGBA, as pngjs and jpeg-js return it. */
export interface DecodedImage {
  /** Width in pixels. */
  readonly width: number;
  /** Height in pixels. */
  readonly height: number;
  /** `width × height × 4` bytes, row-major RGBA. */
  readonly data: Uint8Array;
}

const isPng = (b: Uint8Array): boolean => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const isJpeg = (b: Uint8Array): boolean => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

/**
 * Decodes a PNG (with `pngjs`: any colour type and bit depth, 16-bit rescaled
 * to 8) or a baseline/progressive JPEG (with `jpeg-js`, strict: a corrupt file
 * is an error, not a partly grey picture) to 8-bit RGBA, choosing the decoder
 * by the file's magic bytes, not its name (Node only: pngjs uses node:zlib).
 *
 * @param bytes - the file's contents.
 * @param source - the file name to put in error messages.
 * @returns the width, height and RGBA bytes.
 * @throws Error naming `source`: not a PNG or JPEG, or the decoder's reason it cannot be decoded.
 *
 * @example
 * ```ts
 * const { width, height, data } = decodeImage(await readFile('cat.jpg'), 'cat.jpg');
 * ```
 */
export function decodeImage(bytes: Uint8Array, source = 'image'): DecodedImage {
  if (isPng(bytes)) {
    try {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.length) };
    } catch (error) {
      throw new Error(`${source}: cannot decode PNG image: ${reason(error)}`, { cause: error });
    }
  }
  if (isJpeg(bytes)) {
    try {
      const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, tolerantDecoding: false, maxMemoryUsageInMB: 1024 });
      return { width: image.width, height: image.height, data: image.data };
    } catch (error) {
      throw new Error(`${source}: cannot decode JPEG image: ${reason(error)}`, { cause: error });
    }
  }
  const head = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
  throw new Error(`${source}: cannot decode image: not a PNG or JPEG file (it starts with bytes ${head || 'nothing: it is empty'})`);
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
