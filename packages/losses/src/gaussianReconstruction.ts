import * as tf from '@tensorflow/tfjs';
import { meanOfExampleSums } from './bernoulliReconstruction.js';
import { assertSameShape, assertTensor } from './internal/validate.js';

/**
 * Squared-error reconstruction, summed per example and averaged over the
 * batch:
 *
 *   Σ_i (x_i − x̂_i)².
 *
 * Up to a constant this is 2σ² times the negative log-likelihood of a
 * Gaussian decoder N(x̂, σ²I): −log p(x | z) = Σ_i (x_i − x̂_i)²/(2σ²) +
 * (D/2)·log(2πσ²). Use it for real-valued data; weight it against the KL
 * term (β-VAE style) to choose the effective σ.
 *
 * @param prediction - decoder outputs x̂.
 * @param target - data x, same shape.
 * @returns the batch-mean summed squared error, a scalar.
 *
 * @example
 * ```ts
 * const rec = gaussianReconstruction(decoder.apply(z) as tf.Tensor, x);
 * ```
 */
export function gaussianReconstruction(prediction: tf.Tensor, target: tf.Tensor): tf.Scalar {
  const fn = 'gaussianReconstruction';
  assertTensor(fn, 'prediction', prediction);
  assertTensor(fn, 'target', target);
  assertSameShape(fn, 'prediction', prediction, 'target', target);
  return tf.tidy(() => meanOfExampleSums(tf.squaredDifference(prediction, target)));
}
