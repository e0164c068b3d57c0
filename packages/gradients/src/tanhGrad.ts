import * as tf from '@tensorflow/tfjs';

/**
 * Gradient of `Tanh` that twice-differentiates correctly.
 *
 *   d tanh(x)/dx = 1 − tanh(x)²
 *
 * Stock tfjs computes this from the saved *output* y = tanh(x). The engine
 * records the clone of a saved output before the op's own tape node, so when
 * this gradient is itself differentiated (a gradient penalty), the tape filter
 * drops the y → x path and the second-order term silently vanishes (tfjs issue
 * #3252). Saving the input and recomputing tanh(x) keeps the path on the tape.
 *
 * @example
 * ```ts
 * tf.registerGradient(tanhGradConfig); // registerGradientPatches() registers it with the others
 * ```
 */
export const tanhGradConfig: tf.GradConfig = {
  kernelName: tf.Tanh,
  inputsToSave: ['x'],
  gradFunc: (dy, saved) => {
    const [x] = saved as [tf.Tensor];
    return { x: () => tf.mul(dy as tf.Tensor, tf.sub(1, tf.square(tf.tanh(x)))) };
  },
};
