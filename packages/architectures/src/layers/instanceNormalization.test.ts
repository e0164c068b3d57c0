import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '@gankit/backend';
import { expectClose, finiteDifferenceGradient, seededUniform, useBackend } from '@gankit/test-utils';
import '../register.js';
import { instanceNormalization } from './instanceNormalization.js';
import type { InstanceNormalization } from './instanceNormalization.js';
import { expectSaveLoadRoundTrip, uniform } from '../testing/helpers.js';

beforeAll(async () => {
  await initBackend();
});

/** Instance norm by hand, on a flat [n, h, w, c] array. */
function byHand(x: Float32Array, [n, h, w, c]: number[], eps: number, gamma: number[], beta: number[]): Float32Array {
  const out = new Float32Array(x.length);
  for (let b = 0; b < n!; b++) {
    for (let k = 0; k < c!; k++) {
      const idx: number[] = [];
      for (let i = 0; i < h! * w!; i++) idx.push((b * h! * w! + i) * c! + k);
      const mean = idx.reduce((s, j) => s + x[j]!, 0) / idx.length;
      const variance = idx.reduce((s, j) => s + (x[j]! - mean) ** 2, 0) / idx.length;
      for (const j of idx) out[j] = (gamma[k]! * (x[j]! - mean)) / Math.sqrt(variance + eps) + beta[k]!;
    }
  }
  return out;
}

const SHAPE = [2, 3, 4, 3];

function modelWith(layer: InstanceNormalization): tf.LayersModel {
  const input = tf.input({ shape: SHAPE.slice(1) });
  return tf.model({ inputs: input, outputs: layer.apply(input) as tf.SymbolicTensor });
}

