import * as tf from '@tensorflow/tfjs';
import { maskedGradient } from './internal/leakyReluGradKernel.js';

/**
 * Gradient of `LeakyRelu` that can be differentiated again.
 *
 *   leakyRelu(x) = x for x > 0, αx otherwise;   leakyRelu'(x) = α + (1 − α)·step(x)
 *
 * The derivative is piecewise constant in x, so the second derivative is zero
 * almost everywhere; what matters for a gradient penalty is the path through
 * dy. Stock tfjs builds the mask with `greater`, which has no gradient, so
 * double backprop threw. Here the mask is `step` of `detach(x)`: the
 * tape has no path through it at all, so a second-order gradient neither
 * throws nor carries the mask's zeros back through earlier layers (see
 * `reluGradConfig`). Where the active backend has `@gankit/backend`'s
 * `GankitLeakyReluGrad` kernel (cpu, wasm), the mask and product are that one
 * launch instead of four (Step, Multiply, Add, Multiply), bit for bit the same.
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
    return { x: () => maskedGradient(dy as tf.Tensor, x, alpha) };
  },
};
