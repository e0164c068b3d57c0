import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_BACKENDS, expectClose, useBackend } from '@gankit/test-utils';
import { initBackend } from '@gankit/backend';
import { acganDiscriminatorLoss, acganGeneratorLoss } from './index.js';
import { centralDifferences, logSoftmax, mean, value } from './testing/float64.js';

/*
 * Fixture from TF-GAN's ACGANLossTest (tensorflow/gan,
 * tensorflow_gan/python/losses/losses_impl_test.py): acgan_generator_loss
 * 3.84974 and acgan_discriminator_loss 9.43950 (assertAlmostEqual to 5
 * places), the same for the logits and labels reshaped to [2, 2, 4] patches,
 * and ×2.3 with weights 2.3 (to 4 places).
 */
const TFGAN_FAKE = [
  [10.0, 4.4, -5.5, 3.6],
  [-4.0, 4.4, 5.2, 4.6],
  [1.1, 2.4, -3.5, 5.6],
  [1.1, 2.4, -3.5, 5.6],
];
const TFGAN_REAL = [
  [-2.0, 0.4, 12.5, 2.7],
  [-1.2, 1.9, 12.3, 2.6],
  [-2.4, -1.7, 2.5, 2.7],
  [1.1, 2.4, -3.5, 5.6],
];
const TFGAN_ONE_HOT = [
  [0, 1, 0, 0],
  [0, 0, 1, 0],
  [1, 0, 0, 0],
  [1, 0, 0, 0],
];
const TFGAN_CLASSES = [1, 2, 0, 0];
const TFGAN_G = 3.84974;
const TFGAN_D = 9.4395;
const PLACES_5 = { atol: 5e-6, rtol: 0 };

/** Softmax cross-entropy in float64 against target rows, averaged over the rows. */
const crossEntropy = (logits: number[][], targets: number[][]): number =>
  mean(logits.map((l, i) => -logSoftmax(l).reduce((acc, lp, j) => acc + targets[i]![j]! * lp, 0)));
/** TF-GAN's label smoothing: y(1 − s) + s/k. */
const smooth = (targets: number[][], s: number): number[][] => targets.map((row) => row.map((y) => y * (1 - s) + s / row.length));

beforeAll(async () => {
  await initBackend({ quiet: true });
});

for (const backend of NODE_BACKENDS) {
  describe(`ACGAN losses on ${backend}`, () => {
    it("match TF-GAN's fixture: G 3.84974, D 9.43950, with one-hot labels", async () => {
      await useBackend(backend);
      const labels = tf.tensor2d(TFGAN_ONE_HOT);
      expectClose(value(acganGeneratorLoss(tf.tensor2d(TFGAN_FAKE), labels)), TFGAN_G, PLACES_5);
      expectClose(value(acganDiscriminatorLoss(tf.tensor2d(TFGAN_REAL), tf.tensor2d(TFGAN_FAKE), labels)), TFGAN_D, PLACES_5);
    });

    it('give the same values for int32 class indices [n] and [n, 1]', async () => {
      await useBackend(backend);
      for (const labels of [tf.tensor1d(TFGAN_CLASSES, 'int32'), tf.tensor2d(TFGAN_CLASSES, [4, 1], 'int32')]) {
        expectClose(value(acganGeneratorLoss(tf.tensor2d(TFGAN_FAKE), labels)), TFGAN_G, PLACES_5);
        expectClose(value(acganDiscriminatorLoss(tf.tensor2d(TFGAN_REAL), tf.tensor2d(TFGAN_FAKE), labels)), TFGAN_D, PLACES_5);
      }
    });

    it("average over patches: TF-GAN's fixture reshaped to [2, 2, 4] gives the same values", async () => {
      await useBackend(backend);
      const patch = (rows: number[][]): tf.Tensor => tf.tensor3d(rows.flat(), [2, 2, 4]);
      expectClose(value(acganGeneratorLoss(patch(TFGAN_FAKE), patch(TFGAN_ONE_HOT))), TFGAN_G, PLACES_5);
      expectClose(value(acganDiscriminatorLoss(patch(TFGAN_REAL), patch(TFGAN_FAKE), patch(TFGAN_ONE_HOT))), TFGAN_D, PLACES_5);
    });

    it("scale with TF-GAN's scalar weights: 2.3 × the fixture", async () => {
      await useBackend(backend);
      const labels = tf.tensor2d(TFGAN_ONE_HOT);
      expectClose(value(acganGeneratorLoss(tf.tensor2d(TFGAN_FAKE), labels, { weight: 2.3 })), TFGAN_G * 2.3, { atol: 5e-5, rtol: 0 });
      const d = acganDiscriminatorLoss(tf.tensor2d(TFGAN_REAL), tf.tensor2d(TFGAN_FAKE), labels, { realWeight: 2.3, generatedWeight: 2.3 });
      expectClose(value(d), TFGAN_D * 2.3, { atol: 5e-5, rtol: 0 });
    });

    it('label smoothing moves only the real targets to y(1 − s) + s/k (float64 hand computation)', async () => {
      await useBackend(backend);
      const s = 0.2;
      const expected = crossEntropy(TFGAN_REAL, smooth(TFGAN_ONE_HOT, s)) + crossEntropy(TFGAN_FAKE, TFGAN_ONE_HOT);
      const actual = value(acganDiscriminatorLoss(tf.tensor2d(TFGAN_REAL), tf.tensor2d(TFGAN_FAKE), tf.tensor2d(TFGAN_ONE_HOT), { labelSmoothing: s }));
      expectClose(actual, expected, { rtol: 1e-6 });
    });

    it('their gradients with respect to the class logits match central differences of the float64 losses', async () => {
      await useBackend(backend);
      const s = 0.2;
      const rows = (v: number[]): number[][] => [0, 1, 2, 3].map((i) => v.slice(4 * i, 4 * i + 4));
      const labels = tf.tensor1d(TFGAN_CLASSES, 'int32');
      const [dReal, dFake] = tf.tidy(() =>
        tf
          .grads((r: tf.Tensor, f: tf.Tensor) => acganDiscriminatorLoss(r, f, labels, { labelSmoothing: s, realWeight: 0.7 }))([tf.tensor2d(TFGAN_REAL), tf.tensor2d(TFGAN_FAKE)])
          .map((g) => Array.from(g.dataSync())),
      );
      const dNumeric = centralDifferences(
        (v) => 0.7 * crossEntropy(rows(v.slice(0, 16)), smooth(TFGAN_ONE_HOT, s)) + crossEntropy(rows(v.slice(16)), TFGAN_ONE_HOT),
        [...TFGAN_REAL.flat(), ...TFGAN_FAKE.flat()],
      );
      expectClose([...dReal!, ...dFake!], dNumeric, { rtol: 1e-4, atol: 1e-6 });
      const g = tf.tidy(() => Array.from(tf.grad((f: tf.Tensor) => acganGeneratorLoss(f, labels))(tf.tensor2d(TFGAN_FAKE)).dataSync()));
      expectClose(g, centralDifferences((v) => crossEntropy(rows(v), TFGAN_ONE_HOT), TFGAN_FAKE.flat()), { rtol: 1e-4, atol: 1e-6 });
    });
  });
}

