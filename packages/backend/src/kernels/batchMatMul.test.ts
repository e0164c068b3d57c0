import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { relativeError, seededUniform, useBackend } from '@gankit/test-utils';
import { initBackend } from '../index.node.js';

const combos = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
] as const;

describe('wasm BatchMatMul / _FusedMatMul with transposed operands match cpu', () => {
  beforeAll(async () => {
    await initBackend({ quiet: true });
  });

  for (const [ta, tb] of combos) {
    it(`matMul transposeA=${ta} transposeB=${tb}: 2-D, batched 3-D, and fused with bias + relu`, async () => {
      const [m, k, n] = [7, 5, 6];
      const aShape = ta ? [k, m] : [m, k];
      const bShape = tb ? [n, k] : [k, n];
      const a2 = seededUniform(m * k, 1);
      const b2 = seededUniform(k * n, 2);
      const a3 = seededUniform(3 * m * k, 3);
      const b3 = seededUniform(3 * k * n, 4);
      const bias = seededUniform(n, 5);
      const run = (): Float32Array[] => {
        const outs = [
          tf.tidy(() => tf.matMul(tf.tensor2d(a2, aShape as [number, number]), tf.tensor2d(b2, bShape as [number, number]), ta, tb)),
          tf.tidy(() => tf.matMul(tf.tensor3d(a3, [3, ...aShape] as [number, number, number]), tf.tensor3d(b3, [3, ...bShape] as [number, number, number]), ta, tb)),
          tf.tidy(() =>
            tf.fused.matMul({ a: tf.tensor2d(a2, aShape as [number, number]), b: tf.tensor2d(b2, bShape as [number, number]), transposeA: ta, transposeB: tb, bias: tf.tensor1d(bias), activation: 'relu' }),
          ),
        ];
        const data = outs.map((t) => t.dataSync() as Float32Array);
        tf.dispose(outs);
        return data;
      };
      await useBackend('cpu');
      const expected = run();
      await useBackend('wasm');
      const before = tf.memory().numTensors;
      const actual = run();
      expect(tf.memory().numTensors).toBe(before);
      actual.forEach((v, i) => expect(relativeError(v, expected[i]!)).toBeLessThanOrEqual(1e-5));
    });
  }

  it('dense-layer gradients (which use Aᵀ·B and A·Bᵀ) match cpu', async () => {
    const x = seededUniform(16 * 8, 6);
    const run = (): Float32Array[] =>
      tf.tidy(() => {
        const layer = tf.layers.dense({ units: 4, activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) });
        const input = tf.tensor2d(x, [16, 8]);
        layer.apply(input);
        const { grads } = tf.variableGrads(() => tf.sum(tf.square(layer.apply(input) as tf.Tensor)) as tf.Scalar);
        const dx = tf.grad((t: tf.Tensor) => tf.sum(tf.square(layer.apply(t) as tf.Tensor)))(input);
        return [...Object.values(grads).map((g) => g.dataSync() as Float32Array), dx.dataSync() as Float32Array];
      });
    await useBackend('cpu');
    const expected = run();
    await useBackend('wasm');
    run().forEach((v, i) => expect(relativeError(v, expected[i]!)).toBeLessThanOrEqual(1e-5));
  });
});
