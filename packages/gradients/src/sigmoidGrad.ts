import * as tf from '@tensorflow/tfjs';

/**
 * Gradient of `Sigmoid` that twice-differentiates correctly.
 *
 *   d σ(x)/dx = σ(x)·(1 − σ(x))
 *
 * Recomputed from the saved input instead of the saved output, for the reason
 * given on {@link tanhGradConfig} (tfjs issue #3252).
 *
 * @example
 * ```ts
 * tf.registerGradient(sigmoidGradConfig);
 * ```
 */
export const sigmoidGradConfig: tf.GradConfig = {
  kernelName: tf.Sigmoid,
  inputsToSave: ['x'],
  gradFunc: (dy, saved) => {
    const [x] = saved as [tf.Tensor];
    return {
      x: () => {
        const s = tf.sigmoid(x);
        return tf.mul(dy as tf.Tensor, tf.mul(s, tf.sub(1, s)));
      },
    };
  },
};
