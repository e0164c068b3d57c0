import type { Examples } from '../examples.js';
import { byteTable } from '../internal/pixels.js';
import { checkInt, checkOneOf, checkOptions } from '../internal/validate.js';
import { PIXEL_RANGES } from '../pixelRange.js';
import type { PixelRange } from '../pixelRange.js';
import type { IdxArray } from './parseIdx.js';

/** Options for turning IDX arrays into images. */
export interface IdxImageOptions {
  /** The range pixels are mapped to (default `'[-1,1]'`, for tanh generators). */
  range?: PixelRange;
  /** 1 keeps grey images; 3 repeats the grey channel three times (default: as stored). */
  channels?: 1 | 3;
  /** Swap each image's rows and columns, for EMNIST, whose files are stored transposed (default false). */
  transpose?: boolean;
  /** Keep only the first `limit` examples (default: all). */
  limit?: number;
  /** The number of classes (default: the largest label + 1). */
  numClasses?: number;
}

/** The option names {@link idxToExamples} accepts. */
export const IDX_IMAGE_OPTIONS = ['range', 'channels', 'transpose', 'limit', 'numClasses'] as const;

/**
 * Turns a parsed IDX image array (uint8, `[N, H, W]` or `[N, H, W, C]`) and an
 * optional IDX label array (`[N]`, integers) into {@link Examples}: float32
 * images NHWC in `range`, int32 labels.
 *
 * @param images - the parsed images, from {@link parseIdx}.
 * @param labels - the parsed labels, or `undefined` for unlabelled images.
 * @param options - `range`, `channels`, `transpose`, `limit`, `numClasses`.
 * @param names - the file names to put in error messages.
 * @returns the images with their labels.
 * @throws Error naming both files when the image and label counts differ, or the file whose
 *   element type or dimensions do not fit; RangeError for a bad option.
 *
 * @example
 * ```ts
 * const examples = idxToExamples(parseIdx(imageBytes, 'x.idx'), parseIdx(labelBytes, 'y.idx'), { range: '[0,1]' });
 * ```
 */
export function idxToExamples(
  images: IdxArray,
  labels: IdxArray | undefined,
  options: IdxImageOptions = {},
  names: { images?: string; labels?: string } = {},
): Examples {
  const fn = 'idxToExamples';
  checkOptions(fn, options, IDX_IMAGE_OPTIONS);
  const range = checkOneOf(fn, 'range', options.range ?? '[-1,1]', PIXEL_RANGES);
  const imagesName = names.images ?? 'images';
  const labelsName = names.labels ?? 'labels';
  if (images.dtype !== 'uint8') {
    throw new Error(`${imagesName}: IDX images must be uint8 (type 0x08), got ${images.dtype}`);
  }
  if (images.dims.length !== 3 && images.dims.length !== 4) {
    throw new Error(`${imagesName}: IDX images must have dimensions [N, H, W] or [N, H, W, C], got [${images.dims.join(', ')}]`);
  }
  const [stored, height, width, storedChannels = 1] = images.dims as [number, number, number, number?];
  const channels = checkOneOf(fn, 'channels', options.channels ?? storedChannels, storedChannels === 1 ? [1, 3] : [storedChannels]);
  const transpose = checkOneOf(fn, 'transpose', options.transpose ?? false, [false, true]);
  const count = Math.min(stored, options.limit === undefined ? stored : checkInt(fn, 'limit', options.limit));
  let labelArray: Int32Array | undefined;
  let numClasses: number | undefined;
  if (labels !== undefined) {
    if (labels.dims.length !== 1 || labels.dtype === 'float32' || labels.dtype === 'float64') {
      throw new Error(`${labelsName}: IDX labels must be integers of dimensions [N], got ${labels.dtype} [${labels.dims.join(', ')}]`);
    }
    if (labels.dims[0] !== stored) {
      throw new Error(
        `image/label count mismatch: ${imagesName} has ${stored} images but ${labelsName} has ${labels.dims[0]} labels`,
      );
    }
    labelArray = Int32Array.from(labels.data.subarray(0, count) as ArrayLike<number>);
    let max = -1;
    for (let i = 0; i < count; i++) {
      const label = labelArray[i]!;
      if (label < 0) throw new Error(`${labelsName}: label ${label} at index ${i} is negative`);
      if (label > max) max = label;
    }
    numClasses = options.numClasses === undefined ? max + 1 : checkInt(fn, 'numClasses', options.numClasses);
    if (max >= numClasses) throw new Error(`${labelsName}: label ${max} is not below numClasses ${numClasses}`);
  }
  const x = toFloatImages(images.data as Uint8Array, count, height, width, storedChannels, channels, transpose, byteTable(range));
  const shape = transpose ? [width, height, channels] : [height, width, channels];
  return { x, shape, count, labels: labelArray, numClasses };
}

function toFloatImages(
  bytes: Uint8Array,
  count: number,
  height: number,
  width: number,
  stored: number,
  channels: number,
  transpose: boolean,
  table: Float32Array,
): Float32Array {
  const pixels = height * width;
  const out = new Float32Array(count * pixels * channels);
  if (!transpose && stored === channels) {
    const n = count * pixels * channels;
    for (let i = 0; i < n; i++) out[i] = table[bytes[i]!]!;
    return out;
  }
  const outHeight = transpose ? width : height;
  const outWidth = transpose ? height : width;
  let o = 0;
  for (let n = 0; n < count; n++) {
    const base = n * pixels * stored;
    for (let r = 0; r < outHeight; r++) {
      for (let c = 0; c < outWidth; c++) {
        const p = transpose ? c * width + r : r * width + c;
        for (let k = 0; k < channels; k++) out[o++] = table[bytes[base + p * stored + (stored === 1 ? 0 : k)]!]!;
      }
    }
  }
  return out;
}
