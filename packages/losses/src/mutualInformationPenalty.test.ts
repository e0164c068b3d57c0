import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_BACKENDS, expectClose, useBackend } from '@gankit/test-utils';
import { initBackend } from '@gankit/backend';
import { mutualInformationPenalty } from './index.js';
import type { MutualInformationPenaltyArgs } from './index.js';
import { centralDifferences, logSoftmax, mean, value } from './testing/float64.js';

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
/** log N(c; μ, e^s) in float64. */
const gaussianLogDensity = (c: number, mu: number, logStd: number): number => -0.5 * ((c - mu) / Math.exp(logStd)) ** 2 - logStd - HALF_LOG_2PI;

/*
 * TF-GAN's MutualInformationPenaltyTest (tensorflow/gan,
 * tensorflow_gan/python/losses/losses_impl_test.py): the code 1 under
 * Categorical(logits [1, 2]) and the code 2 under Normal(0, 1) give 1.61610
 * (assertAlmostEqual to 6 places), and 2.3 × that with weights 2.3 (3 places).
 * TF-GAN averages the codes' mean log-probabilities (SUM_BY_NONZERO_WEIGHTS
 * over the list), which is `reduction: 'mean'`; the default 'sum' adds them.
 */
const TFGAN_EXPECTED = 1.6161;
const tfganArgs = (extra: Partial<MutualInformationPenaltyArgs> = {}): MutualInformationPenaltyArgs => ({
  categorical: [{ codes: tf.tensor1d([1], 'int32'), logits: tf.tensor2d([[1, 2]]) }],
  continuous: { codes: tf.tensor2d([[2]]), mean: tf.tensor2d([[0]]) },
  ...extra,
});

/*
 * torchgan's test_mutual_info_penalty (torchgan, tests/torchgan/test_losses.py):
 * the per-distribution value of its Normal(mean, std) term is 4.491654, the
 * mean of −log N over all six elements (places=5). Its categorical term feeds
 * one-hot rows to Categorical.log_prob, which reads them as indices, so that
 * half has no counterpart under one-hot semantics and is not compared.
 */
const TORCHGAN_MEAN = [[1.3, 4.6, 7.1], [0.2, 11.4, 1.0]];
const TORCHGAN_STD = [[1.0, 0.5, 3.1], [0.2, 3.5, 4.9]];
const TORCHGAN_CODES = [[1.4, 4.0, 5.0], [-1.0, 7.0, 2.0]];
const TORCHGAN_CONTINUOUS = 4.491654;

// A hand-made case: two categorical codes (one-hot and indices) and a 2-D continuous code with log σ, batch 3.
const CAT_A_LOGITS = [[0.5, -1.0, 2.0], [1.5, 0.2, -0.3], [-2.0, 0.0, 0.7]];
const CAT_A_CLASSES = [2, 0, 1];
const CAT_B_LOGITS = [[3.0, -3.0], [0.1, 0.4], [-1.2, 2.2]];
const CAT_B_CLASSES = [0, 1, 1];
const CONT_CODES = [[0.3, -0.8], [-0.5, 0.9], [0.1, 0.2]];
const CONT_MEAN = [[0.1, -0.5], [-0.9, 0.4], [0.6, 0.0]];
const CONT_LOG_STD = [[-0.3, 0.2], [0.5, -0.7], [0.0, 0.1]];
const WEIGHT = 0.5;

/** The hand-made case in float64: −λ·Σ_i E_n[log q(c_i | x)], the Gaussian summed over its dimensions. */
function handPenalty(catA: number[][], catB: number[][], contMean: number[][], contLogStd: number[][]): number {
  const categorical = (logits: number[][], classes: number[]): number => mean(logits.map((l, n) => logSoftmax(l)[classes[n]!]!));
  const continuous = mean(CONT_CODES.map((c, n) => c.reduce((acc, cj, j) => acc + gaussianLogDensity(cj, contMean[n]![j]!, contLogStd[n]![j]!), 0)));
  return -WEIGHT * (categorical(catA, CAT_A_CLASSES) + categorical(catB, CAT_B_CLASSES) + continuous);
}

function handMadeArgs(): MutualInformationPenaltyArgs {
  return {
    categorical: [
      { codes: tf.oneHot(tf.tensor1d(CAT_A_CLASSES, 'int32'), 3).toFloat(), logits: tf.tensor2d(CAT_A_LOGITS) },
      { codes: tf.tensor2d(CAT_B_CLASSES, [3, 1], 'int32'), logits: tf.tensor2d(CAT_B_LOGITS) },
    ],
    continuous: { codes: tf.tensor2d(CONT_CODES), mean: tf.tensor2d(CONT_MEAN), logStd: tf.tensor2d(CONT_LOG_STD) },
    weight: WEIGHT,
  };
}

beforeAll(async () => {
  await initBackend({ quiet: true });
});

