import * as tf from '@tensorflow/tfjs';

/**
 * Gradient of `Exp` that twice-differentiates correctly: d eˣ/dx = eˣ,
 * recomputed from the saved input (see {@link tanhGradConfig}, tfjs #3252).
 *
 * @example
 * ```ts
 * tf.registerGradient(expGradConfig);
 * ```
 */
export const expGradConfig: tf.GradConfig = {
  kernelName: tf.Exp,
  inputsToSave: ['x'],
  gradFunc: (dy, saved) => {
    const [x] = saved as [tf.Tensor];
    return { x: () => tf.mul(dy as tf.Tensor, tf.exp(x)) };
  },
};
