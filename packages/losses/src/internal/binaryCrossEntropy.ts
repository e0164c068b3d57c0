import * as tf from '@tensorflow/tfjs';

/**
 * Mean binary cross-entropy of logits l against a constant target t ∈ [0, 1]:
 *   −t·log σ(l) − (1 − t)·log(1 − σ(l)) = softplus(l) − t·l,
 * using log σ(l) = −softplus(−l) and log(1 − σ(l)) = −softplus(l). tfjs's
 * softplus is evaluated stably (it never forms e^l for large l), so the loss is
 * finite and its gradient σ(l) − t exact for any logit.
 */
export function binaryCrossEntropyWithLogits(logits: tf.Tensor, target: number): tf.Scalar {
  return tf.tidy(() => {
    const perElement = target === 0 ? tf.softplus(logits) : tf.sub(tf.softplus(logits), tf.mul(logits, target));
    return tf.mean(perElement) as tf.Scalar;
  });
}
