import type { Examples } from '../examples.js';
import { seededUniform } from '../internal/random.js';
import { textureBank } from '../internal/textureBank.js';
import { checkInt, checkOneOf, checkOptions, checkSeed } from '../internal/validate.js';
import { PIXEL_RANGES } from '../pixelRange.js';
import type { PixelRange } from '../pixelRange.js';

/** Options of {@link mnistMStyle}. */
export interface MnistMStyleOptions {
  /** The seed of the textures and of each digit's patch (default 0). */
  seed?: number;
  /** The range of the input digits and of the output (default `'[-1,1]'`). */
  range?: PixelRange;
  /** How many distinct textures patches are cut from (default 64). */
  textures?: number;
}

/**
 * Makes MNIST-M-style digits (Ganin & Lempitsky 2015, §4.1): each grey digit
 * d ∈ [0, 1] is blended onto a coloured patch p by absolute difference,
 * out = |p − d| per channel, so strokes invert the texture under them. Where
 * MNIST-M cuts its patches from BSDS500 photos (which cannot be shipped or
 * fetched here), these are random crops, randomly flipped, of a seeded bank
 * of procedurally generated coloured textures (fractal value noise between two
 * random colours). Labels are kept. Deterministic in `seed`.
 *
 * @param digits - grey images (`[H, W, 1]`) with values in `range`, e.g. from {@link loadMnist}.
 * @param options - `seed` (0), `range` (`'[-1,1]'`), `textures` (64).
 * @returns the same number of images, shape `[H, W, 3]`, values in `range`, same labels.
 *
 * @example
 * ```ts
 * const mnistM = mnistMStyle(await loadMnist({ split: 'test' }), { seed: 1 });
 * ```
 */
export function mnistMStyle(digits: Examples, options: MnistMStyleOptions = {}): Examples {
  const fn = 'mnistMStyle';
  checkOptions(fn, options, ['seed', 'range', 'textures']);
  const seed = checkSeed(fn, options.seed ?? 0);
  const range = checkOneOf(fn, 'range', options.range ?? '[-1,1]', PIXEL_RANGES);
  const textures = checkInt(fn, 'textures', options.textures ?? 64);
  const [height = 0, width = 0, channels = 0] = digits?.shape ?? [];
  if (digits?.shape?.length !== 3 || channels !== 1 || !(digits.x instanceof Float32Array)) {
    throw new RangeError(`${fn}: 'digits' must be grey images of shape [H, W, 1], got shape [${String(digits?.shape)}]`);
  }
  const size = Math.max(96, 2 * Math.max(height, width));
  const bank = textureBank(textures, size, seed);
  const { count, x } = digits;
  const pixels = height * width;
  const out = new Float32Array(count * pixels * 3);
  const uniform = seededUniform(seed, 0xb1e);
  // In [0,1]: out = |p − d|. In [−1,1], with p' = 2p − 1 and d' = 2d − 1 the stored values,
  // 2|p − d| − 1 = |p' − d'| − 1: one subtraction and one abs per value either way.
  const offset = range === '[-1,1]' ? -1 : 0;
  const tex = range === '[-1,1]' ? bank.pixels.map((p) => 2 * p - 1) : bank.pixels;
  for (let n = 0; n < count; n++) {
    const t = Math.floor(uniform() * textures);
    const top = Math.floor(uniform() * (size - height + 1));
    const left = Math.floor(uniform() * (size - width + 1));
    const flip = uniform() < 0.5;
    const first = (t * size * size + top * size + (flip ? left + width - 1 : left)) * 3;
    blendPatch(out, n * pixels * 3, x, n * pixels, tex, first, flip ? -3 : 3, size * 3, height, width, offset);
  }
  return { x: out, shape: [height, width, 3], count, labels: digits.labels, numClasses: digits.numClasses };
}

/** Writes |texture − digit| + offset for one image, 3 channels, walking the patch with `step` across and `rowStride` down. */
function blendPatch(
  out: Float32Array,
  dst: number,
  digits: Float32Array,
  digit: number,
  tex: Float32Array,
  first: number,
  step: number,
  rowStride: number,
  height: number,
  width: number,
  offset: number,
): void {
  for (let y = 0; y < height; y++) {
    let src = first + y * rowStride;
    for (let xx = 0; xx < width; xx++, src += step) {
      const d = digits[digit++]!;
      out[dst++] = Math.abs(tex[src]! - d) + offset;
      out[dst++] = Math.abs(tex[src + 1]! - d) + offset;
      out[dst++] = Math.abs(tex[src + 2]! - d) + offset;
    }
  }
}
