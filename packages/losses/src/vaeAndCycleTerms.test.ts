import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose, mulberry32 } from '@gankit/test-utils';
import { initBackend } from '@gankit/backend';
import { bernoulliReconstruction, cycleConsistencyLoss, gaussianKl, gaussianReconstruction, identityLoss, reparameterize } from './index.js';

const value = (s: tf.Scalar): number => {
  const v = s.dataSync()[0]!;
  s.dispose();
  return v;
};

beforeAll(async () => {
  await initBackend({ quiet: true });
});

describe('Gaussian KL to the standard normal', () => {
  it('is ½Σ(σ² + μ² − 1 − log σ²) per example, averaged over the batch', () => {
    const mean = [[0.5, -1], [0, 0]];
    const logVar = [[0.2, -0.4], [0, 0]];
    const perExample = mean.map((m, b) => 0.5 * m.reduce((acc, mj, j) => acc + Math.exp(logVar[b]![j]!) + mj * mj - 1 - logVar[b]![j]!, 0));
    expectClose(value(gaussianKl(tf.tensor2d(mean), tf.tensor2d(logVar))), (perExample[0]! + perExample[1]!) / 2, { rtol: 1e-6 });
  });
  it('is zero exactly at the prior and positive elsewhere', () => {
    expect(value(gaussianKl(tf.zeros([3, 4]), tf.zeros([3, 4])))).toBe(0);
    expect(value(gaussianKl(tf.fill([1, 2], 0.1), tf.fill([1, 2], -0.1)))).toBeGreaterThan(0);
  });
  it('equals the Monte-Carlo estimate E_q[log q(z) − log p(z)] (100,000 samples, within 2%)', () => {
    const mu = 0.7;
    const lv = Math.log(0.5);
    const rand = mulberry32(3);
    let acc = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u1 = Math.max(rand(), 1e-12);
      const eps = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rand());
      const z = mu + Math.exp(0.5 * lv) * eps;
      const logQ = -0.5 * (Math.log(2 * Math.PI) + lv + eps * eps);
      const logP = -0.5 * (Math.log(2 * Math.PI) + z * z);
      acc += logQ - logP;
    }
    expectClose(value(gaussianKl(tf.tensor2d([[mu]]), tf.tensor2d([[lv]]))), acc / n, { rtol: 2e-2 });
  });
});

describe('reparameterize', () => {
  it('is μ + exp(½ log σ²)·ε for given noise, and differentiable in μ and log σ²', () => {
    const z = reparameterize(tf.tensor1d([1, -2]), tf.tensor1d([0, Math.log(4)]), tf.tensor1d([0.5, -1]));
    expectClose(z, [1.5, -4], { rtol: 1e-6 });
    const [dMu, dLv] = tf.grads((m: tf.Tensor, lv: tf.Tensor) => tf.sum(reparameterize(m, lv, tf.tensor1d([0.5, -1]))))([tf.tensor1d([1, -2]), tf.tensor1d([0, Math.log(4)])]);
    expectClose(dMu!, [1, 1], { rtol: 1e-6 });
    expectClose(dLv!, [0.5 * 1 * 0.5, 0.5 * 2 * -1], { rtol: 1e-6 });
  });
  it('samples with the requested mean and variance', () => {
    const z = reparameterize(tf.fill([20000], 3), tf.fill([20000], Math.log(0.25)));
    const { mean, variance } = tf.moments(z);
    expectClose(mean, 3, { atol: 0.02 });
    expectClose(variance, 0.25, { rtol: 0.05 });
  });
});

describe('reconstruction terms', () => {
  it('Bernoulli: Σ softplus(l) − x·l per example (= −Σ x log σ(l) + (1 − x) log(1 − σ(l))), batch-averaged', () => {
    const logits = [[2, -1, 0.3], [-3, 0, 1]];
    const x = [[1, 0, 0.4], [0, 1, 0.9]];
    const sig = (t: number): number => 1 / (1 + Math.exp(-t));
    const nll = logits.map((row, b) => -row.reduce((acc, l, i) => acc + x[b]![i]! * Math.log(sig(l)) + (1 - x[b]![i]!) * Math.log(1 - sig(l)), 0));
    expectClose(value(bernoulliReconstruction(tf.tensor2d(logits), tf.tensor2d(x))), (nll[0]! + nll[1]!) / 2, { rtol: 1e-5 });
  });
  it('Bernoulli stays finite for confident wrong logits', () => {
    expectClose(value(bernoulliReconstruction(tf.tensor2d([[100, -100]]), tf.tensor2d([[0, 1]]))), 200, { rtol: 1e-6 });
  });
  it('Gaussian: Σ (x − x̂)² per example, batch-averaged', () => {
    expectClose(value(gaussianReconstruction(tf.tensor2d([[1, 2], [0, 0]]), tf.tensor2d([[0, 0], [1, 1]]))), (5 + 2) / 2, { rtol: 1e-6 });
  });
});

describe('cycle-consistency and identity terms', () => {
  it('cycle: mean |F(G(x)) − x| over all elements', () => {
    expectClose(value(cycleConsistencyLoss(tf.tensor2d([[0, 1], [2, 3]]), tf.tensor2d([[0.5, 1], [1, 3]]))), (0.5 + 0 + 1 + 0) / 4, { rtol: 1e-6 });
  });
  it('identity: mean |G(y) − y| over all elements', () => {
    expectClose(value(identityLoss(tf.tensor1d([1, -1]), tf.tensor1d([0.5, -1.5]))), 0.5, { rtol: 1e-6 });
  });
});

describe('VAE and cycle terms: bad input names the argument', () => {
  it('mismatched shapes', () => {
    expect(() => gaussianKl(tf.zeros([2, 3]), tf.zeros([2, 4]))).toThrow("gaussianKl: 'mean' and 'logVar' must have the same shape, got [2,3] and [2,4]");
    expect(() => bernoulliReconstruction(tf.zeros([2, 3]), tf.zeros([3, 2]))).toThrow("bernoulliReconstruction: 'logits' and 'target' must have the same shape");
    expect(() => cycleConsistencyLoss(tf.zeros([1, 4, 4, 3]), tf.zeros([1, 4, 4, 1]))).toThrow("cycleConsistencyLoss: 'original' and 'reconstructed' must have the same shape");
    expect(() => reparameterize(tf.zeros([2]), tf.zeros([2]), tf.zeros([3]))).toThrow("reparameterize: 'mean' and 'noise' must have the same shape");
  });
});
