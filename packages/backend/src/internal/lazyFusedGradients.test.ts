import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../initBackend.js';
import { lazyFusedGradientCounts, patchLazyFusedGradients, unpatchLazyFusedGradients } from './lazyFusedGradients.js';

let initial = 'wasm';
beforeAll(async () => {
  initial = (await initBackend({ quiet: true })).backend;
});
afterAll(async () => {
  patchLazyFusedGradients();
  await tf.setBackend(initial);
});

/** A small critic as tf.layers builds it: conv (fused, with bias) → leaky ReLU → conv without bias → flatten → dense (fused, linear). */
function critic(): tf.LayersModel {
  const init = (seed: number): ReturnType<typeof tf.initializers.randomNormal> => tf.initializers.randomNormal({ stddev: 0.3, seed });
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [6, 6, 2], filters: 4, kernelSize: 3, strides: 2, padding: 'same', kernelInitializer: init(1), biasInitializer: init(2) }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.conv2d({ filters: 3, kernelSize: 2, padding: 'valid', useBias: false, kernelInitializer: init(3) }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 1, kernelInitializer: init(4), biasInitializer: init(5) }),
    ],
  });
}

/**
 * Three things a GAN step differentiates: the weight gradients of a loss on
 * data (the input gradient is not needed), ∇ₓ of the critic alone (no weight
 * gradient is needed), and ∂/∂θ of a WGAN-GP penalty (second order).
 */
function gradients(model: tf.LayersModel): Float32Array[] {
  return tf.tidy(() => {
    const x = tf.randomNormal([3, 6, 6, 2], 0, 1, 'float32', 7);
    const weights = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const score = (input: tf.Tensor): tf.Tensor => model.apply(input, { training: true }) as tf.Tensor;
    const { grads } = tf.variableGrads(() => tf.mean(score(x)) as tf.Scalar, weights);
    const dx = tf.grad((input: tf.Tensor) => tf.sum(score(input)))(x);
    const penalty = tf.variableGrads(() => {
      const g = tf.grad((input: tf.Tensor) => tf.sum(score(input)))(x);
      return tf.mean(tf.square(tf.sub(tf.sqrt(tf.add(tf.sum(tf.square(g), [1, 2, 3]), 1e-12)), 1))) as tf.Scalar;
    }, weights);
    // The final bias does not reach ∇ₓD, so the penalty has no gradient for it. The first bias reaches it only
    // through the leaky ReLU's mask, whose derivative is zero and which @gankit/gradients detaches: none either.
    const missing = weights.filter((w) => penalty.grads[w.name] === undefined);
    if (missing.length !== 2 || missing[1] !== weights[weights.length - 1]) throw new Error(`expected no penalty gradient for the two biases only, got none for ${missing.map((w) => w.name).join(', ')}`);
    return [...weights.map((w) => grads[w.name]!), dx, ...weights.slice(0, -1).map((w) => penalty.grads[w.name] ?? tf.zerosLike(w))].map((t) => t.dataSync() as Float32Array);
  });
}

async function kernelCount(names: string[], f: () => unknown): Promise<number> {
  return (await tf.profile(() => void f())).kernels.filter((k) => names.includes(k.name)).length;
}

describe.each(['cpu', 'wasm'])('lazy gradients of fused conv2d and matMul on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });

  it('gives bit-for-bit the first- and second-order gradients of stock tfjs, computing fewer of them', async () => {
    const model = critic();
    const backprops = [tf.Conv2DBackpropInput, tf.Conv2DBackpropFilter, tf.BatchMatMul];
    unpatchLazyFusedGradients();
    const stock = gradients(model);
    const stockKernels = await kernelCount(backprops, () => gradients(model));
    expect(patchLazyFusedGradients()).toBe(true);
    expect(patchLazyFusedGradients()).toBe(false);
    const before = { ...lazyFusedGradientCounts };
    const lazy = gradients(model);
    expect(lazy).toHaveLength(stock.length);
    lazy.forEach((g, i) => expect(Array.from(g)).toEqual(Array.from(stock[i]!)));
    expect(lazy.every((g) => g.every(Number.isFinite))).toBe(true);
    // All non-zero but the penalty's gradient for the first bias: a leaky-ReLU critic is piecewise linear in it.
    expect(lazy.map((g) => g.some((v) => v !== 0))).toEqual([true, true, true, true, true, true, true, false, true, true]);
    const computed = lazyFusedGradientCounts.computed - before.computed;
    const offered = lazyFusedGradientCounts.skipped - before.skipped;
    expect(computed).toBeGreaterThan(0);
    expect(computed).toBeLessThan(offered);
    // The first conv's input gradient on data and the penalty's inner weight gradients are gone.
    expect(await kernelCount(backprops, () => gradients(model))).toBeLessThan(stockKernels);
    model.dispose();
  });

  it('leaks no tensors', () => {
    patchLazyFusedGradients();
    const model = critic();
    gradients(model);
    const before = tf.memory();
    for (let i = 0; i < 3; i++) gradients(model);
    const after = tf.memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
    model.dispose();
  });

  it('keeps tfjs’s gradient for a fused op with a non-linear activation (not fused while a tape records) and for rank-3 matMul inputs', () => {
    patchLazyFusedGradients();
    const a = tf.randomNormal([2, 3, 4], 0, 1, 'float32', 11);
    const b = tf.randomNormal([2, 4, 5], 0, 1, 'float32', 12);
    const bias = tf.randomNormal([5], 0, 1, 'float32', 13);
    const f = (x: tf.Tensor, y: tf.Tensor, c: tf.Tensor): tf.Scalar => tf.sum(tf.square(tf.fused.matMul({ a: x as tf.Tensor3D, b: y as tf.Tensor3D, bias: c, activation: 'linear' })));
    const g = (x: tf.Tensor, y: tf.Tensor, c: tf.Tensor): tf.Scalar =>
      tf.sum(tf.square(tf.fused.matMul({ a: x as tf.Tensor3D, b: y as tf.Tensor3D, transposeB: true, bias: c, activation: 'relu' })));
    const lazy = tf.grads(f)([a, b, bias]).map((t) => Array.from(t.dataSync()));
    const lazyT = tf.grads(g)([a, tf.transpose(b, [0, 2, 1]), bias]).map((t) => Array.from(t.dataSync()));
    unpatchLazyFusedGradients();
    const stock = tf.grads(f)([a, b, bias]).map((t) => Array.from(t.dataSync()));
    const stockT = tf.grads(g)([a, tf.transpose(b, [0, 2, 1]), bias]).map((t) => Array.from(t.dataSync()));
    patchLazyFusedGradients();
    expect(lazy).toEqual(stock);
    expect(lazyT).toEqual(stockT);
  });
});
