import { expectClose } from '@gankit/test-utils';
import { describe, expect, it } from 'vitest';
import { resizeImage } from './resizeImage.js';

describe('resizeImage', () => {
  it('returns a copy at the same size', () => {
    const pixels = Float32Array.from({ length: 2 * 3 * 3 }, (_, i) => i);
    expect(resizeImage(pixels, [2, 3, 3], [2, 3])).toEqual(pixels);
  });

  it('shrinks by area averaging: 2× down is the mean of each 2×2 block', () => {
    const pixels = Float32Array.from({ length: 16 }, (_, i) => i); // 4×4, one channel
    expectClose(resizeImage(pixels, [4, 4, 1], [2, 2]), [2.5, 4.5, 10.5, 12.5]);
  });

  it('shrinks by a non-integer factor keeping the mean (fractional area weights)', () => {
    const pixels = Float32Array.from({ length: 7 * 5 * 2 }, (_, i) => Math.sin(i));
    const small = resizeImage(pixels, [7, 5, 2], [3, 2]);
    const mean = (a: Float32Array): number => a.reduce((s, v) => s + v, 0) / a.length;
    expectClose(mean(small), mean(pixels), { atol: 1e-6 });
  });

  it('keeps a thin line when shrinking (its ink averaged, not skipped)', () => {
    const pixels = new Float32Array(28 * 28);
    for (let r = 0; r < 28; r++) pixels[r * 28 + 13] = 1; // a 1-pixel vertical stroke
    const small = resizeImage(pixels, [28, 28, 1], [7, 7]);
    expectClose(small.reduce((s, v) => s + v, 0), 28 / 16, { rtol: 1e-6 });
  });

  it('enlarges bilinearly: a linear ramp stays linear between the edge pixels', () => {
    const ramp = Float32Array.of(0, 1, 2, 3); // 1×4
    // Half-pixel centres: output x samples input at (x + 0.5)/2 − 0.5, clamped to [0, 3].
    expectClose(resizeImage(ramp, [1, 4, 1], [1, 8]), [0, 0.25, 0.75, 1.25, 1.75, 2.25, 2.75, 3]);
  });

  it('rejects pixels that do not match the given size', () => {
    expect(() => resizeImage(new Float32Array(5), [2, 2, 1], [4, 4])).toThrow(/resizeImage: 'pixels' has 5 values, but \[2, 2, 1\] needs 4/);
  });
});
