import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_BACKENDS, expectClose, seededUniform, useBackend } from '@gankit/test-utils';
import { initBackend } from '@gankit/backend';
import { draganPenalty } from './index.js';
import type { Critic, PenaltyContext } from './index.js';
import { conditionalCritic, mlpCritic, penaltyGradientError } from './testing/critics.js';
import { mean, value } from './testing/float64.js';

/*
 * torchgan's DraganGradientPenalty (torchgan/losses/draganpenalty.py) has no
 * numeric test in tests/torchgan/test_losses.py, so the values here are
 * checked against float64 hand computations of the same formula.
 */

/** A context that hands out the given draws in order — u first, then α — as the penalty documents. */
function draws(...values: number[][]): PenaltyContext {
  let next = 0;
  return {
    uniform: (shape) => {
      const v = values[next++];
      if (v === undefined || v.length !== shape.reduce((a, b) => a * b, 1)) throw new Error(`draws: no draw of shape [${shape}] at call ${next}`);
      return tf.tensor(v, shape);
    },
  };
}

/** Unbiased (Bessel-corrected) standard deviation over every element, as torch's `Tensor.std()`. */
function besselStd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((acc, x) => acc + (x - m) ** 2, 0) / (xs.length - 1));
}

beforeAll(async () => {
  await initBackend({ quiet: true });
});

describe('DRAGAN penalty: values', () => {
  it('is λ(‖w‖ − k)² for a linear critic, wherever the perturbation lands', () => {
    const w = [0.6, 1.2, -0.4];
    const critic: Critic = (x) => tf.add(tf.matMul(x as tf.Tensor2D, tf.tensor2d(w, [3, 1])), 0.3);
    const real = tf.randomNormal([5, 3], 0, 1, 'float32', 1);
    expectClose(value(draganPenalty()(critic, real, real)), 10 * (Math.hypot(...w) - 1) ** 2, { rtol: 1e-5 });
    expectClose(value(draganPenalty({ lambda: 3, k: 0.5 })(critic, real, real)), 3 * (Math.hypot(...w) - 0.5) ** 2, { rtol: 1e-5 });
  });

  it('perturbs x by (1 − α)·c·std(x)·u, std over the whole batch with Bessel’s correction (torchgan), and equals the float64 hand computation', () => {
    // D(x) = Σ_j ½a_j x_j² + b·x has ∇D(x̂) = a∘x̂ + b, so the penalty depends on where x̂ lands.
    const a = [1.5, -0.8];
    const b = [0.2, 0.4];
    const critic: Critic = (x) =>
      tf.add(tf.sum(tf.mul(tf.mul(0.5, tf.tensor1d(a)), tf.square(x as tf.Tensor)), 1, true), tf.matMul(x as tf.Tensor2D, tf.tensor2d(b, [2, 1])));
    const x = [0.3, -1.2, 2.0, 0.5, -0.7, 1.1];
    const u = [0.9, 0.1, 0.4, 0.75, 0.2, 0.6];
    const alpha = [0.25, 0.8, 0.05];
    for (const { lambda, k, c } of [{ lambda: 10, k: 1, c: 0.5 }, { lambda: 2, k: 0.3, c: 1.7 }]) {
      const std = besselStd(x);
      const xHat = x.map((xi, i) => xi + (1 - alpha[Math.floor(i / 2)]!) * c * std * u[i]!);
      const norms = [0, 1, 2].map((s) => Math.hypot(a[0]! * xHat[2 * s]! + b[0]!, a[1]! * xHat[2 * s + 1]! + b[1]!));
      const expected = lambda * mean(norms.map((g) => (g - k) ** 2));
      const actual = value(draganPenalty({ lambda, k, c })(critic, tf.tensor2d(x, [3, 2]), tf.zeros([3, 2]), draws(u, alpha)));
      expectClose(actual, expected, { rtol: 1e-5 });
    }
  });

  it('for a conditional critic [x, labels] perturbs x only: D(x, y) = (x·w)(y·v) gives λ·E(|y·v|·‖w‖ − 1)²', () => {
    const w = [0.5, -1.5];
    const v = [0.4, 1.3, -2.0];
    const critic: Critic = (inputs) => {
      const [x, y] = inputs as tf.Tensor[];
      return tf.mul(tf.matMul(x as tf.Tensor2D, tf.tensor2d(w, [2, 1])), tf.matMul(y as tf.Tensor2D, tf.tensor2d(v, [3, 1])));
    };
    const classes = [0, 2, 1, 2];
    const labels = tf.oneHot(tf.tensor1d(classes, 'int32'), 3).toFloat();
    const real = [tf.tensor2d(seededUniform(8, 7), [4, 2]), labels];
    const expected = 10 * mean(classes.map((c) => (Math.abs(v[c]!) * Math.hypot(...w) - 1) ** 2));
    expectClose(value(draganPenalty()(critic, real, real)), expected, { rtol: 1e-5 });
  });

  it('is reproducible through context.uniform: the same seeds give the same value, other seeds another', () => {
    const model = mlpCritic();
    const real = tf.tensor2d(seededUniform(12, 8), [4, 3]);
    const seeded = (seed: number): PenaltyContext => {
      let call = 0;
      return { uniform: (shape) => tf.randomUniform(shape, 0, 1, 'float32', seed + call++) };
    };
    const penalty = draganPenalty({ c: 5 });
    const first = value(penalty(model, real, real, seeded(1)));
    expect(value(penalty(model, real, real, seeded(1)))).toBe(first);
    expect(value(penalty(model, real, real, seeded(11)))).not.toBe(first);
  });
});

