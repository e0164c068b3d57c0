import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededUniform, useBackend } from '@gankit/test-utils';
import { initBackend } from '../index.node.js';
import { GLOBAL_NORM } from './globalNorm.js';

/** Σ x² in float64 in the order simd.c's sum_squares documents: four streams by i mod 4, ((s0 + s1) + s2) + s3, then the tail. */
function fourStreams(x: Float32Array): number {
  const s = [0, 0, 0, 0];
  const full = x.length - (x.length % 4);
  for (let i = 0; i < full; i++) s[i % 4]! += x[i]! * x[i]!;
  let total = s[0]! + s[1]! + s[2]! + s[3]!;
  for (let i = full; i < x.length; i++) total += x[i]! * x[i]!;
  return total;
}

describe('GankitGlobalNorm on wasm (SIMD)', () => {
  beforeAll(async () => {
    const info = await initBackend({ quiet: true });
    expect(info.patches.kernels).toContain('GankitGlobalNorm (SIMD)');
    await useBackend('wasm');
  });

  it('is the SIMD kernel', () => {
    expect((tf.getKernel(GLOBAL_NORM, 'wasm') as { gankitSimd?: boolean } | undefined)?.gankitSimd).toBe(true);
  });

  it('sums the squares in float64 in the documented order: the same double as the JavaScript kernel, rounded once', () => {
    // Lengths around the 4-wide vectors; scales 1e-20 … 1e15 so float32 squares would underflow or overflow.
    const arrays = [1, 3, 4, 7, 1000, 33_153].map((n, i) => Float32Array.from(seededUniform(n, 70 + i), (v) => v * 10 ** (7 * (i % 6) - 20)));
    const tensors = arrays.map((a) => tf.tensor1d(a));
    const inputs: tf.NamedTensorMap = {};
    tensors.forEach((t, i) => (inputs[`x${i}`] = t));
    const norm = tf.engine().runKernel(GLOBAL_NORM, inputs, { count: tensors.length }) as tf.Tensor;
    const expected = Math.fround(Math.sqrt(arrays.reduce((sum, a) => sum + fourStreams(a), 0)));
    expect(norm.dataSync()[0]).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    // One tensor on its own: √ of its sum alone.
    const one = tf.engine().runKernel(GLOBAL_NORM, { x0: tensors[3]! }, { count: 1 }) as tf.Tensor;
    expect(one.dataSync()[0]).toBe(Math.fround(Math.sqrt(fourStreams(arrays[3]!))));
    tf.dispose([...tensors, norm, one]);
  });
});
