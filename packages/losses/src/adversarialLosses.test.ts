import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectClose } from '@gankit/test-utils';
import { initBackend } from '@gankit/backend';
import { hingeLoss, leastSquaresLoss, minimaxLoss, nonSaturatingLoss, wassersteinEstimate, wassersteinLoss } from './index.js';

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const value = (s: tf.Scalar): number => {
  const v = s.dataSync()[0]!;
  s.dispose();
  return v;
};
const REAL = [2, -1, 0.5, 3];
const FAKE = [-2, 0.3, 1, -0.7];
const col = (xs: number[]): tf.Tensor => tf.tensor2d(xs, [xs.length, 1]);

beforeAll(async () => {
  await initBackend({ quiet: true });
});

describe('closed-form values on hand-made logits', () => {
  it('minimax: D = −mean log σ(r) − mean log(1 − σ(f)); G = mean log(1 − σ(f))', () => {
    const loss = minimaxLoss();
    const d = -mean(REAL.map((r) => Math.log(sigmoid(r)))) - mean(FAKE.map((f) => Math.log(1 - sigmoid(f))));
    const g = mean(FAKE.map((f) => Math.log(1 - sigmoid(f))));
    expectClose(value(loss.discriminator(col(REAL), col(FAKE))), d, { rtol: 1e-5 });
    expectClose(value(loss.generator(col(FAKE))), g, { rtol: 1e-5 });
  });

  it('non-saturating: G = −mean log σ(f)', () => {
    const g = -mean(FAKE.map((f) => Math.log(sigmoid(f))));
    expectClose(value(nonSaturatingLoss().generator(col(FAKE))), g, { rtol: 1e-5 });
  });

  it('one-sided label smoothing moves only the real target to 1 − s', () => {
    const s = 0.1;
    const bce = (l: number, t: number): number => -t * Math.log(sigmoid(l)) - (1 - t) * Math.log(1 - sigmoid(l));
    const d = mean(REAL.map((r) => bce(r, 1 - s))) + mean(FAKE.map((f) => bce(f, 0)));
    expectClose(value(nonSaturatingLoss({ labelSmoothing: s }).discriminator(col(REAL), col(FAKE))), d, { rtol: 1e-5 });
  });

  it('least squares with a-b-c targets: D = ½E(r − b)² + ½E(f − a)², G = ½E(f − c)²', () => {
    const [a, b, c] = [-1, 1, 0];
    const loss = leastSquaresLoss({ a, b, c });
    const d = 0.5 * mean(REAL.map((r) => (r - b) ** 2)) + 0.5 * mean(FAKE.map((f) => (f - a) ** 2));
    expectClose(value(loss.discriminator(col(REAL), col(FAKE))), d, { rtol: 1e-6 });
    expectClose(value(loss.generator(col(FAKE))), 0.5 * mean(FAKE.map((f) => (f - c) ** 2)), { rtol: 1e-6 });
  });

  it('hinge: D = E max(0, 1 − r) + E max(0, 1 + f), G = −E f', () => {
    const d = mean(REAL.map((r) => Math.max(0, 1 - r))) + mean(FAKE.map((f) => Math.max(0, 1 + f)));
    expectClose(value(hingeLoss().discriminator(col(REAL), col(FAKE))), d, { rtol: 1e-6 });
    expectClose(value(hingeLoss().generator(col(FAKE))), -mean(FAKE), { rtol: 1e-6 });
  });

  it('Wasserstein: critic = E f − E r, G = −E f, estimate = E r − E f', () => {
    expectClose(value(wassersteinLoss().discriminator(col(REAL), col(FAKE))), mean(FAKE) - mean(REAL), { rtol: 1e-6 });
    expectClose(value(wassersteinLoss().generator(col(FAKE))), -mean(FAKE), { rtol: 1e-6 });
    expectClose(value(wassersteinEstimate(col(REAL), col(FAKE))), mean(REAL) - mean(FAKE), { rtol: 1e-6 });
  });

  it('stays finite and exact for logits of ±100 (no sigmoid-then-log)', () => {
    const d = value(nonSaturatingLoss().discriminator(col([100, -100]), col([-100, 100])));
    // real 100 → ~0, real −100 → 100; fake −100 → ~0, fake 100 → 100; means: 50 + 50.
    expectClose(d, 100, { rtol: 1e-6 });
    const g = tf.grad((l: tf.Tensor) => nonSaturatingLoss().generator(l))(col([-100, 100]));
    expectClose(g, [-0.5, 0], { atol: 1e-6 });
  });
});

