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
  const symmetric = range === '[-1,1]';
  for (let n = 0; n < count; n++) {
    const t = Math.floor(uniform() * textures);
    const top = Math.floor(uniform() * (size - height + 1));
    const left = Math.floor(uniform() * (size - width + 1));
    const flip = uniform() < 0.5;
    const texBase = t * size * size * 3;
    for (let y = 0; y < height; y++) {
      for (let xx = 0; xx < width; xx++) {
        const raw = x[n * pixels + y * width + xx]!;
        const d = symmetric ? (raw + 1) / 2 : raw;
        const tx = flip ? left + width - 1 - xx : left + xx;
        const src = texBase + ((top + y) * size + tx) * 3;
        const dst = (n * pixels + y * width + xx) * 3;
        for (let ch = 0; ch < 3; ch++) {
          const v = Math.abs(bank.pixels[src + ch]! - d);
          out[dst + ch] = symmetric ? 2 * v - 1 : v;
        }
      }
    }
  }
  return { x: out, shape: [height, width, 3], count, labels: digits.labels, numClasses: digits.numClasses };
}
