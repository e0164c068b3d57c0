import * as tf from '@tensorflow/tfjs';
import { assertSameShape, assertTensor } from './internal/validate.js';

/**
 * Cycle-consistency loss (Zhu, Park, Isola & Efros 2017, "Unpaired
 * Image-to-Image Translation using Cycle-Consistent Adversarial Networks",
 * eq. 2): the mean absolute error between an image and its round trip,
 *
 *   L_cyc = E[‖F(G(x)) − x‖₁],
 *
 * averaged over all elements (as the reference implementation's L1Loss). The
 * CycleGAN trainer weights it by λ = 10 and sums both directions.
 *
 * @param original - x.
 * @param reconstructed - F(G(x)), same shape.
 * @returns the mean absolute error, a scalar.
 *
 * @example
 * ```ts
 * const cyc = cycleConsistencyLoss(realA, gBA.apply(gAB.apply(realA)) as tf.Tensor);
 * ```
 */
export function cycleConsistencyLoss(original: tf.Tensor, reconstructed: tf.Tensor): tf.Scalar {
  const fn = 'cycleConsistencyLoss';
  assertTensor(fn, 'original', original);
  assertTensor(fn, 'reconstructed', reconstructed);
  assertSameShape(fn, 'original', original, 'reconstructed', reconstructed);
  return tf.tidy(() => tf.mean(tf.abs(tf.sub(reconstructed, original))) as tf.Scalar);
}
