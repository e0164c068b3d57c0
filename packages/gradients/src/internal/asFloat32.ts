import * as tf from '@tensorflow/tfjs';

/**
 * `t` itself when it is float32, else `tf.cast(t, 'float32')`: what stock
 * tfjs's gradients mean by `cast(t, 'float32')`, without launching a Cast
 * kernel (a copy on wasm) that changes nothing.
 */
export function asFloat32(t: tf.Tensor): tf.Tensor {
  return t.dtype === 'float32' ? t : tf.cast(t, 'float32');
}