for (const backend of NODE_BACKENDS) {
  describe(`mutual information penalty on ${backend}`, () => {
    it("matches TF-GAN's fixture with reduction 'mean': 1.61610, and 2.3 × that with weight 2.3", async () => {
      await useBackend(backend);
      expectClose(value(mutualInformationPenalty(tfganArgs({ reduction: 'mean' }))), TFGAN_EXPECTED, { atol: 5e-7, rtol: 0 });
      expectClose(value(mutualInformationPenalty(tfganArgs({ reduction: 'mean', weight: 2.3 }))), TFGAN_EXPECTED * 2.3, { atol: 5e-4, rtol: 0 });
    });

    it("with the default reduction 'sum' adds the codes' terms: 2 × TF-GAN's value for its two codes; σ = 1 without logStd", async () => {
      await useBackend(backend);
      const expected = -((2 - Math.log(Math.exp(1) + Math.exp(2))) + gaussianLogDensity(2, 0, 0));
      expectClose(value(mutualInformationPenalty(tfganArgs())), expected, { rtol: 1e-6 });
      expectClose(expected, 2 * TFGAN_EXPECTED, { atol: 1e-6, rtol: 0 });
      const withUnitStd = tfganArgs({ continuous: { codes: tf.tensor2d([[2]]), mean: tf.tensor2d([[0]]), logStd: tf.tensor2d([[0]]) } });
      expectClose(value(mutualInformationPenalty(withUnitStd)), expected, { rtol: 1e-6 });
    });

    it("matches torchgan's continuous term with reduction 'mean': 4.491654", async () => {
      await useBackend(backend);
      const continuous = {
        codes: tf.tensor2d(TORCHGAN_CODES),
        mean: tf.tensor2d(TORCHGAN_MEAN),
        logStd: tf.log(tf.tensor2d(TORCHGAN_STD)),
      };
      expectClose(value(mutualInformationPenalty({ continuous, reduction: 'mean' })), TORCHGAN_CONTINUOUS, { atol: 5e-6, rtol: 0 });
    });

    it('equals the float64 hand computation for two categorical codes (one-hot and indices) and a Gaussian code with log σ', async () => {
      await useBackend(backend);
      const expected = handPenalty(CAT_A_LOGITS, CAT_B_LOGITS, CONT_MEAN, CONT_LOG_STD);
      expectClose(value(mutualInformationPenalty(handMadeArgs())), expected, { rtol: 1e-6 });
    });

    it("its gradients with respect to Q's logits, means and log σ match central differences of the float64 penalty", async () => {
      await useBackend(backend);
      const base = handMadeArgs();
      const analytic = tf.tidy(() =>
        tf
          .grads((a: tf.Tensor, b: tf.Tensor, m: tf.Tensor, s: tf.Tensor) =>
            mutualInformationPenalty({
              ...base,
              categorical: [{ ...base.categorical![0]!, logits: a }, { ...base.categorical![1]!, logits: b }],
              continuous: { codes: base.continuous!.codes, mean: m, logStd: s },
            }),
          )([tf.tensor2d(CAT_A_LOGITS), tf.tensor2d(CAT_B_LOGITS), tf.tensor2d(CONT_MEAN), tf.tensor2d(CONT_LOG_STD)])
          .flatMap((g) => Array.from(g.dataSync())),
      );
      const rows = (v: number[], width: number): number[][] => [0, 1, 2].map((i) => v.slice(width * i, width * i + width));
      const numeric = centralDifferences(
        (v) => handPenalty(rows(v.slice(0, 9), 3), rows(v.slice(9, 15), 2), rows(v.slice(15, 21), 2), rows(v.slice(21), 2)),
        [...CAT_A_LOGITS.flat(), ...CAT_B_LOGITS.flat(), ...CONT_MEAN.flat(), ...CONT_LOG_STD.flat()],
      );
      expectClose(analytic, numeric, { rtol: 1e-4, atol: 1e-6 });
    });
  });
}

describe('mutual information penalty: bad input names the argument', () => {
  it('no code at all, or unknown arguments', () => {
    expect(() => mutualInformationPenalty({})).toThrow("mutualInformationPenalty: no code given: pass 'categorical' and/or 'continuous'");
    expect(() => mutualInformationPenalty({ categorical: [] })).toThrow(/no code given/);
    expect(() => mutualInformationPenalty({ discrete: [] } as never)).toThrow(
      "mutualInformationPenalty: unknown option 'discrete'; expected one of categorical, continuous, weight, reduction",
    );
  });
  it('a categorical code whose labels do not fit its logits, named by its index', () => {
    const categorical = [
      { codes: tf.tensor1d([0, 1], 'int32'), logits: tf.zeros([2, 3]) },
      { codes: tf.zeros([2, 4]), logits: tf.zeros([2, 3]) },
    ];
    expect(() => mutualInformationPenalty({ categorical })).toThrow(
      "mutualInformationPenalty: 'categorical[1].codes' must be one-hot of the shape of 'categorical[1].logits' [2,3] or int32 class indices of shape [2] or [2,1], got [2,4]",
    );
    expect(() => mutualInformationPenalty({ categorical: [null] as never })).toThrow("mutualInformationPenalty: 'categorical[0]' must be an object { codes, logits }");
  });
  it('continuous codes, means and log σ of different shapes', () => {
    expect(() => mutualInformationPenalty({ continuous: { codes: tf.zeros([3, 2]), mean: tf.zeros([3, 1]) } })).toThrow(
      "mutualInformationPenalty: 'continuous.codes' and 'continuous.mean' must have the same shape, got [3,2] and [3,1]",
    );
    expect(() => mutualInformationPenalty({ continuous: { codes: tf.zeros([3, 2]), mean: tf.zeros([3, 2]), logStd: tf.zeros([2]) } })).toThrow(
      "mutualInformationPenalty: 'continuous.codes' and 'continuous.logStd' must have the same shape, got [3,2] and [2]",
    );
  });
  it('a negative weight or an unknown reduction', () => {
    const continuous = { codes: tf.zeros([3, 2]), mean: tf.zeros([3, 2]) };
    expect(() => mutualInformationPenalty({ continuous, weight: -1 })).toThrow("mutualInformationPenalty: 'weight' must be a finite number ≥ 0, got -1");
    expect(() => mutualInformationPenalty({ continuous, reduction: 'none' as never })).toThrow("mutualInformationPenalty: 'reduction' must be 'sum' or 'mean', got none");
  });
});
