import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_BACKENDS, expectClose, useBackend } from '@gankit/test-utils';
import { initBackend } from '@gankit/backend';
import { relativisticAverageLeastSquaresLoss, relativisticAverageLoss } from './index.js';
import type { AdversarialLoss } from './index.js';
import { centralDifferences, mean, softplus, value } from './testing/float64.js';

/*
 * Fixture from TF-GAN's RelativisticAverageLoss test
 * (tensorflow/gan, tensorflow_gan/python/losses/losses_impl_test.py), which
 * checks relativistic_discriminator_loss / relativistic_generator_loss with
 * assertNear(…, 1e-5). torchgan has no relativistic losses to compare with.
 */
const TFGAN_REAL = [-2.0, 0.4, 12.5, 2.7];
const TFGAN_FAKE = [10.0, 4.4, -5.5, 3.6];
const TFGAN_D = 4.390114;
const TFGAN_G = 4.9401135;

type Player = 'discriminator' | 'generator';

/** RaSGAN in float64: E_r softplus(−(r − E f)) + E_f softplus(f − E r) for D, real and fake swapped for G. */
function rasgan(real: readonly number[], fake: readonly number[], player: Player): number {
  const [a, b] = player === 'discriminator' ? [real, fake] : [fake, real];
  return mean(a.map((x) => softplus(-(x - mean(b))))) + mean(b.map((x) => softplus(x - mean(a))));
}

/** RaLSGAN in float64: E_r (r − E f − 1)² + E_f (f − E r + 1)² for D, real and fake swapped for G. */
function ralsgan(real: readonly number[], fake: readonly number[], player: Player): number {
  const [a, b] = player === 'discriminator' ? [real, fake] : [fake, real];
  return mean(a.map((x) => (x - mean(b) - 1) ** 2)) + mean(b.map((x) => (x - mean(a) + 1) ** 2));
}

const col = (xs: readonly number[]): tf.Tensor => tf.tensor2d([...xs], [xs.length, 1]);
const call = (loss: AdversarialLoss, player: Player, real: tf.Tensor, fake: tf.Tensor): tf.Scalar =>
  player === 'discriminator' ? loss.discriminator(real, fake) : loss.generator(fake, real);

const CASES = [
  { name: 'RaSGAN', loss: relativisticAverageLoss(), reference: rasgan },
  { name: 'RaLSGAN', loss: relativisticAverageLeastSquaresLoss(), reference: ralsgan },
] as const;
const PLAYERS: Player[] = ['discriminator', 'generator'];
// Batches of different sizes: each expectation is over its own batch.
const REAL = [1.3, -0.4, 2.2, 0.7, -1.6];
const FAKE = [-0.9, 0.5, -2.1];

beforeAll(async () => {
  await initBackend({ quiet: true });
});

for (const backend of NODE_BACKENDS) {
  describe(`relativistic average losses on ${backend}`, () => {
    it("RaSGAN matches TF-GAN's fixture: D 4.390114, G 4.9401135", async () => {
      await useBackend(backend);
      const loss = relativisticAverageLoss();
      expectClose(value(loss.discriminator(tf.tensor1d(TFGAN_REAL), tf.tensor1d(TFGAN_FAKE))), TFGAN_D, { atol: 1e-5, rtol: 0 });
      expectClose(value(loss.generator(tf.tensor1d(TFGAN_FAKE), tf.tensor1d(TFGAN_REAL))), TFGAN_G, { atol: 1e-5, rtol: 0 });
    });

    it('RaSGAN and RaLSGAN equal their float64 hand computations, for D and G, on batches of different sizes', async () => {
      await useBackend(backend);
      for (const { name, loss, reference } of CASES) {
        for (const player of PLAYERS) {
          const actual = value(call(loss, player, col(REAL), col(FAKE)));
          expect(() => expectClose(actual, reference(REAL, FAKE, player), { rtol: 1e-6 }), `${name} ${player}`).not.toThrow();
        }
      }
    });

    it('their gradients with respect to the real and the fake logits match central differences of the float64 losses', async () => {
      await useBackend(backend);
      const n = REAL.length;
      for (const { name, loss, reference } of CASES) {
        for (const player of PLAYERS) {
          const analytic = tf.tidy(() => {
            const [dReal, dFake] = tf.grads((r: tf.Tensor, f: tf.Tensor) => call(loss, player, r, f))([col(REAL), col(FAKE)]);
            return [...dReal!.dataSync(), ...dFake!.dataSync()];
          });
          const numeric = centralDifferences((v) => reference(v.slice(0, n), v.slice(n), player), [...REAL, ...FAKE]);
          expect(() => expectClose(analytic, numeric, { rtol: 1e-4, atol: 1e-6 }), `${name} ${player}`).not.toThrow();
        }
      }
    });

    it('RaSGAN stays finite and exact for logits of ±100 (softplus form, no sigmoid-then-log)', async () => {
      await useBackend(backend);
      const [real, fake] = [[100, -100], [-100, 100]];
      const loss = relativisticAverageLoss();
      expectClose(value(loss.discriminator(tf.tensor1d(real), tf.tensor1d(fake))), rasgan(real, fake, 'discriminator'), { rtol: 1e-6 });
      expectClose(value(loss.generator(tf.tensor1d(fake), tf.tensor1d(real))), rasgan(real, fake, 'generator'), { rtol: 1e-6 });
    });
  });
}

describe('relativistic average losses: the generator needs real logits', () => {
  it("declares realLogits, so gankit's trainers (loss.generator.length >= 2) pass them", () => {
    for (const { loss } of CASES) expect(loss.generator.length).toBe(2);
    expect(CASES.map(({ loss }) => loss.name)).toEqual(['relativistic-average', 'relativistic-average-least-squares']);
  });

  it('the generator is the discriminator with real and fake swapped', () => {
    for (const { loss } of CASES) {
      expectClose(value(loss.generator(col(FAKE), col(REAL))), value(loss.discriminator(col(FAKE), col(REAL))), { rtol: 1e-6 });
    }
  });

  it('throws a named error when realLogits is missing', () => {
    expect(() => relativisticAverageLoss().generator(col(FAKE))).toThrow(
      "relativisticAverageLoss.generator: 'realLogits' is required — a relativistic loss compares each batch with the other's average",
    );
    expect(() => relativisticAverageLeastSquaresLoss().generator(col(FAKE))).toThrow(/^relativisticAverageLeastSquaresLoss\.generator: 'realLogits' is required/);
  });
});

describe('relativistic average losses: bad input names the argument', () => {
  it('a non-tensor argument', () => {
    expect(() => relativisticAverageLoss().discriminator(col(REAL), [1, 2] as unknown as tf.Tensor)).toThrow(
      "relativisticAverageLoss.discriminator: 'fakeLogits' must be a tf.Tensor, got object",
    );
    expect(() => relativisticAverageLeastSquaresLoss().generator(null as unknown as tf.Tensor, col(REAL))).toThrow(
      "relativisticAverageLeastSquaresLoss.generator: 'fakeLogits' must be a tf.Tensor, got null",
    );
  });
  it('mismatched per-sample shapes', () => {
    expect(() => relativisticAverageLeastSquaresLoss().discriminator(tf.zeros([4, 1]), tf.zeros([4, 2]))).toThrow(
      "relativisticAverageLeastSquaresLoss.discriminator: 'realLogits' and 'fakeLogits' must be batches with the same per-sample shape, got [4,1] and [4,2]",
    );
  });
});
