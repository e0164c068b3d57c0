import * as tf from '@tensorflow/tfjs';
import { assertSameShape, assertTensor } from './internal/validate.js';

/**
 * Negative Bernoulli log-likelihood of data in [0, 1] under a decoder's
 * logits, in nats — the VAE reconstruction term for MNIST-like images
 * (Kingma & Welling 2014, Appendix C.1):
 *
 *   −log p(x | z) = Σ_i [softplus(l_i) − x_i·l_i]
 *                 = −Σ_i [x_i·log σ(l_i) + (1 − x_i)·log(1 − σ(l_i))],
 *
 * summed over each example's elements, averaged over the batch. Computed from
 * logits with softplus, never as log(sigmoid): finite for any logit.
 *
 * @param logits - decoder outputs, shape [batch, …].
 * @param target - data in [0, 1], same shape.
 * @returns the batch-mean negative log-likelihood, a scalar.
 *
 * @example
 * ```ts
 * const nll = bernoulliReconstruction(decoder.apply(z) as tf.Tensor, images01);
 * const negElbo = nll.add(gaussianKl(mean, logVar));
 * ```
 */
export function bernoulliReconstruction(logits: tf.Tensor, target: tf.Tensor): tf.Scalar {
  const fn = 'bernoulliReconstruction';
  assertTensor(fn, 'logits', logits);
  assertTensor(fn, 'target', target);
  assertSameShape(fn, 'logits', logits, 'target', target);
  return tf.tidy(() => {
    const perElement = tf.sub(tf.softplus(logits), tf.mul(target, logits));
    return meanOfExampleSums(perElement);
  });
}

/** Σ over all but the batch axis, then the mean over the batch. */
export function meanOfExampleSums(perElement: tf.Tensor): tf.Scalar {
  const axes = perElement.shape.slice(1).map((_, i) => i + 1);
  const perExample = axes.length > 0 ? tf.sum(perElement, axes) : perElement;
  return tf.mean(perExample) as tf.Scalar;
}
