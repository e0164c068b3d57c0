import * as tf from '@tensorflow/tfjs';

/** Sums every axis but the first: [n, ...] → [n]. */
function sumPerExample(t: tf.Tensor): tf.Tensor {
  return t.rank === 1 ? t : tf.sum(t, Array.from({ length: t.rank - 1 }, (_, i) => i + 1));
}

/**
 * −log Bernoulli(x | sigmoid(ℓ)) per example, from logits ℓ, in the stable
 * form max(ℓ, 0) − ℓ·x + log(1 + e^{−|ℓ|}) (equal to −x log σ(ℓ) − (1−x) log(1−σ(ℓ)),
 * without evaluating the log of a saturated sigmoid). Valid for x in [0, 1].
 */
export function bernoulliNll(x: tf.Tensor, logits: tf.Tensor): tf.Tensor {
  return tf.tidy(() =>
    sumPerExample(tf.add(tf.sub(tf.relu(logits), tf.mul(logits, x)), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))))),
  );
}

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** −log N(x | μ, I) per example: ½ Σ (x − μ)² + (D/2) log 2π. */
export function gaussianNll(x: tf.Tensor, mean: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const d = x.size / x.shape[0]!;
    return tf.add(tf.mul(sumPerExample(tf.square(tf.sub(x, mean))), 0.5), d * HALF_LOG_2PI);
  });
}

/** KL(N(μ, diag σ²) ‖ N(0, I)) per example: ½ Σ (σ² + μ² − 1 − log σ²), from μ and log σ². */
export function gaussianKl(mean: tf.Tensor, logVar: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(sumPerExample(tf.sub(tf.add(tf.exp(logVar), tf.square(mean)), tf.add(logVar, 1))), 0.5));
}