describe('ACGAN losses: bad input names the argument', () => {
  const logits = (): tf.Tensor => tf.zeros([4, 3]);
  it('labels that are neither one-hot of the logits’ shape nor int32 indices', () => {
    expect(() => acganGeneratorLoss(logits(), tf.zeros([4, 2]))).toThrow(
      "acganGeneratorLoss: 'labels' must be one-hot of the shape of 'fakeClassLogits' [4,3] or int32 class indices of shape [4] or [4,1], got [4,2]",
    );
    expect(() => acganGeneratorLoss(logits(), tf.tensor1d([0, 1, 2, 1]))).toThrow(
      "acganGeneratorLoss: 'labels' of shape [4] holds class indices and must be an int32 tensor, got float32",
    );
  });
  it('logits without a class axis, or real and fake logits of different shapes', () => {
    expect(() => acganGeneratorLoss(tf.zeros([4]), tf.zeros([4]))).toThrow("acganGeneratorLoss: 'fakeClassLogits' must have a batch and a class axis ([n, k]), got shape [4]");
    expect(() => acganDiscriminatorLoss(tf.zeros([4, 3]), tf.zeros([4, 3, 1]), tf.zeros([4, 3]))).toThrow(
      "acganDiscriminatorLoss: 'realClassLogits' and 'fakeClassLogits' must have the same shape, got [4,3] and [4,3,1]",
    );
    expect(() => acganDiscriminatorLoss(tf.zeros([4, 3]), tf.zeros([4, 5]), tf.tensor1d([0, 1, 2, 1], 'int32'))).toThrow(
      "acganDiscriminatorLoss: 'realClassLogits' and 'fakeClassLogits' must have the same shape, got [4,3] and [4,5]",
    );
  });
  it('a non-tensor argument', () => {
    expect(() => acganDiscriminatorLoss(logits(), undefined as never, tf.zeros([4, 3]))).toThrow("acganDiscriminatorLoss: 'fakeClassLogits' must be a tf.Tensor, got undefined");
  });
  it('options out of range or unknown', () => {
    expect(() => acganDiscriminatorLoss(logits(), logits(), tf.zeros([4, 3]), { labelSmoothing: 1.5 })).toThrow(
      "acganDiscriminatorLoss: 'labelSmoothing' must be a finite number ≥ 0 and ≤ 1, got 1.5",
    );
    expect(() => acganDiscriminatorLoss(logits(), logits(), tf.zeros([4, 3]), { realWeight: -1 })).toThrow("acganDiscriminatorLoss: 'realWeight' must be a finite number ≥ 0, got -1");
    expect(() => acganGeneratorLoss(logits(), tf.zeros([4, 3]), { labelSmoothing: 0.1 } as never)).toThrow("acganGeneratorLoss: unknown option 'labelSmoothing'; expected one of weight");
  });
});
