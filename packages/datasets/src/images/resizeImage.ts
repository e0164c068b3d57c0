import { resample1d } from '../internal/resample1d.js';
import { checkInt } from '../internal/validate.js';

/**
 * Resizes one image (HWC, any number of channels) with a separable filter:
 * area averaging along an axis that shrinks (so thin strokes are not lost, as
 * with OpenCV's `INTER_AREA`), bilinear interpolation with half-pixel centres
 * along an axis that grows or keeps its size. Same size returns a copy.
 *
 * @param pixels - the image, `height × width × channels` values, row-major.
 * @param from - `[height, width, channels]` of the input.
 * @param to - `[height, width]` of the output.
 * @returns a new `Float32Array` of `to[0] × to[1] × channels` values.
 *
 * @example
 * ```ts
 * const small = resizeImage(photo, [480, 640, 3], [64, 64]);
 * ```
 */
export function resizeImage(
  pixels: ArrayLike<number>,
  from: readonly [number, number, number],
  to: readonly [number, number],
): Float32Array {
  const fn = 'resizeImage';
  const [h, w, c] = [checkInt(fn, 'from[0]', from[0]), checkInt(fn, 'from[1]', from[1]), checkInt(fn, 'from[2]', from[2])];
  const [outH, outW] = [checkInt(fn, 'to[0]', to[0]), checkInt(fn, 'to[1]', to[1])];
  if (pixels.length !== h * w * c) {
    throw new RangeError(`${fn}: 'pixels' has ${pixels.length} values, but [${h}, ${w}, ${c}] needs ${h * w * c}`);
  }
  const across = resample1d(w, outW);
  const wide = new Float32Array(h * outW * c);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < outW; x++) {
      const out = (y * outW + x) * c;
      for (let k = across.offset[x]!; k < across.offset[x + 1]!; k++) {
        const src = (y * w + across.index[k]!) * c;
        const wt = across.weight[k]!;
        for (let ch = 0; ch < c; ch++) wide[out + ch]! += wt * pixels[src + ch]!;
      }
    }
  }
  const down = resample1d(h, outH);
  const result = new Float32Array(outH * outW * c);
  const row = outW * c;
  for (let y = 0; y < outH; y++) {
    const out = y * row;
    for (let k = down.offset[y]!; k < down.offset[y + 1]!; k++) {
      const src = down.index[k]! * row;
      const wt = down.weight[k]!;
      for (let i = 0; i < row; i++) result[out + i]! += wt * wide[src + i]!;
    }
  }
  return result;
}
