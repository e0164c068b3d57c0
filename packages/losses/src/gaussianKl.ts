import * as tf from '@tensorflow/tfjs';
import { assertSameShape, assertTensor } from './internal/validate.js';

/**
 * KL divergence of a diagonal Gaussian posterior N(μ, σ²) from the standard
 * normal prior, in nats, given (μ, log σ²) — the VAE's regularizer (Kingma &
 * Welling 2014, "Auto-Encoding Variational Bayes", Appendix B):
 *
 *   KL(N(μ, σ²) ‖ N(0, I)) = ½ Σ_j (σ_j² + μ_j² − 1 − log σ_j²),
 *
 * summed over latent dimensions, averaged over the batch. (The form
 * Σ(exp(s) − (1 + s) + m²) with s = log σ² found in some notes is twice this:
 * it drops the ½. We keep the ½ so the value is a true KL in nats and
 * reconstruction − KL is the ELBO.)
 *
 * @param mean - μ, shape [batch, latent].
 * @param logVar - log σ², same shape.
 * @returns the batch-mean KL, a scalar.
 *
 * @example
 * ```ts
 * const [mean, logVar] = encoder.apply(x) as tf.Tensor[];
 * const kl = gaussianKl(mean, logVar);
 * ```
 */
export function gaussianKl(mean: tf.Tensor, logVar: tf.Tensor): tf.Scalar {
  const fn = 'gaussianKl';
  assertTensor(fn, 'mean', mean);
  assertTensor(fn, 'logVar', logVar);
  assertSameShape(fn, 'mean', mean, 'logVar', logVar);
  if (mean.rank < 1) throw new Error(`${fn}: 'mean' must be a batch (rank ≥ 1), got a scalar`);
  return tf.tidy(() => {
    const perDim = tf.sub(tf.add(tf.exp(logVar), tf.square(mean)), tf.add(1, logVar));
    const axes = mean.shape.slice(1).map((_, i) => i + 1);
    const perExample = axes.length > 0 ? tf.sum(perDim, axes) : perDim;
    return tf.mul(0.5, tf.mean(perExample)) as tf.Scalar;
  });
}
