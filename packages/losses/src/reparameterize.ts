import * as tf from '@tensorflow/tfjs';
import { assertSameShape, assertTensor } from './internal/validate.js';

/**
 * The reparameterization trick (Kingma & Welling 2014): a sample from
 * N(μ, σ²) written as a differentiable function of (μ, log σ²),
 *
 *   z = μ + exp(½·log σ²) ⊙ ε,   ε ~ N(0, I),
 *
 * so gradients flow to the encoder through μ and log σ².
 *
 * @param mean - μ.
 * @param logVar - log σ², same shape.
 * @param noise - ε; default a fresh standard-normal sample (pass your own for reproducible runs).
 * @returns z, shaped like `mean`.
 *
 * @example
 * ```ts
 * const z = reparameterize(mean, logVar);
 * const logits = decoder.apply(z) as tf.Tensor;
 * ```
 */
export function reparameterize(mean: tf.Tensor, logVar: tf.Tensor, noise?: tf.Tensor): tf.Tensor {
  const fn = 'reparameterize';
  assertTensor(fn, 'mean', mean);
  assertTensor(fn, 'logVar', logVar);
  assertSameShape(fn, 'mean', mean, 'logVar', logVar);
  if (noise !== undefined) {
    assertTensor(fn, 'noise', noise);
    assertSameShape(fn, 'mean', mean, 'noise', noise);
  }
  return tf.tidy(() => {
    const eps = noise ?? tf.randomNormal(mean.shape);
    return tf.add(mean, tf.mul(tf.exp(tf.mul(0.5, logVar)), eps));
  });
}
