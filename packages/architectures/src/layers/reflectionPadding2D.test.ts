import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { expectClose, seededUniform, useBackend } from '@gankit/test-utils';
import '../register.js';
import { reflectionPadding2D } from './reflectionPadding2D.js';
import { expectSaveLoadRoundTrip, uniform } from '../testing/helpers.js';

beforeAll(async () => {
  await initBackend();
});

/** Where output index i of a reflected axis of length n (padded `before`) reads from. */
const source = (i: number, n: number, before: number): number => {
  const j = i - before;
  return j < 0 ? -j : j >= n ? 2 * (n - 1) - j : j;
};

const SHAPE = [2, 3, 4, 2];
const PAD: [[number, number], [number, number]] = [
  [2, 1],
  [1, 3],
];
const OUT = [2, 3 + 3, 4 + 4, 2];

/** Reflection padding by hand, and its adjoint (the exact gradient). */
function byHand(x: Float32Array): Float32Array {
  const out = new Float32Array(OUT.reduce((a, b) => a * b));
  let o = 0;
  for (let b = 0; b < 2; b++)
    for (let i = 0; i < OUT[1]!; i++)
      for (let j = 0; j < OUT[2]!; j++)
        for (let c = 0; c < 2; c++) out[o++] = x[((b * 3 + source(i, 3, 2)) * 4 + source(j, 4, 1)) * 2 + c]!;
  return out;
}
function gradientByHand(dy: Float32Array): Float32Array {
  const dx = new Float32Array(SHAPE.reduce((a, b) => a * b));
  let o = 0;
  for (let b = 0; b < 2; b++)
    for (let i = 0; i < OUT[1]!; i++)
      for (let j = 0; j < OUT[2]!; j++)
        for (let c = 0; c < 2; c++) dx[((b * 3 + source(i, 3, 2)) * 4 + source(j, 4, 1)) * 2 + c]! += dy[o++]!;
  return dx;
}