describe('InstanceNormalization', () => {
  it('normalizes each sample and channel over height and width, as computed by hand', async () => {
    await useBackend('wasm');
    const data = seededUniform(2 * 3 * 4 * 3, 1, -2, 3);
    const layer = instanceNormalization();
    const y = layer.apply(tf.tensor(data, SHAPE)) as tf.Tensor;
    expectClose(y, byHand(data, SHAPE, 1e-5, [1, 1, 1], [0, 0, 0]), { rtol: 1e-4, atol: 1e-5 });
  });

  it('applies the learned per-channel scale and offset', async () => {
    await useBackend('wasm');
    const data = seededUniform(2 * 3 * 4 * 3, 2);
    const layer = instanceNormalization({ epsilon: 1e-3 });
    layer.apply(tf.tensor(data, SHAPE));
    layer.setWeights([tf.tensor1d([0.5, 2, -1]), tf.tensor1d([1, 0, -3])]);
    const y = layer.apply(tf.tensor(data, SHAPE)) as tf.Tensor;
    expectClose(y, byHand(data, SHAPE, 1e-3, [0.5, 2, -1], [1, 0, -3]), { rtol: 1e-4, atol: 1e-5 });
  });

  it('has no weights without center and scale, and keeps the input shape', () => {
    const layer = instanceNormalization({ center: false, scale: false });
    const model = modelWith(layer);
    expect(model.countParams()).toBe(0);
    expect(model.outputs[0]!.shape).toEqual([null, 3, 4, 3]);
  });

  it('computes the same input and weight gradients on wasm as on cpu', async () => {
    const x = seededUniform(2 * 3 * 4 * 3, 3);
    const w = seededUniform(2 * 3 * 4 * 3, 4);
    const grads = async (backend: 'cpu' | 'wasm'): Promise<Float32Array[]> => {
      await useBackend(backend);
      const layer = instanceNormalization();
      layer.apply(tf.tensor(x, SHAPE));
      layer.setWeights([tf.tensor1d([0.5, 2, -1]), tf.tensor1d([1, 0, -3])]);
      const weights = tf.tensor(w, SHAPE);
      const input = tf.variable(tf.tensor(x, SHAPE));
      const variables = [input, ...layer.trainableWeights.map((v) => v.read() as tf.Variable)];
      const f = (): tf.Scalar => tf.sum(tf.mul(tf.square(layer.apply(input) as tf.Tensor), weights));
      const { grads: named } = tf.variableGrads(f, variables);
      const g = variables.map((v) => named[v.name]!);
      return g.map((t) => t.dataSync() as Float32Array);
    };
    const cpu = await grads('cpu');
    const wasm = await grads('wasm');
    cpu.forEach((g, i) => expectClose(wasm[i]!, g, { rtol: 1e-3, atol: 1e-4 }));
  });

  it('has input gradients that match central finite differences', async () => {
    await useBackend('cpu');
    const shape = [1, 2, 3, 2];
    const x = tf.variable(tf.tensor(seededUniform(12, 5), shape));
    const w = tf.tensor(seededUniform(12, 6), shape);
    const layer = instanceNormalization();
    const loss = (): tf.Scalar => tf.sum(tf.mul(tf.square(layer.apply(x) as tf.Tensor), w));
    const analytic = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.square(layer.apply(t) as tf.Tensor), w)))(x);
    const numeric = finiteDifferenceGradient(() => loss().dataSync()[0]!, [x], 1e-2)[0]!;
    expectClose(analytic, numeric, { rtol: 2e-2, atol: 2e-2 });
  });

  it('has second-order gradients (as gradient penalties need) that match finite differences of the first-order ones', async () => {
    await useBackend('cpu');
    const shape = [1, 2, 2, 2];
    const x = tf.variable(tf.tensor(seededUniform(8, 8), shape));
    const w = tf.tensor(seededUniform(8, 9), shape);
    const layer = instanceNormalization({ epsilon: 1e-2 });
    const penalty = (t: tf.Tensor): tf.Scalar =>
      tf.sum(tf.square(tf.grad((u: tf.Tensor) => tf.sum(tf.mul(tf.pow(layer.apply(u) as tf.Tensor, 3), w)))(t)));
    const analytic = tf.grad(penalty)(x);
    const numeric = finiteDifferenceGradient(() => penalty(x).dataSync()[0]!, [x], 1e-2)[0]!;
    expectClose(analytic, numeric, { rtol: 1e-2, atol: 1e-2 });
  });

  it.each(['cpu', 'wasm'] as const)(
    'runs as one GankitInstanceNorm kernel and one GankitInstanceNormGrad on %s where @gankit/backend registered them, with the values and first- and second-order gradients of the composed fallback',
    async (backend) => {
      await useBackend(backend);
      const shape = [3, 5, 4, 6];
      const size = shape.reduce((a, b) => a * b);
      const layer = instanceNormalization({ epsilon: 1e-3 });
      layer.apply(tf.zeros(shape));
      layer.setWeights([tf.tensor1d(seededUniform(6, 20, 0.5, 2)), tf.tensor1d(seededUniform(6, 21))]);
      const x = tf.tensor(seededUniform(size, 22, -2, 3), shape);
      const w = tf.tensor(seededUniform(size, 23), shape);
      const apply = (t: tf.Tensor): tf.Tensor => layer.apply(t) as tf.Tensor;
      // Value, ∇ₓ of a weighted cube, and ∂/∂x of a WGAN-GP-style penalty on that gradient.
      const run = (): Float32Array[] =>
        tf.tidy(() => {
          const inner = (t: tf.Tensor): tf.Tensor => tf.grad((u: tf.Tensor) => tf.sum(tf.mul(tf.pow(apply(u), 3), w)))(t);
          const penalty = tf.grad((t: tf.Tensor) => tf.sum(tf.square(inner(t))))(x);
          return [apply(x), inner(x), penalty].map((t) => t.dataSync() as Float32Array);
        });
      const count = async (name: string): Promise<number> => (await tf.profile(() => void tf.tidy(() => tf.grad((u: tf.Tensor) => tf.sum(tf.mul(apply(u), w)))(x)))).kernels.filter((k) => k.name === name).length;
      const fused = run();
      expect(await count('GankitInstanceNorm')).toBe(1);
      expect(await count('GankitInstanceNormGrad')).toBe(1);
      const configs = ['GankitInstanceNorm', 'GankitInstanceNormGrad'].map((name) => tf.getKernel(name, backend)!);
      for (const c of configs) tf.unregisterKernel(c.kernelName, backend);
      try {
        expect(await count('GankitInstanceNorm')).toBe(0);
        const composed = run();
        expectClose(fused[0]!, composed[0]!, { rtol: 1e-5, atol: 1e-5 });
        expectClose(fused[1]!, composed[1]!, { rtol: 1e-4, atol: 1e-4 });
        expectClose(fused[2]!, composed[2]!, { rtol: 1e-3, atol: 1e-3 });
      } finally {
        for (const c of configs) tf.registerKernel(c);
      }
    },
  );

  it('has second-order gradients through the fused kernels on wasm too, matching finite differences', async () => {
    await useBackend('wasm');
    const shape = [2, 2, 3, 2];
    const x = tf.variable(tf.tensor(seededUniform(24, 30), shape));
    const w = tf.tensor(seededUniform(24, 31), shape);
    const layer = instanceNormalization({ epsilon: 1e-2, center: false, scale: false });
    const penalty = (t: tf.Tensor): tf.Scalar =>
      tf.sum(tf.square(tf.grad((u: tf.Tensor) => tf.sum(tf.mul(tf.pow(layer.apply(u) as tf.Tensor, 3), w)))(t)));
    const analytic = tf.grad(penalty)(x);
    const numeric = finiteDifferenceGradient(() => penalty(x).dataSync()[0]!, [x], 1e-2)[0]!;
    expectClose(analytic, numeric, { rtol: 2e-2, atol: 2e-2 });
  });

  it('saves through file:// and loads back with identical predictions', async () => {
    await useBackend('wasm');
    const layer = instanceNormalization({ epsilon: 1e-3 });
    const model = modelWith(layer);
    layer.setWeights([tf.tensor1d([0.5, 2, -1]), tf.tensor1d([1, 0, -3])]);
    const classes = await expectSaveLoadRoundTrip(model, uniform(SHAPE, 7));
    expect(classes).toContain('InstanceNormalization');
  });

  it('rejects an input without spatial axes', () => {
    const layer = instanceNormalization();
    expect(() => layer.apply(tf.input({ shape: [5] }))).toThrow(/InstanceNormalization: expects inputs \[batch, …spatial, channels\]/);
  });

  it('rejects a negative epsilon, naming the option', () => {
    expect(() => instanceNormalization({ epsilon: -1 })).toThrow(/option 'epsilon' must be a finite number ≥ 0; got -1/);
  });
});
