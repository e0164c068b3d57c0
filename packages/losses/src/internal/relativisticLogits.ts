import * as tf from '@tensorflow/tfjs';
import { assertSameSampleShape, assertTensor } from './validate.js';

/**
 * Checks the arguments of a relativistic loss's method and returns them as
 * tensors. Both methods need both batches — even the generator's loss compares
 * its fakes with the real batch — so a missing `realLogits` is a named error.
 */
export function checkRelativisticLogits(fn: string, realLogits: unknown, fakeLogits: unknown): { real: tf.Tensor; fake: tf.Tensor } {
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
 * The relativistic-average differences of Jolicoeur-Martineau (2018), §4.3:
 * how much more real each real sample looks than the average fake, and each
 * fake than the average real,
 *
 *   d_r = C(x_r) − E_f[C(x_f)],   d_f = C(x_f) − E_r[C(x_r)],
 *
 * with the expectations taken over every element of the batch.
 */
export function relativisticDifferences(real: tf.Tensor, fake: tf.Tensor): { realVsFake: tf.Tensor; fakeVsReal: tf.Tensor } {
  return { realVsFake: tf.sub(real, tf.mean(fake)), fakeVsReal: tf.sub(fake, tf.mean(real)) };
}
