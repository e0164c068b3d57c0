import type * as tf from '@tensorflow/tfjs';

/** Applies a layer to symbolic tensors and returns its one symbolic output. */
export function apply(layer: tf.layers.Layer, x: tf.SymbolicTensor | tf.SymbolicTensor[]): tf.SymbolicTensor {
  return layer.apply(x) as tf.SymbolicTensor;
}

/** Applies layers in order. */
export function chain(x: tf.SymbolicTensor, layers: readonly tf.layers.Layer[]): tf.SymbolicTensor {
  return layers.reduce((h, layer) => apply(layer, h), x);
}
