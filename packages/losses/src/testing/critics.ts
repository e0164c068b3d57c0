/**
 * Test helpers: small critics with fixed weights, and the check of a
 * penalty's second-order gradient ∂P/∂θ against finite differences, shared by
 * the penalties' tests.
 */
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { finiteDifferenceGradient, relativeError } from '@gankit/test-utils';
import type { CriticInput, Penalty, PenaltyContext } from '../critic.js';

/** A dense critic 3 → 5 (tanh) → 4 (sigmoid) → 1. */
export function mlpCritic(): tf.LayersModel {
  const init = (seed: number): ReturnType<typeof tf.initializers.heNormal> => tf.initializers.randomUniform({ minval: -0.8, maxval: 0.8, seed });
  return tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [3], units: 5, activation: 'tanh', kernelInitializer: init(1), biasInitializer: init(2) }),
      tf.layers.dense({ units: 4, activation: 'sigmoid', kernelInitializer: init(3), biasInitializer: init(4) }),
      tf.layers.dense({ units: 1, kernelInitializer: init(5) }),
    ],
  });
}

/** A conv critic on [6, 6, 1] with leaky ReLU and tanh. */
export function convCritic(): tf.LayersModel {
  const init = (seed: number): ReturnType<typeof tf.initializers.heNormal> => tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed });
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [6, 6, 1], filters: 3, kernelSize: 3, strides: 2, padding: 'same', kernelInitializer: init(1), biasInitializer: init(2) }),
      tf.layers.leakyReLU({ alpha: 0.2 }),
      tf.layers.conv2d({ filters: 2, kernelSize: 3, strides: 1, padding: 'same', activation: 'tanh', kernelInitializer: init(3) }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 1, kernelInitializer: init(4) }),
    ],
  });
}

/** A conditional critic D(x, y) on [x, one-hot label]. */
export function conditionalCritic(): tf.LayersModel {
  const init = (seed: number): ReturnType<typeof tf.initializers.heNormal> => tf.initializers.randomUniform({ minval: -0.8, maxval: 0.8, seed });
  const x = tf.input({ shape: [2] });
  const y = tf.input({ shape: [3] });
  const h = tf.layers.dense({ units: 5, activation: 'elu', kernelInitializer: init(1), biasInitializer: init(2) }).apply(tf.layers.concatenate().apply([x, y]) as tf.SymbolicTensor);
  const out = tf.layers.dense({ units: 1, kernelInitializer: init(3) }).apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: [x, y], outputs: out });
}

/**
 * max-norm relative error of ∂P/∂θ (double backprop) against central
 * differences, over the critic's weights θ. `context` is called for every
 * evaluation, so a context that hands out a fixed sequence of draws makes the
 * penalty a deterministic function of θ.
 */
export function penaltyGradientError(penalty: Penalty, model: tf.LayersModel, real: CriticInput, fake: CriticInput, context: () => PenaltyContext): number {
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const analytic = tf.tidy(() => {
    const { grads } = tf.variableGrads(() => penalty(model, real, fake, context()), vars);
    return vars.flatMap((v) => Array.from((grads[v.name]?.dataSync() as Float32Array | undefined) ?? new Float32Array(v.size)));
  });
  const numeric = finiteDifferenceGradient(() => tf.tidy(() => penalty(model, real, fake, context()).dataSync()[0]!), vars, 5e-3, { markKinks: true }).flatMap((g) => Array.from(g));
  const keep = numeric.map((v, i) => (Number.isNaN(v) ? -1 : i)).filter((i) => i >= 0);
  expect(keep.length).toBeGreaterThanOrEqual(0.9 * numeric.length);
  return relativeError(keep.map((i) => analytic[i]!), keep.map((i) => numeric[i]!));
}
