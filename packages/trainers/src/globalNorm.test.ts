import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { seededUniform } from '@gankit/test-utils';
import { globalNorm } from './internal/gradients.js';
import { GLOBAL_NORM, sumOfSquares } from './internal/globalNormKernel.js';
import './register.js';

let initial = 'wasm';
beforeAll(async () => {
  initial = (await initBackend({ quiet: true })).backend;
});
afterAll(async () => {
  await tf.setBackend(initial);
});

/** Gradients of several shapes and scales (1e-3 … 1e3), lengths not multiples of 4. */
const shapes: number[][] = [[7, 5], [5], [], [3, 2, 3], [1001]];
const values = (i: number): Float32Array => Float32Array.from(seededUniform(shapes[i]!.reduce((a, b) => a * b, 1), 40 + i), (v) => v * 10 ** (2 * (i % 4) - 3));

/** √(Σ x²) in float64 over every value, summed in plain order: the exact norm to ~1e-16, rounded to float32 once. */
function reference(arrays: Float32Array[]): number {
  let s = 0;
  for (const a of arrays) for (const v of a) s += v * v;
  return Math.fround(Math.sqrt(s));
}

describe.each(['cpu', 'wasm'])('the trainers’ gradient norm on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });

  it('is one GankitGlobalNorm kernel whose value is the float64 norm rounded once', async () => {
    const arrays = shapes.map((_, i) => values(i));
    const grads = shapes.map((s, i) => tf.tensor(arrays[i]!, s));
    const info = await tf.profile(() => globalNorm(grads));
    expect(info.kernels.map((k) => k.name)).toEqual([GLOBAL_NORM]);
    const norm = info.result as tf.Scalar;
    expect(norm.shape).toEqual([]);
    expect(norm.dtype).toBe('float32');
    expect(norm.dataSync()[0]).toBe(reference(arrays));
    // The composed ops (a Square and a Sum per tensor, float32 sums) agree to float32 rounding.
    const composed = tf.tidy(() => tf.sqrt(tf.addN(grads.map((g) => tf.sum(tf.square(g))))));
    expect(Math.abs(composed.dataSync()[0]! - norm.dataSync()[0]!) / norm.dataSync()[0]!).toBeLessThan(1e-5);
    tf.dispose([...grads, norm, composed]);
  });

  it('propagates NaN and overflows to Infinity only when the norm itself exceeds float32', () => {
    const big = tf.tensor1d([3e20, 4e20]); // squares overflow float32, the norm (5e20) does not
    expect(globalNorm([big]).dataSync()[0]).toBe(Math.fround(5e20));
    const nan = tf.tensor1d([1, Number.NaN, 2]);
    expect(globalNorm([big, nan]).dataSync()[0]).toBeNaN();
    const huge = tf.tensor1d([3e38, 3e38]);
    expect(globalNorm([huge]).dataSync()[0]).toBe(Number.POSITIVE_INFINITY);
    tf.dispose([big, nan, huge]);
  });

  it('leaves no tensors behind but its result', () => {
    const grads = shapes.map((s, i) => tf.tensor(values(i), s));
    const before = tf.memory().numTensors;
    const norm = globalNorm(grads);
    expect(tf.memory().numTensors).toBe(before + 1);
    tf.dispose([...grads, norm]);
  });
});

describe('sumOfSquares', () => {
  it('sums in four streams, then the tail: exactly ((s0 + s1) + s2) + s3 + x₄² for five values', () => {
    const x = Float32Array.from([1e8, 1, -1e8, 3, 0.5]);
    const s0 = 1e16;
    const s1 = 1;
    const s2 = 1e16;
    const s3 = 9;
    expect(sumOfSquares(x)).toBe(s0 + s1 + s2 + s3 + 0.25);
    expect(sumOfSquares(new Float32Array(0))).toBe(0);
  });
});
