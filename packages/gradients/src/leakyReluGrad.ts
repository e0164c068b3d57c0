import * as tf from '@tensorflow/tfjs';
import { detach } from './detach.js';

/**
 * Gradient of `LeakyRelu` that can be differentiated again.
 *
 *   leakyRelu(x) = x for x > 0, αx otherwise;   leakyRelu'(x) = α + (1 − α)·step(x)
 *
 * The derivative is piecewise constant in x, so the second derivative is zero
 * almost everywhere; what matters for a gradient penalty is the path through
 * dy. Stock tfjs builds the mask with `greater`, which has no gradient, so
 * double backprop threw. Here the mask is `step` of {@link detach}(x): the
 * tape has no path through it at all, so a second-order gradient neither
 * throws nor carries the mask's zeros back through earlier layers (see
 * `reluGradConfig`).
 *
 * @example
 * ```ts
 * tf.registerGradient(leakyReluGradConfig);
 * ```
 */
export const leakyReluGradConfig: tf.GradConfig = {
  kernelName: tf.LeakyRelu,
  inputsToSave: ['x'],
  gradFunc: (dy, saved, attrs) => {
    const [x] = saved as [tf.Tensor];
    const alpha = (attrs as unknown as tf.LeakyReluAttrs).alpha;
    return { x: () => tf.mul(dy as tf.Tensor, tf.add(alpha, tf.mul(1 - alpha, tf.step(detach(x))))) };
  },
};
