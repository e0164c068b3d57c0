import * as tf from '@tensorflow/tfjs';

/**
 * Gradient of `Elu` (α = 1, as tfjs defines it) that twice-differentiates.
 *
 *   elu(x) = x for x > 0, eˣ − 1 otherwise;   elu'(x) = e^{min(x, 0)}
 *
 * Stock tfjs uses the saved output and an `EluGrad` kernel that has no gradient
 * of its own; this form uses only differentiable ops on the saved input, and
 * `min(x, 0)` keeps eˣ from overflowing for large positive x.
 *
 * @example
 * ```ts
 * tf.registerGradient(eluGradConfig);
 * ```
 */
export const eluGradConfig: tf.GradConfig = {
  kernelName: tf.Elu,
  inputsToSave: ['x'],
  gradFunc: (dy, saved) => {
    const [x] = saved as [tf.Tensor];
    return { x: () => tf.mul(dy as tf.Tensor, tf.exp(tf.minimum(x, 0))) };
  },
};
