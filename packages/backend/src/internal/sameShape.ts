import type * as tf from '@tensorflow/tfjs';

/** Throws, naming `kernel` and both shapes, unless its inputs `dy` and `x` have the same shape. */
export function sameShape(kernel: string, dy: tf.TensorInfo, x: tf.TensorInfo): void {
  if (dy.shape.length !== x.shape.length || dy.shape.some((d, i) => d !== x.shape[i])) {
    throw new Error(`${kernel}: inputs 'dy' [${dy.shape.join(',')}] and 'x' [${x.shape.join(',')}] must have the same shape`);
  }
}
