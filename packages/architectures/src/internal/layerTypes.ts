import type * as tf from '@tensorflow/tfjs';

/** The base options every tfjs layer takes (`name`, `trainable`, `inputShape`, …). */
export type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;
/** The keyword arguments of `Layer.call` (`training`, `mask`). */
export type Kwargs = Parameters<tf.layers.Layer['call']>[1];
/** A layer's input or output shape, `null` for unknown dimensions. */
export type Shape = tf.Shape;

/** The one shape of a single-input layer (tfjs may pass it wrapped in a list). */
export function oneShape(inputShape: Shape | Shape[]): Shape {
  const first = inputShape[0];
  return Array.isArray(first) ? (first as Shape) : (inputShape as Shape);
}
