import * as tf from '@tensorflow/tfjs';
import type { AdversarialLoss } from '../adversarialLoss.js';
import { assertSameSampleShape, assertTensor } from './validate.js';

/**
 * Checks the arguments of a relativistic loss's method and returns them as
 * tensors. Both methods need both batches — even the generator's loss compares
 * its fakes with the real batch — so a missing `realLogits` is a named error.
 */
function checkRelativisticLogits(fn: string, realLogits: unknown, fakeLogits: unknown): { real: tf.Tensor; fake: tf.Tensor } {
  if (realLogits === undefined) {
    throw new Error(
      `${fn}: 'realLogits' is required — a relativistic loss compares each batch with the other's average; ` +
        "pass D's outputs on a real batch (gankit's trainers pass them to generator() when loss.generator.length >= 2)",
    );
  }
  assertTensor(fn, 'realLogits', realLogits);
  assertTensor(fn, 'fakeLogits', fakeLogits);
  assertSameSampleShape(fn, 'realLogits', realLogits, 'fakeLogits', fakeLogits);
  return { real: realLogits, fake: fakeLogits };
}

/**
 * The loss of one batch of relativistic differences, as the batch the player
 * wants judged more realistic (`'above'`) or less realistic (`'below'`) than
 * the other's average.
 */
export type RelativisticTerm = (d: tf.Tensor, side: 'above' | 'below') => tf.Tensor;

/**
 * Builds a relativistic average loss (Jolicoeur-Martineau 2018, §4.3) from
 * its term. With the relativistic-average differences — how much more real
 * each real sample looks than the average fake, and each fake than the
 * average real, the expectations over every element of the batch —
 *
 *   d_r = C(x_r) − E_f[C(x_f)],   d_f = C(x_f) − E_r[C(x_r)],
 *
 * D's loss is term(d_r, above) + term(d_f, below) and G's, with the roles
 * swapped, term(d_f, above) + term(d_r, below).
 */
export function relativisticAverage(fn: string, name: string, term: RelativisticTerm): AdversarialLoss {
  const differences = (real: tf.Tensor, fake: tf.Tensor): { realVsFake: tf.Tensor; fakeVsReal: tf.Tensor } => ({
    realVsFake: tf.sub(real, tf.mean(fake)),
    fakeVsReal: tf.sub(fake, tf.mean(real)),
  });
  return {
    name,
    discriminator(realLogits, fakeLogits) {
      const { real, fake } = checkRelativisticLogits(`${fn}.discriminator`, realLogits, fakeLogits);
      return tf.tidy(() => {
        const { realVsFake, fakeVsReal } = differences(real, fake);
        return tf.add(term(realVsFake, 'above'), term(fakeVsReal, 'below')) as tf.Scalar;
      });
    },
    generator(fakeLogits, realLogits) {
      const { real, fake } = checkRelativisticLogits(`${fn}.generator`, realLogits, fakeLogits);
      return tf.tidy(() => {
        const { realVsFake, fakeVsReal } = differences(real, fake);
        return tf.add(term(fakeVsReal, 'above'), term(realVsFake, 'below')) as tf.Scalar;
      });
    },
  };
}
