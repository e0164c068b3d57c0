import * as tf from '@tensorflow/tfjs';
import { asFloat32 } from './internal/asFloat32.js';

/**
 * Gradient of `Square` without the stock form's no-op `Cast`.
 *
 *   y = x²;   ∂L/∂x = dy ⊙ (2x)
 *
 * Stock tfjs computes dy ⊙ (cast(x, 'float32') · 2); for float32 x the cast
 * launches a kernel that changes nothing (a copy on wasm). A gradient
 * penalty squares twice, ‖∇ₓD‖² and (‖∇ₓD‖ − 1)², so every critic update paid
 * for it twice. The same products in the same order: values are identical
 * to every order of differentiation, since Cast's own gradient is the
 * identity on dy.
 *
 * @example
 * ```ts
 * tf.registerGradient(squareGradConfig);
 * ```
 */
export const squareGradConfig: tf.GradConfig = {
  kernelName: tf.Square,
  inputsToSave: ['x'],
  gradFunc: (dy, saved) => {
    const [x] = saved as [tf.Tensor];
    return { x: () => tf.mul(dy as tf.Tensor, tf.mul(asFloat32(x), 2)) };
  },
};
