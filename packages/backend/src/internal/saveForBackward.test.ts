import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../initBackend.js';
import { patchSaveForBackward, unpatchSaveForBackward } from './saveForBackward.js';

let initial = 'wasm';
beforeAll(async () => {
  initial = (await initBackend({ quiet: true })).backend;
});
afterAll(async () => {
  patchSaveForBackward();
  await tf.setBackend(initial);
});

/**
 * ∂/∂θ of a WGAN-GP-style penalty (‖∇ₓD(x)‖ − 1)² for a 2-layer critic with
 * tanh and ReLU: a second-order gradient whose backward pass reads the saved
 * copies of the forward pass.
 */
function penaltyGradients(): Float32Array[] {
  return tf.tidy(() => {
    const w1 = tf.randomNormal([3, 8], 0, 1, 'float32', 1);
    const b1 = tf.randomNormal([8], 0, 1, 'float32', 2);
    const w2 = tf.randomNormal([8, 1], 0, 1, 'float32', 3);
    const x = tf.randomNormal([5, 3], 0, 1, 'float32', 4);
    const critic = (input: tf.Tensor, a: tf.Tensor, b: tf.Tensor, c: tf.Tensor): tf.Tensor => tf.matMul(tf.relu(tf.tanh(tf.add(tf.matMul(input, a), b))), c);
    const penalty = (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor): tf.Scalar => {
      const g = tf.grad((input: tf.Tensor) => tf.sum(critic(input, a, b, c)))(x);
      return tf.mean(tf.square(tf.sub(tf.sqrt(tf.add(tf.sum(tf.square(g), 1), 1e-12)), 1)));
    };
    return tf.grads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) => penalty(a, b, c))([w1, b1, w2]).map((t) => t.dataSync() as Float32Array);
  });
}

async function kernelsNamed(f: () => unknown, name = 'Identity'): Promise<number> {
  return (await tf.profile(() => void f())).kernels.filter((k) => k.name === name).length;
}

/** d³/dx³ of Σ x·x·x·tanh(x): third order, through saved copies whose gradients are differentiated twice more. */
function thirdDerivative(): Float32Array {
  return tf.tidy(() => {
    const f = (x: tf.Tensor): tf.Tensor => tf.sum(tf.mul(tf.mul(tf.mul(x, x), x), tf.tanh(x)));
    const d1 = tf.grad(f);
    const d2 = tf.grad((x: tf.Tensor) => tf.sum(d1(x)));
    const d3 = tf.grad((x: tf.Tensor) => tf.sum(d2(x)));
    return d3(tf.tensor1d([-1.5, -0.2, 0.3, 1.1])).dataSync() as Float32Array;
  });
}

describe.each(['cpu', 'wasm'])('saving tensors for the backward pass on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });

  it('gives bit-for-bit the second-order gradients of stock tfjs, without an Identity dispatch per saved tensor', async () => {
    unpatchSaveForBackward();
    const stock = penaltyGradients();
    const stockIdentities = await kernelsNamed(penaltyGradients);
    expect(patchSaveForBackward()).toBe(true);
    expect(patchSaveForBackward()).toBe(false);
    const patched = penaltyGradients();
    patched.forEach((p, i) => expect(Array.from(p)).toEqual(Array.from(stock[i]!)));
    // A saved copy's gradient is an alias of dy too, not tfjs's copying Cast.
    unpatchSaveForBackward();
    const stockCasts = await kernelsNamed(penaltyGradients, 'Cast');
    patchSaveForBackward();
    expect(await kernelsNamed(penaltyGradients, 'Cast')).toBeLessThan(stockCasts);
    // The gradients are not trivially zero.
    expect(patched.every((p) => p.some((v) => v !== 0))).toBe(true);
    expect(stockIdentities).toBeGreaterThan(20);
    // What remains are Identity kernels the gradient functions dispatch themselves, not saves.
    expect(await kernelsNamed(penaltyGradients)).toBeLessThan(stockIdentities / 20);
  });

  it('gives bit-for-bit the third-order gradient of stock tfjs', () => {
    unpatchSaveForBackward();
    const stock = thirdDerivative();
    patchSaveForBackward();
    expect(Array.from(thirdDerivative())).toEqual(Array.from(stock));
    expect(stock.every((v) => Number.isFinite(v) && v !== 0)).toBe(true);
  });

  it('leaks no tensors and keeps the byte count', () => {
    patchSaveForBackward();
    penaltyGradients();
    const before = tf.memory();
    for (let i = 0; i < 3; i++) penaltyGradients();
    const after = tf.memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
    expect(after.numDataBuffers).toBe(before.numDataBuffers);
  });

  it('keeps a saved tensor alive after its original is disposed', () => {
    patchSaveForBackward();
    const x = tf.tensor1d([1, 2, 3]);
    const g = tf.tidy(() => {
      const y = tf.clone(x);
      // square saves its input; dispose the original before backprop.
      return tf.grad((v: tf.Tensor) => {
        const out = tf.sum(tf.square(v));
        return out;
      })(y);
    });
    x.dispose();
    expect(Array.from(g.dataSync())).toEqual([2, 4, 6]);
    g.dispose();
  });

  it('saves the tensors of customGrad ops (tf.fused.matMul) without an Identity dispatch, with the same gradients', async () => {
    const a = tf.randomNormal([4, 3], 0, 1, 'float32', 21);
    const b = tf.randomNormal([3, 5], 0, 1, 'float32', 22);
    const bias = tf.randomNormal([5], 0, 1, 'float32', 23);
    const f = (): Float32Array[] =>
      tf.tidy(() => tf.grads((x: tf.Tensor, y: tf.Tensor, c: tf.Tensor) => tf.sum(tf.square(tf.fused.matMul({ a: x as tf.Tensor2D, b: y as tf.Tensor2D, bias: c }))))([a, b, bias]).map((t) => t.dataSync() as Float32Array));
    unpatchSaveForBackward();
    const stock = f();
    const stockIdentities = await kernelsNamed(f);
    patchSaveForBackward();
    expect(f()).toEqual(stock);
    expect(stockIdentities).toBeGreaterThanOrEqual(4);
    expect(await kernelsNamed(f)).toBe(0);
    tf.dispose([a, b, bias]);
  });
});
