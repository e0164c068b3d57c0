import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededUniform, useBackend } from '@gankit/test-utils';
import { initBackend } from '../index.node.js';
import { LEAKY_RELU_GRAD } from './leakyReluGrad.js';

/** x with exact zeros, −0, NaN and both signs; dy of both signs (so dy · 0 gives −0 too); 4·k + 3 values so SIMD tails run. */
function inputs(n: number, seed: number): { x: Float32Array; dy: Float32Array } {
  const x = seededUniform(n, seed, -2, 2);
  x[0] = 0;
  x[1] = -0;
  x[2] = Number.NaN;
  x[n - 1] = Number.NaN;
  x[n - 2] = 0;
  return { x, dy: seededUniform(n, seed + 1, -3, 3) };
}

/** The composed form tfjs evaluated before: dy ⊙ step(x) (ReLU), dy ⊙ (α + (1 − α)·step(x)) (leaky ReLU). */
function composed(dy: tf.Tensor, x: tf.Tensor, alpha: number): tf.Tensor {
  const step = tf.step(x);
  return tf.mul(dy, alpha === 0 ? step : tf.add(alpha, tf.mul(1 - alpha, step)));
}

const same = (a: ArrayLike<number>, b: ArrayLike<number>): void => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Object.is(a[i], b[i]) || (Number.isNaN(a[i]) && Number.isNaN(b[i])), `at ${i}: ${a[i]} vs ${b[i]}`).toBe(true);
};

describe('GankitLeakyReluGrad (cpu and wasm)', () => {
  beforeAll(async () => {
    const info = await initBackend({ quiet: true });
    expect(info.patches.kernels).toContain('GankitLeakyReluGrad (Relu and LeakyRelu gradients, cpu and wasm)');
  });

  for (const backend of ['cpu', 'wasm'] as const) {
    for (const alpha of [0, 0.2, 0.01, 0.3]) {
      it(`is bit for bit the composed dy ⊙ (α + (1 − α)·step(x)) on ${backend}, α = ${alpha}, signed zeros included`, async () => {
        await useBackend(backend);
        const { x, dy } = inputs(4 * 257 + 3, 11 + alpha * 100);
        const [kernel, reference] = tf.tidy(() => {
          const xt = tf.tensor1d(x);
          const dyt = tf.tensor1d(dy);
          return [(tf.engine().runKernel(LEAKY_RELU_GRAD, { dy: dyt, x: xt }, { alpha }) as tf.Tensor).dataSync(), composed(dyt, xt, alpha).dataSync()];
        });
        same(kernel!, reference!);
        // Not trivially zero, and −0 where dy < 0 and x ≤ 0 under ReLU.
        expect(Array.from(kernel!).filter((v) => v !== 0 && !Number.isNaN(v)).length).toBeGreaterThan(400);
        if (alpha === 0) expect(Object.is(kernel![1], dy[1]! < 0 ? -0 : 0)).toBe(true);
      });
    }

    it(`is what @gankit/gradients' Relu and LeakyRelu gradients launch on ${backend}, once instead of Step and Multiply`, async () => {
      await useBackend(backend);
      const x = tf.tensor2d(seededUniform(64, 3, -1, 1), [8, 8]);
      for (const f of [(t: tf.Tensor): tf.Tensor => tf.relu(t), (t: tf.Tensor): tf.Tensor => tf.leakyRelu(t, 0.2)]) {
        const info = await tf.profile(() => tf.grad((t: tf.Tensor) => tf.sum(tf.mul(f(t), t)))(x));
        const names = info.kernels.map((k) => k.name);
        expect(names.filter((n) => n === LEAKY_RELU_GRAD)).toHaveLength(1);
        expect(names).not.toContain('Step');
        (info.result as tf.Tensor).dispose();
      }
      x.dispose();
    });

    it(`gives a WGAN-GP penalty's ∂/∂θ through ReLU and leaky ReLU layers bit for bit as the composed masks on ${backend}`, async () => {
      await useBackend(backend);
      const w1 = tf.variable(tf.tensor2d(seededUniform(3 * 16, 5, -1, 1), [3, 16]));
      const w2 = tf.variable(tf.tensor2d(seededUniform(16 * 16, 6, -1, 1), [16, 16]));
      const w3 = tf.variable(tf.tensor2d(seededUniform(16, 7, -1, 1), [16, 1]));
      const xs = tf.tensor2d(seededUniform(20 * 3, 8, -1, 1), [20, 3]);
      const critic = (x: tf.Tensor): tf.Tensor => tf.matMul(tf.leakyRelu(tf.matMul(tf.relu(tf.matMul(x, w1)), w2), 0.2), w3);
      // ∂/∂θ of E[(‖∇ₓD(x)‖ − 1)²]: second order through both masked gradients.
      const penaltyGrads = (): Float32Array[] => {
        const { grads } = tf.variableGrads(() => {
          const g = tf.grad((x: tf.Tensor) => tf.sum(critic(x)))(xs);
          return tf.mean(tf.square(tf.sub(tf.sqrt(tf.sum(tf.square(g), 1)), 1))) as tf.Scalar;
        }, [w1, w2, w3]);
        const out = [w1, w2, w3].map((w) => grads[w.name]!.dataSync() as Float32Array);
        tf.dispose(Object.values(grads));
        return out;
      };
      const withKernel = penaltyGrads();
      const config = tf.getKernel(LEAKY_RELU_GRAD, backend)!;
      tf.unregisterKernel(LEAKY_RELU_GRAD, backend);
      try {
        const withComposed = penaltyGrads();
        withKernel.forEach((g, i) => same(g, withComposed[i]!));
        expect(withKernel.every((g) => g.some((v) => v !== 0))).toBe(true);
      } finally {
        tf.registerKernel(config);
      }
      tf.dispose([w1, w2, w3, xs]);
    });

    it(`rejects inputs of other shapes or dtypes on ${backend}, naming the kernel and both shapes`, async () => {
      await useBackend(backend);
      const run = (dy: tf.Tensor, x: tf.Tensor): unknown => tf.engine().runKernel(LEAKY_RELU_GRAD, { dy, x }, { alpha: 0 });
      const a = tf.zeros([2, 3]);
      const b = tf.zeros([3, 2]);
      const c = tf.zeros([2, 3], 'int32');
      expect(() => run(a, b)).toThrow(/GankitLeakyReluGrad: inputs 'dy' \[2,3\] and 'x' \[3,2\] must have the same shape/);
      expect(() => run(a, c)).toThrow(/GankitLeakyReluGrad: 'dy' and 'x' must be float32, got float32 and int32/);
      tf.dispose([a, b, c]);
    });
  }
});
