import * as tf from '@tensorflow/tfjs';
import { detach } from './detach.js';

/**
 * Gradient of `Relu6` that can be differentiated again.
 *
 *   relu6(x) = min(max(x, 0), 6);   relu6'(x) = 1 on (0, 6], 0 elsewhere
 *
 * The mask is step(x) − step(x − 6) of {@link detach}(x), instead of the
 * stock `lessEqual`, which had no gradient, so double backprop threw; detached,
 * the tape has no path through the mask (see `reluGradConfig`).
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
    return {
      x: () => {
        const held = detach(x);
        return tf.mul(dy as tf.Tensor, tf.sub(tf.step(held), tf.step(tf.sub(held, 6))));
      },
    };
  },
};
