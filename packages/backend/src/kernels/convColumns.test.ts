import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededUniform, useBackend } from '@gankit/test-utils';
import { initBackend } from '../index.node.js';
import { heapF32 } from '../internal/wasmKernels.js';
import { heapOffset, simdKernels } from './simdModule.js';

/** [batch, h, w, ci, kh, kw, sh, sw, pt, pl, oh, ow] */
type Geometry = [number, number, number, number, number, number, number, number, number, number, number, number];

const geometries: { name: string; g: Geometry }[] = [
  { name: 'resnet 3x3 s1 valid, 8 channels', g: [2, 5, 5, 8, 3, 3, 1, 1, 0, 0, 3, 3] },
  { name: '3x3 s2 same, 3 channels (runs not a multiple of 4)', g: [2, 7, 6, 3, 3, 3, 2, 2, 1, 1, 4, 3] },
  { name: '5x5 s2, 1 channel', g: [1, 9, 9, 1, 5, 5, 2, 2, 2, 2, 5, 5] },
  { name: 'strides 2×3, rectangular window', g: [2, 8, 9, 5, 3, 4, 2, 3, 1, 2, 4, 4] },
  { name: 'padding wider than the window (whole rows and columns outside)', g: [1, 4, 5, 6, 3, 3, 2, 2, 4, 5, 5, 6] },
];

/** cols[(b, i, j), (p, q, c)] = x[b, i·sh + p − pt, j·sw + q − pl, c] (0 outside), by the definition. */
function im2colByHand(x: Float32Array, [batch, h, w, ci, kh, kw, sh, sw, pt, pl, oh, ow]: Geometry): Float32Array {
  const taps = kh * kw * ci;
  const cols = new Float32Array(batch * oh * ow * taps);
  for (let b = 0; b < batch; b++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++)
        for (let p = 0; p < kh; p++)
          for (let q = 0; q < kw; q++)
            for (let c = 0; c < ci; c++) {
              const hh = i * sh + p - pt;
              const ww = j * sw + q - pl;
              const inside = hh >= 0 && hh < h && ww >= 0 && ww < w;
              cols[((b * oh + i) * ow + j) * taps + (p * kw + q) * ci + c] = inside ? x[((b * h + hh) * w + ww) * ci + c]! : 0;
            }
  return cols;
}

/** The adjoint, summed in float32 in ascending (b, i, j, p, q) order: the order the kernel promises. */
function col2imByHand(cols: Float32Array, [batch, h, w, ci, kh, kw, sh, sw, pt, pl, oh, ow]: Geometry): Float32Array {
  const taps = kh * kw * ci;
  const dx = new Float32Array(batch * h * w * ci);
  for (let b = 0; b < batch; b++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++)
        for (let p = 0; p < kh; p++)
          for (let q = 0; q < kw; q++) {
            const hh = i * sh + p - pt;
            const ww = j * sw + q - pl;
            if (hh < 0 || hh >= h || ww < 0 || ww >= w) continue;
            for (let c = 0; c < ci; c++) {
              const at = ((b * h + hh) * w + ww) * ci + c;
              dx[at] = Math.fround(dx[at]! + cols[((b * oh + i) * ow + j) * taps + (p * kw + q) * ci + c]!);
            }
          }
  return dx;
}

describe('the SIMD module’s im2col and col2im', () => {
  beforeAll(async () => {
    await initBackend({ quiet: true });
    await useBackend('wasm');
  });

  for (const { name, g } of geometries) {
    it(`${name}: im2col equals the definition exactly, col2im the ordered float32 sum`, () => {
      const backend = tf.backend() as BackendWasm;
      const simd = simdKernels(backend);
      expect(simd).toBeDefined();
      const [batch, h, w, ci, kh, kw, , , , , oh, ow] = g;
      const xVals = seededUniform(batch * h * w * ci, 7);
      const colVals = seededUniform(batch * oh * ow * kh * kw * ci, 8);
      // Garbage in the outputs first: every value must be written.
      const x = tf.tensor(xVals);
      const cols = tf.fill([colVals.length], Number.NaN);
      const given = tf.tensor(colVals);
      const dx = tf.fill([xVals.length], Number.NaN);
      const infos = [x, cols, given, dx].map((t) => ({ dataId: t.dataId, shape: t.shape, dtype: t.dtype }) as tf.TensorInfo);
      simd!.im2col(heapOffset(backend, infos[0]!), heapOffset(backend, infos[1]!), ...g);
      simd!.col2im(heapOffset(backend, infos[2]!), heapOffset(backend, infos[3]!), ...g);
      expect(Array.from(heapF32(backend, infos[1]!))).toEqual(Array.from(im2colByHand(xVals, g)));
      expect(Array.from(heapF32(backend, infos[3]!))).toEqual(Array.from(col2imByHand(colVals, g)));
      tf.dispose([x, cols, given, dx]);
    });
  }
});
