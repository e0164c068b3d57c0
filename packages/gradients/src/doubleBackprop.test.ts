/**
 * The gradient, with respect to a critic's weights, of a gradient penalty
 *   P(θ) = mean_i (‖∇ₓ D_θ(x_i)‖₂ − 1)²
 * needs second-order gradients through every op of the critic. Each case below
 * compares tfjs's analytic ∂P/∂θ (double backprop, with gankit's gradient
 * overrides) with central finite differences of P, element by element.
 *
 * With piecewise-linear activations (LeakyRelu, Relu6, Maximum) ∇ₓD jumps where a
 * unit's pre-activation crosses a kink, so P itself jumps there and a central
 * difference straddling it measures the jump; such elements are detected (the
 * one-sided differences disagree) and left out, at most 10% of them.
 *
 * Tolerance: max |analytic − FD| ≤ 2e-2 · max |FD|. In float32 with h = 5e-3 and
 * P of order 1, the FD truncation error is O(h²·P''') ≈ 1e-4 and the rounding
 * error O(ε·P/h) ≈ 1e-5 relative; measured errors are ~1e-3. The bugs this
 * guards against are not small: with tfjs's stock Tanh gradient the same check
 * is off by more than 10% (the last test), and LeakyRelu/Relu6/Maximum throw.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finiteDifferenceGradient, mulberry32, relativeError, seededUniform, NODE_BACKENDS } from '@gankit/test-utils';
import { GRADIENT_PATCHES } from './gradientPatches.js';
import { registerGradientPatches } from './registerGradientPatches.js';
import { tanhGradConfig } from './tanhGrad.js';
import { useBackend } from './testing/backends.js';

type Act = (x: tf.Tensor) => tf.Tensor;
const ACTIVATIONS: Record<string, Act> = {
  tanh: (x) => tf.tanh(x),
  sigmoid: (x) => tf.sigmoid(x),
  exp: (x) => tf.exp(x),
  elu: (x) => tf.elu(x),
  leakyRelu: (x) => tf.leakyRelu(x, 0.2),
  relu6: (x) => tf.relu6(tf.mul(x, 4)),
  relu: (x) => tf.relu(x),
  softmax: (x) => tf.softmax(x),
  'maximum (x, 0.3x)': (x) => tf.maximum(x, tf.mul(x, 0.3)),
  softplus: (x) => tf.softplus(x),
};
const CONV_ACTIVATIONS = ['tanh', 'sigmoid', 'elu', 'leakyRelu'];
const H = 5e-3;
const TOL = 2e-2;

function variable(shape: number[], seed: number, scale: number): tf.Variable {
  return tf.variable(tf.tensor(seededUniform(tf.util.sizeFromShape(shape), seed, -scale, scale), shape));
}

interface Critic {
  vars: tf.Variable[];
  apply: (x: tf.Tensor) => tf.Tensor;
  x: tf.Tensor;
}

function mlpCritic(act: Act, seed: number): Critic {
  const vars = [variable([4, 6], seed, 0.8), variable([6], seed + 1, 0.3), variable([6, 5], seed + 2, 0.8), variable([5], seed + 3, 0.3), variable([5, 1], seed + 4, 0.8), variable([1], seed + 5, 0.3)];
  const [w1, b1, w2, b2, w3, b3] = vars as [tf.Variable, tf.Variable, tf.Variable, tf.Variable, tf.Variable, tf.Variable];
  const apply = (x: tf.Tensor): tf.Tensor => {
    const h1 = act(tf.add(tf.matMul(x as tf.Tensor2D, w1), b1));
    const h2 = act(tf.add(tf.matMul(h1 as tf.Tensor2D, w2), b2));
    return tf.add(tf.matMul(h2 as tf.Tensor2D, w3), b3);
  };
  const x = tf.tensor2d(seededUniform(5 * 4, seed + 9, -1.5, 1.5), [5, 4]);
  return { vars, apply, x };
}

function convCritic(act: Act, seed: number): Critic {
  const vars = [variable([3, 3, 2, 3], seed, 0.6), variable([3], seed + 1, 0.2), variable([3, 3, 3, 2], seed + 2, 0.6), variable([2], seed + 3, 0.2), variable([18, 1], seed + 4, 0.6), variable([1], seed + 5, 0.2)];
  const [k1, b1, k2, b2, w3, b3] = vars as [tf.Variable, tf.Variable, tf.Variable, tf.Variable, tf.Variable, tf.Variable];
  const apply = (x: tf.Tensor): tf.Tensor => {
    const h1 = act(tf.add(tf.conv2d(x as tf.Tensor4D, k1 as tf.Tensor4D, 2, 'same'), b1));
    const h2 = act(tf.add(tf.conv2d(h1 as tf.Tensor4D, k2 as tf.Tensor4D, 1, 'same'), b2));
    return tf.add(tf.matMul(tf.reshape(h2, [-1, 18]) as tf.Tensor2D, w3), b3);
  };
  const x = tf.tensor4d(seededUniform(3 * 6 * 6 * 2, seed + 9), [3, 6, 6, 2]);
  return { vars, apply, x };
}

/** P = mean_i (‖∇ₓD(x_i)‖ − 1)², the WGAN-GP penalty at fixed points. */
function penalty(c: Critic): tf.Scalar {
  const g = tf.grad((x: tf.Tensor) => tf.sum(c.apply(x)))(c.x);
  const axes = g.shape.slice(1).map((_, i) => i + 1);
  const norms = tf.sqrt(tf.add(tf.sum(tf.square(g), axes), 1e-12));
  return tf.mean(tf.square(tf.sub(norms, 1)));
}

