import * as tf from '@tensorflow/tfjs';

/**
 * Gradient of `Relu6` that can be differentiated again.
 *
 *   relu6(x) = min(max(x, 0), 6);   relu6'(x) = 1 on (0, 6], 0 elsewhere
 *
 * The mask is step(x) − step(x − 6) (Step has a zero gradient), instead of the
 * stock `lessEqual`, which had none, so double backprop threw.
 *
 * @example
 * ```ts
 * tf.registerGradient(relu6GradConfig);
 * ```
 */
export const relu6GradConfig: tf.GradConfig = {
  kernelName: tf.Relu6,
  inputsToSave: ['x'],
  gradFunc: (dy, saved) => {
    const [x] = saved as [tf.Tensor];
    return { x: () => tf.mul(dy as tf.Tensor, tf.sub(tf.step(x), tf.step(tf.sub(x, 6)))) };
  },
};
