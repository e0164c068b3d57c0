import * as tf from '@tensorflow/tfjs';

/**
 * Identity in the forward pass, zero gradient in the backward pass — tfjs has
 * no `stopGradient`. Used to hold power-iteration vectors constant.
 */
export const stopGradient: (x: tf.Tensor) => tf.Tensor = tf.customGrad((x, save) => {
  void save;
  return { value: tf.clone(x as tf.Tensor), gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy) };
}) as (x: tf.Tensor) => tf.Tensor;