/** max-norm relative error of the analytic ∂P/∂θ against finite differences. */
function penaltyGradientError(c: Critic): number {
  const analytic = tf.tidy(() => {
    const { grads } = tf.variableGrads(() => penalty(c), c.vars);
    // A variable the penalty does not depend on (the output bias: ∇ₓD ignores it) gets no gradient.
    return c.vars.map((v) => (grads[v.name]?.dataSync() as Float32Array | undefined) ?? new Float32Array(v.size));
  });
  const numeric = finiteDifferenceGradient(() => tf.tidy(() => penalty(c).dataSync()[0]!), c.vars, H, { markKinks: true });
  const flat = (a: Float32Array[]): number[] => a.flatMap((t) => Array.from(t));
  const a = flat(analytic);
  const n = flat(numeric);
  const smooth = n.map((v, i) => (Number.isNaN(v) ? -1 : i)).filter((i) => i >= 0);
  // At most 10% of the weights may sit at a kink (piecewise-linear activations).
  expect(smooth.length).toBeGreaterThanOrEqual(0.9 * n.length);
  return relativeError(smooth.map((i) => a[i]!), smooth.map((i) => n[i]!));
}

function dispose(c: Critic): void {
  tf.dispose([...c.vars, c.x]);
}

for (const backend of NODE_BACKENDS) {
  describe(`double backprop on ${backend}: ∂/∂θ of the gradient penalty matches finite differences`, () => {
    beforeAll(async () => {
      await useBackend(backend);
    });
    for (const [name, act] of Object.entries(ACTIVATIONS)) {
      it(`MLP critic with ${name}`, async () => {
        await useBackend(backend);
        const c = mlpCritic(act, 11);
        expect(penaltyGradientError(c)).toBeLessThanOrEqual(TOL);
        dispose(c);
      });
    }
    for (const name of CONV_ACTIVATIONS) {
      it(`conv critic with ${name}`, async () => {
        await useBackend(backend);
        const c = convCritic(ACTIVATIONS[name]!, 21);
        expect(penaltyGradientError(c)).toBeLessThanOrEqual(TOL);
        dispose(c);
      });
    }
  });
}

describe('the overrides keep first-order gradients exactly as tfjs had them', () => {
  for (const [kernel, op] of [
    ['Tanh', (x: tf.Tensor) => tf.tanh(x)],
    ['Sigmoid', (x: tf.Tensor) => tf.sigmoid(x)],
    ['Exp', (x: tf.Tensor) => tf.exp(x)],
    ['Elu', (x: tf.Tensor) => tf.elu(x)],
    ['LeakyRelu', (x: tf.Tensor) => tf.leakyRelu(x, 0.2)],
    ['Relu6', (x: tf.Tensor) => tf.relu6(x)],
    ['Relu', (x: tf.Tensor) => tf.relu(x)],
    ['Softmax', (x: tf.Tensor) => tf.softmax(x)],
  ] as const) {
    it(`${kernel}`, async () => {
      await useBackend('cpu');
      const rand = mulberry32(5);
      const values = Array.from({ length: 24 }, () => (rand() - 0.5) * 16);
      const weights = Array.from({ length: 24 }, () => rand() - 0.5);
      const grad = (): Float32Array =>
        tf.tidy(() => tf.grad((x: tf.Tensor) => tf.sum(tf.mul(op(x), tf.tensor2d(weights, [4, 6]))))(tf.tensor2d(values, [4, 6])).dataSync() as Float32Array);
      const patched = grad();
      const stock = registerGradientPatches().stock.get(kernel)!;
      tf.registerGradient(stock);
      const original = grad();
      tf.registerGradient(GRADIENT_PATCHES.find((g) => g.kernelName === kernel)!);
      expect(relativeError(patched, original)).toBeLessThanOrEqual(1e-6);
    });
  }
});

describe('the check can fail', () => {
  afterAll(() => {
    tf.registerGradient(tanhGradConfig);
  });
  it("with tfjs's stock Tanh gradient the penalty gradient is off by more than 10%", async () => {
    await useBackend('cpu');
    tf.registerGradient(registerGradientPatches().stock.get(tf.Tanh)!);
    const c = mlpCritic(ACTIVATIONS['tanh']!, 11);
    expect(penaltyGradientError(c)).toBeGreaterThan(0.1);
    dispose(c);
  });
});
