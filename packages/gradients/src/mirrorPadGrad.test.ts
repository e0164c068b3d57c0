import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { NODE_BACKENDS, expectClose, finiteDifferenceGradient, relativeError, seededUniform } from '@gankit/test-utils';
import { useBackend } from './testing/backends.js';

describe('MirrorPad gradient', () => {
  it('sums the gradient of every border copy into its source (reflect, 3×3 padded by 1)', async () => {
    await useBackend('cpu');
    const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mirrorPad(t, [[0, 0], [1, 1], [1, 1], [0, 0]], 'reflect')))(tf.ones([1, 3, 3, 1]));
    expectClose(g, [1, 3, 1, 3, 9, 3, 1, 3, 1], { atol: 0 });
  });

  it('symmetric mode: the edge element is copied, not the one next to it', async () => {
    await useBackend('cpu');
    const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mirrorPad(t, [[2, 1]], 'symmetric')))(tf.ones([4]));
    // padded = [x1 x0 | x0 x1 x2 x3 | x3]
    expectClose(g, [2, 2, 1, 2], { atol: 0 });
  });

  for (const backend of NODE_BACKENDS) {
    it(`matches finite differences on ${backend}, first and second order (through a gradient penalty)`, async () => {
      await useBackend(backend);
      const x = tf.variable(tf.tensor4d(seededUniform(2 * 4 * 5 * 2, 1), [2, 4, 5, 2]));
      const w = tf.tensor4d(seededUniform(2 * 7 * 8 * 2, 2), [2, 7, 8, 2]);
      const f = (): tf.Scalar => tf.sum(tf.mul(tf.square(tf.mirrorPad(x, [[0, 0], [2, 1], [1, 2], [0, 0]], 'reflect')), w));
      const analytic = tf.tidy(() => Array.from(tf.variableGrads(f, [x]).grads[x.name]!.dataSync()));
      const numeric = Array.from(finiteDifferenceGradient(() => tf.tidy(() => f().dataSync()[0]!), [x], 1e-2)[0]!);
      expect(relativeError(analytic, numeric)).toBeLessThanOrEqual(1e-3);
      // Second order: ∂/∂k of ‖∇ₓ Σ tanh(conv(mirrorPad(x), k))‖² against finite differences.
      const k = tf.variable(tf.tensor4d(seededUniform(3 * 3 * 2 * 2, 3, -0.5, 0.5), [3, 3, 2, 2]));
      const xs = tf.tensor4d(seededUniform(2 * 4 * 5 * 2, 4), [2, 4, 5, 2]);
      const penalty = (): tf.Scalar => {
        const g = tf.grad((t: tf.Tensor) => tf.sum(tf.tanh(tf.conv2d(tf.mirrorPad(t as tf.Tensor4D, [[0, 0], [1, 1], [1, 1], [0, 0]], 'reflect'), k as tf.Tensor4D, 1, 'valid'))))(xs);
        return tf.sum(tf.square(g));
      };
      const a2 = tf.tidy(() => Array.from(tf.variableGrads(penalty, [k]).grads[k.name]!.dataSync()));
      const n2 = Array.from(finiteDifferenceGradient(() => tf.tidy(() => penalty().dataSync()[0]!), [k], 5e-3)[0]!);
      expect(relativeError(a2, n2)).toBeLessThanOrEqual(2e-2);
      tf.dispose([x, k]);
    });
  }
});
