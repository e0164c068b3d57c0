import * as tf from '@tensorflow/tfjs';
import { asFloat32 } from './internal/asFloat32.js';

/**
 * Gradient of `Multiply` without the stock form's no-op `Cast`s.
 *
 *   y = a ⊙ b (broadcast);   ∂L/∂a = Σ_broadcast dy ⊙ b,   ∂L/∂b = Σ_broadcast dy ⊙ a
 *
 * Stock tfjs computes dy ⊙ cast(b, 'float32'): for a float32 b the cast is a
 * kernel launch that changes nothing (a copy on wasm). It is paid for every
 * product in a backward pass and, through a gradient penalty, again in the
 * second-order pass: four launches per critic update of a 2-D WGAN-GP step,
 * where the penalty's backward pass multiplies by the activation masks and
 * by λ. Here a float32 operand is used as it is; any other
 * dtype is still cast, as stock tfjs does. The products, reductions and
 * reshapes are stock tfjs's, in its order, so first-order values are
 * identical, and so are second-order ones: Cast's own gradient is the
 * identity on dy.
 *
 * @example
 * ```ts
 * tf.registerGradient(multiplyGradConfig);
 * ```
 */
export const multiplyGradConfig: tf.GradConfig = {
  kernelName: tf.Multiply,
  inputsToSave: ['a', 'b'],
  gradFunc: (dy, saved) => {
    const [a, b] = saved as [tf.Tensor, tf.Tensor];
    const outShape = tf.backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
    const reduced = (res: tf.Tensor, shape: number[]): tf.Tensor => {
      const axes = tf.backend_util.getReductionAxes(shape, outShape);
      return axes.length > 0 ? tf.reshape(tf.sum(res, axes), shape) : res;
    };
    return {
      a: () => reduced(tf.mul(dy as tf.Tensor, asFloat32(b)), a.shape),
      b: () => reduced(tf.mul(dy as tf.Tensor, asFloat32(a)), b.shape),
    };
  },
};