describe('gradient signs and sizes', () => {
  const gradOf = (f: (l: tf.Tensor) => tf.Scalar, logits: number[]): number[] =>
    Array.from(tf.tidy(() => tf.grad(f)(col(logits)).dataSync()));

  it('each generator loss pushes fake logits up (negative gradient)', () => {
    for (const loss of [minimaxLoss(), nonSaturatingLoss(), leastSquaresLoss(), hingeLoss(), wassersteinLoss()]) {
      const g = gradOf((l) => loss.generator(l), [-0.5, 0.2, -2]);
      expect(g.every((v) => v < 0), loss.name).toBe(true);
    }
  });

  it('the non-saturating gradient is −(1 − σ(f))/n, the minimax one −σ(f)/n', () => {
    const f = [-3, 0, 2];
    expectClose(gradOf((l) => nonSaturatingLoss().generator(l), f), f.map((x) => -(1 - sigmoid(x)) / 3), { rtol: 1e-5 });
    expectClose(gradOf((l) => minimaxLoss().generator(l), f), f.map((x) => -sigmoid(x) / 3), { rtol: 1e-5 });
  });

  it('saturation: at D(G(z)) ≈ 0 the non-saturating gradient is > 10⁴ times the minimax one', () => {
    const logits = [-12, -10, -11];
    const ns = gradOf((l) => nonSaturatingLoss().generator(l), logits).map(Math.abs);
    const mm = gradOf((l) => minimaxLoss().generator(l), logits).map(Math.abs);
    ns.forEach((v, i) => {
      expect(mm[i]!).toBeLessThan(1e-4);
      expect(v / mm[i]!).toBeGreaterThan(1e4);
    });
  });
});

describe('the theory: optimal discriminator and Jensen–Shannon divergence', () => {
  it('minimizing the minimax D loss over a free logit per point reaches D* = p/(p + q) and value log 4 − 2·JSD', async () => {
    // Two discrete densities on 4 points, as batches in which each point appears in proportion to its mass.
    const p = [8, 6, 4, 2].map((n) => n / 20);
    const q = [1, 3, 7, 9].map((n) => n / 20);
    const realIdx = p.flatMap((m, i) => Array(Math.round(m * 20)).fill(i) as number[]);
    const fakeIdx = q.flatMap((m, i) => Array(Math.round(m * 20)).fill(i) as number[]);
    const logits = tf.variable(tf.zeros([4]));
    const realI = tf.tensor1d(realIdx, 'int32');
    const fakeI = tf.tensor1d(fakeIdx, 'int32');
    const loss = minimaxLoss();
    const dLoss = (): tf.Scalar => loss.discriminator(tf.gather(logits, realI), tf.gather(logits, fakeI));
    const opt = tf.train.adam(0.05);
    for (let i = 0; i < 1500; i++) opt.minimize(dLoss, false, [logits]);
    const dStar = p.map((pi, i) => pi / (pi + q[i]!));
    expectClose(Array.from(tf.sigmoid(logits).dataSync()), dStar, { atol: 2e-3 });
    const kl = (a: number[], b: number[]): number => a.reduce((s, ai, i) => s + ai * Math.log(ai / b[i]!), 0);
    const m = p.map((pi, i) => (pi + q[i]!) / 2);
    const jsd = 0.5 * kl(p, m) + 0.5 * kl(q, m);
    // −V(D*, G) = log 4 − 2·JSD, i.e. V = −log 4 + 2·JSD.
    expectClose(value(dLoss()), Math.log(4) - 2 * jsd, { atol: 1e-4 });
    tf.dispose([logits, realI, fakeI]);
    opt.dispose();
  });
});

describe('bad input names the argument', () => {
  it('mismatched per-sample shapes', () => {
    expect(() => nonSaturatingLoss().discriminator(tf.zeros([4, 1]), tf.zeros([4, 2]))).toThrow(
      "nonSaturatingLoss.discriminator: 'realLogits' and 'fakeLogits' must be batches with the same per-sample shape, got [4,1] and [4,2]",
    );
    expect(() => wassersteinLoss().discriminator(tf.zeros([3, 5, 5, 1]), tf.zeros([3, 4, 4, 1]))).toThrow(/'realLogits' and 'fakeLogits'/);
  });
  it('a non-tensor argument', () => {
    expect(() => hingeLoss().generator([1, 2] as unknown as tf.Tensor)).toThrow("hingeLoss.generator: 'fakeLogits' must be a tf.Tensor, got object");
  });
  it('label smoothing outside [0, 0.5] and unknown options', () => {
    expect(() => minimaxLoss({ labelSmoothing: 0.9 })).toThrow("minimaxLoss: 'labelSmoothing' must be a finite number ≥ 0 and ≤ 0.5, got 0.9");
    expect(() => nonSaturatingLoss({ smoothing: 0.1 } as never)).toThrow("nonSaturatingLoss: unknown option 'smoothing'; expected one of labelSmoothing");
  });
  it('least-squares targets that are not numbers, or a = b', () => {
    expect(() => leastSquaresLoss({ a: Number.NaN })).toThrow("leastSquaresLoss: 'a' must be a finite number, got NaN");
    expect(() => leastSquaresLoss({ a: 1, b: 1 })).toThrow("leastSquaresLoss: 'a' and 'b' must differ");
  });
});
