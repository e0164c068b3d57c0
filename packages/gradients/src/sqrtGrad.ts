import * as tf from '@tensorflow/tfjs';
import { asFloat32 } from './internal/asFloat32.js';

/**
 * Gradient of `Sqrt` without the stock form's no-op `Cast`.
 *
 *   y = √x;   ∂L/∂x = dy / (2√x)
 *
 * Stock tfjs computes dy / (√(cast(x, 'float32')) · 2); for float32 x the
 * cast launches a kernel that changes nothing (a copy on wasm), once per
 * gradient-penalty norm ‖∇ₓD‖. The same operations in the same order:
 * values are identical to every order of differentiation, since Cast's
 * own gradient is the identity on dy.
 *
 * @example
 * ```ts
 * tf.registerGradient(sqrtGradConfig);
 * ```
 */
export const sqrtGradConfig: tf.GradConfig = {
  kernelName: tf.Sqrt,
  inputsToSave: ['x'],
  gradFunc: (dy, saved) => {
    const [x] = saved as [tf.Tensor];
    return { x: () => tf.div(dy as tf.Tensor, tf.mul(tf.sqrt(asFloat32(x)), 2)) };
  },
};
