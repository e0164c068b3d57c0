import * as tf from '@tensorflow/tfjs';
import { detach } from '../detach.js';
import { asFloat32 } from './asFloat32.js';

/** The one-pass (leaky) ReLU gradient kernel `@gankit/backend` registers for cpu and wasm. */
export const LEAKY_RELU_GRAD = 'GankitLeakyReluGrad';

/**
 * dy ⊙ (α + (1 − α)·step(x)) with the mask built from {@link detach}(x): one
 * `GankitLeakyReluGrad` launch where the active backend has that kernel
 * (bit-for-bit the composed form), else tfjs's Step, Multiply (and Add) ops.
 * α = 0 is ReLU's gradient, dy ⊙ step(x). Since step(x) = step(max(x, 0)),
 * a ReLU layer's output serves as x as well as its input does.
 *
 * @example
 * ```ts
 * const x = tf.tensor1d([-1, 2]);
 * maskedGradient(tf.ones([2]), x, 0.2); // [0.2, 1]
 * ```
 */
export function maskedGradient(dy: tf.Tensor, x: tf.Tensor, alpha: number): tf.Tensor {
  if (dy.dtype === 'float32' && x.dtype === 'float32' && tf.util.arraysEqual(dy.shape, x.shape) && tf.getKernel(LEAKY_RELU_GRAD, tf.getBackend()) !== undefined) {
    return tf.engine().runKernel(LEAKY_RELU_GRAD, { dy, x: detach(x) }, { alpha }) as tf.Tensor;
  }
  const step = asFloat32(tf.step(detach(x)));
  return tf.mul(dy, alpha === 0 ? step : tf.add(alpha, tf.mul(1 - alpha, step)));
}