for (const backend of NODE_BACKENDS) {
  describe(`DRAGAN penalty: ∂penalty/∂θ matches finite differences on ${backend} (tolerance 2e-2 of the largest component)`, () => {
    it('MLP critic (tanh, sigmoid)', async () => {
      await useBackend(backend);
      const real = tf.tensor2d(seededUniform(12, 1), [4, 3]);
      const u = Array.from(seededUniform(12, 2, 0, 1));
      expect(penaltyGradientError(draganPenalty(), mlpCritic(), real, real, () => draws(u, [0.1, 0.5, 0.7, 0.95]))).toBeLessThanOrEqual(2e-2);
    });
    it('conditional critic on [x, label] (elu)', async () => {
      await useBackend(backend);
      const labels = tf.oneHot(tf.tensor1d([0, 2, 1], 'int32'), 3).toFloat();
      const real = [tf.tensor2d(seededUniform(6, 5), [3, 2]), labels];
      const u = Array.from(seededUniform(6, 6, 0, 1));
      expect(penaltyGradientError(draganPenalty({ c: 1 }), conditionalCritic(), real, real, () => draws(u, [0.2, 0.6, 0.9]))).toBeLessThanOrEqual(2e-2);
    });
  });
}

describe('DRAGAN penalty: bad input names the argument', () => {
  it('λ < 0, k < 0, c < 0, ε ≤ 0 and unknown options', () => {
    expect(() => draganPenalty({ lambda: -1 })).toThrow("draganPenalty: 'lambda' must be a finite number ≥ 0, got -1");
    expect(() => draganPenalty({ k: -1 })).toThrow("draganPenalty: 'k' must be a finite number ≥ 0, got -1");
    expect(() => draganPenalty({ c: Number.NaN })).toThrow("draganPenalty: 'c' must be a finite number ≥ 0, got NaN");
    expect(() => draganPenalty({ epsilon: 0 })).toThrow("draganPenalty: 'epsilon' must be a finite number > 0, got 0");
    expect(() => draganPenalty({ gamma: 1 } as never)).toThrow("draganPenalty: unknown option 'gamma'; expected one of lambda, k, c, epsilon");
  });
  it('a real input that is neither a tensor nor [x, …conditioning], or a single element', () => {
    const critic: Critic = (x) => x as tf.Tensor;
    expect(() => draganPenalty()(critic, [] as never, tf.zeros([3, 2]))).toThrow(
      "draganPenalty: 'real' must be a tf.Tensor or a non-empty array [x, …conditioning] of tensors",
    );
    expect(() => draganPenalty()(critic, tf.zeros([1, 1]), tf.zeros([1, 1]))).toThrow(
      "draganPenalty: 'real' must be a batch of at least 2 elements (its standard deviation scales the perturbation), got shape [1,1]",
    );
  });
});