describe('ReflectionPadding2D', () => {
  it('pads rows and columns with their reflections, as computed by hand', async () => {
    await useBackend('wasm');
    const x = seededUniform(48, 1);
    const y = reflectionPadding2D({ padding: PAD }).apply(tf.tensor(x, SHAPE)) as tf.Tensor;
    expect(y.shape).toEqual(OUT);
    expectClose(y, byHand(x), { rtol: 0, atol: 0 });
  });

  it("agrees with tf.mirrorPad in 'reflect' mode on the forward pass", async () => {
    await useBackend('wasm');
    const x = tf.tensor4d(seededUniform(48, 2), [2, 3, 4, 2]);
    const y = reflectionPadding2D({ padding: PAD }).apply(x) as tf.Tensor;
    expectClose(y, tf.mirrorPad(x, [[0, 0], ...PAD, [0, 0]], 'reflect'), { rtol: 0, atol: 0 });
  });

  it('has the exact gradient: each reflected copy adds its gradient back onto its source pixel', async () => {
    await useBackend('cpu');
    const dy = seededUniform(OUT.reduce((a, b) => a * b), 3);
    const layer = reflectionPadding2D({ padding: PAD });
    const g = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(layer.apply(x) as tf.Tensor, tf.tensor(dy, OUT))))(uniform(SHAPE, 4));
    expectClose(g, gradientByHand(dy), { rtol: 1e-5, atol: 1e-6 });
  });

  it('computes the same gradient on wasm as on cpu', async () => {
    const dy = seededUniform(OUT.reduce((a, b) => a * b), 5);
    const grad = async (backend: 'cpu' | 'wasm'): Promise<Float32Array> => {
      await useBackend(backend);
      const layer = reflectionPadding2D({ padding: PAD });
      const f = (x: tf.Tensor): tf.Tensor => tf.sum(tf.mul(tf.square(layer.apply(x) as tf.Tensor), tf.tensor(dy, OUT)));
      return tf.grad(f)(uniform(SHAPE, 6)).dataSync() as Float32Array;
    };
    const cpu = await grad('cpu');
    expectClose(await grad('wasm'), cpu, { rtol: 1e-5, atol: 1e-6 });
  });

  it('has a gradient that differentiates again (second order, as gradient penalties need)', async () => {
    await useBackend('cpu');
    const w = tf.tensor(seededUniform(OUT.reduce((a, b) => a * b), 8), OUT);
    const rowIdx = tf.tensor1d(Array.from({ length: OUT[1]! }, (_, i) => source(i, 3, 2)), 'int32');
    const colIdx = tf.tensor1d(Array.from({ length: OUT[2]! }, (_, j) => source(j, 4, 1)), 'int32');
    const byGather = (x: tf.Tensor): tf.Tensor => tf.gather(tf.gather(x, rowIdx, 1), colIdx, 2);
    const layer = reflectionPadding2D({ padding: PAD });
    const penalty = (pad: (x: tf.Tensor) => tf.Tensor) => (x: tf.Tensor): tf.Scalar =>
      tf.sum(tf.square(tf.grad((u: tf.Tensor) => tf.sum(tf.mul(w, tf.pow(pad(u), 3))))(x)));
    const x = uniform(SHAPE, 9);
    const expected = tf.grad(penalty(byGather))(x);
    expectClose(tf.grad(penalty((u) => layer.apply(u) as tf.Tensor))(x), expected, { rtol: 1e-4, atol: 1e-5 });
  });

  it.each(['cpu', 'wasm'] as const)('runs its gradient as one GankitReflectionPadGrad kernel on %s where @gankit/backend registered it, with the gradient of the composed fallback', async (backend) => {
    await useBackend(backend);
    const layer = reflectionPadding2D({ padding: PAD });
    const dy = seededUniform(OUT.reduce((a, b) => a * b), 9);
    const x = uniform(SHAPE, 10);
    const grad = (): Float32Array => tf.tidy(() => tf.grad((v: tf.Tensor) => tf.sum(tf.mul(layer.apply(v) as tf.Tensor, tf.tensor(dy, OUT))))(x).dataSync() as Float32Array);
    const folds = async (): Promise<number> => (await tf.profile(() => void grad())).kernels.filter((k) => k.name === 'GankitReflectionPadGrad').length;
    const fast = grad();
    expect(await folds()).toBe(1);
    const config = tf.getKernel('GankitReflectionPadGrad', backend)!;
    tf.unregisterKernel('GankitReflectionPadGrad', backend);
    try {
      expect(await folds()).toBe(0);
      expectClose(fast, grad(), { rtol: 1e-6, atol: 1e-7 });
    } finally {
      tf.registerKernel(config);
    }
    expectClose(fast, gradientByHand(dy), { rtol: 1e-6, atol: 1e-7 });
  });

  it('reports output shapes, keeping unknown dimensions unknown', () => {
    expect((reflectionPadding2D({ padding: 3 }).apply(tf.input({ shape: [28, 28, 1] })) as tf.SymbolicTensor).shape).toEqual([null, 34, 34, 1]);
    expect((reflectionPadding2D({ padding: [1, 2] }).apply(tf.input({ shape: [null, 8, 3] })) as tf.SymbolicTensor).shape).toEqual([null, null, 12, 3]);
  });

  it('saves through file:// and loads back with identical predictions', async () => {
    await useBackend('wasm');
    const input = tf.input({ shape: SHAPE.slice(1) });
    const model = tf.model({ inputs: input, outputs: reflectionPadding2D({ padding: PAD }).apply(input) as tf.SymbolicTensor });
    const classes = await expectSaveLoadRoundTrip(model, uniform(SHAPE, 7));
    expect(classes).toContain('ReflectionPadding2D');
  });

  it('rejects a padding as large as the dimension it reflects', () => {
    expect(() => reflectionPadding2D({ padding: 3 }).apply(tf.input({ shape: [3, 8, 1] }))).toThrow(/padding 3\/3 of axis 1 must be smaller than its size 3/);
  });

  it('rejects a malformed padding, naming the option and the allowed forms', () => {
    expect(() => reflectionPadding2D({ padding: -1 })).toThrow(/option 'padding' must be an integer ≥ 0, \[rows, cols\] or \[\[top, bottom\], \[left, right\]\]; got -1/);
  });
});
