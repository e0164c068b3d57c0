import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, it } from 'vitest';
import { NODE_BACKENDS, expectClose, finiteDifferenceDirectional, seededUniform, useBackend } from '@gankit/test-utils';
import { initBackend } from '../index.node.js';

/**
 * A critic whose convolutions all take the column forms on wasm (8 channels in
 * and out, small): a strided convolution, a strided transposed convolution
 * (its forward pass is `Conv2DBackpropInput`) and a valid 3×3 convolution,
 * tanh between them (smooth, so finite differences need no kinks left out).
 */
function critic(seed: number): { vars: tf.Variable[]; apply: (x: tf.Tensor) => tf.Tensor; x: tf.Tensor } {
  const v = (shape: number[], s: number, scale: number): tf.Variable => tf.variable(tf.tensor(seededUniform(tf.util.sizeFromShape(shape), s, -scale, scale), shape));
  const vars = [v([3, 3, 8, 8], seed, 0.3), v([8], seed + 1, 0.1), v([3, 3, 8, 8], seed + 2, 0.3), v([8], seed + 3, 0.1), v([3, 3, 8, 8], seed + 4, 0.3), v([128, 1], seed + 5, 0.3)];
  const [k1, b1, k2, b2, k3, w4] = vars as [tf.Variable, tf.Variable, tf.Variable, tf.Variable, tf.Variable, tf.Variable];
  const apply = (x: tf.Tensor): tf.Tensor => {
    const h1 = tf.tanh(tf.add(tf.conv2d(x as tf.Tensor4D, k1 as tf.Tensor4D, 2, 'same'), b1)) as tf.Tensor4D;
    const h2 = tf.tanh(tf.add(tf.conv2dTranspose(h1, k2 as tf.Tensor4D, [2, 6, 6, 8], 2, 'same'), b2)) as tf.Tensor4D;
    const h3 = tf.tanh(tf.conv2d(h2, k3 as tf.Tensor4D, 1, 'valid'));
    return tf.matMul(tf.reshape(h3, [2, 128]) as tf.Tensor2D, w4);
  };
  return { vars, apply, x: tf.tensor4d(seededUniform(2 * 6 * 6 * 8, seed + 9), [2, 6, 6, 8]) };
}

/** P = mean_i (‖∇ₓD(x_i)‖ − 1)², the WGAN-GP penalty at fixed points: its θ-gradient is second order through every kernel. */
function penalty(c: ReturnType<typeof critic>): tf.Scalar {
  const g = tf.grad((x: tf.Tensor) => tf.sum(c.apply(x)))(c.x);
  const norms = tf.sqrt(tf.add(tf.sum(tf.square(g), [1, 2, 3]), 1e-12));
  return tf.mean(tf.square(tf.sub(norms, 1)));
}

describe('the column forms of Conv2D and its gradients differentiate correctly, to second order', () => {
  beforeAll(async () => {
    await initBackend({ quiet: true });
  });

  for (const backend of NODE_BACKENDS) {
    it(`on ${backend}: ∂/∂θ of a gradient penalty through them matches finite differences along 3 directions`, async () => {
      await useBackend(backend);
      const c = critic(31);
      const grads = tf.tidy(() => {
        const { grads: g } = tf.variableGrads(() => penalty(c), c.vars);
        return c.vars.map((v) => g[v.name]!.dataSync() as Float32Array);
      });
      for (let d = 0; d < 3; d++) {
        const direction = c.vars.map((v, i) => seededUniform(v.size, 100 * d + i, -1, 1));
        const analytic = grads.reduce((sum, g, i) => sum + g.reduce((s, x, k) => s + x * direction[i]![k]!, 0), 0);
        const numeric = finiteDifferenceDirectional(() => tf.tidy(() => penalty(c).dataSync()[0]!), c.vars, direction, 1e-2);
        expectClose(analytic, numeric, { rtol: 2e-2, atol: 1e-3 });
      }
      tf.dispose([...c.vars, c.x]);
    });
  }
});
