import * as tf from '@tensorflow/tfjs';

/**
 * Gradient of `Softmax` that twice-differentiates correctly.
 *
 *   y = softmax(x);   ∂L/∂x = y ⊙ (dy − Σ_dim dy ⊙ y)
 *
 * Recomputes y from the saved logits instead of using the saved output (see
 * {@link tanhGradConfig}, tfjs #3252).
 *
 * @example
 * ```ts
 * tf.registerGradient(softmaxGradConfig);
 * ```
 */
export const softmaxGradConfig: tf.GradConfig = {
  kernelName: tf.Softmax,
  inputsToSave: ['logits'],
  gradFunc: (dy, saved, attrs) => {
    const [logits] = saved as [tf.Tensor];
    const { dim } = attrs as unknown as tf.SoftmaxAttrs;
    return {
      logits: () => {
        const y = tf.softmax(logits, dim);
        const dyTimesY = tf.mul(dy as tf.Tensor, y);
        return tf.sub(dyTimesY, tf.mul(tf.sum(dyTimesY, [dim], true), y));
      },
    };
  },
};
