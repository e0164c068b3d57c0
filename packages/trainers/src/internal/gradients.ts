import * as tf from '@tensorflow/tfjs';
import { GLOBAL_NORM } from './globalNormKernel.js';

/**
 * The value of `f` and its gradient with respect to each of `variables`, in
 * their order (zeros for a variable `f` does not use, so optimizers, which
 * match their slots to variables by position, stay aligned).
 */
export function gradientsOf(f: () => tf.Scalar, variables: tf.Variable[]): { value: tf.Scalar; grads: tf.Tensor[] } {
  const { value, grads } = tf.variableGrads(f, variables);
  return { value, grads: variables.map((v) => grads[v.name] ?? tf.zerosLike(v)) };
}

/**
 * The global L2 norm √(Σ‖g‖²) of a list of gradients: one `GankitGlobalNorm`
 * kernel on cpu and wasm (float64 sums, rounded once), else a Square and a Sum
 * per gradient, an AddN and a Sqrt (float32 sums). A reported metric only:
 * nothing trains on it, so the two may differ in the last digit.
 */
export function globalNorm(grads: tf.Tensor[]): tf.Scalar {
  if (grads.length > 0 && grads.every((g) => g.dtype === 'float32') && tf.getKernel(GLOBAL_NORM, tf.getBackend()) !== undefined) {
    const inputs: tf.NamedTensorMap = {};
    grads.forEach((g, i) => (inputs[`x${i}`] = g));
    return tf.engine().runKernel(GLOBAL_NORM, inputs, { count: grads.length }) as tf.Scalar;
  }
  return tf.tidy(() => tf.sqrt(tf.addN(grads.map((g) => tf.sum(tf.square(g))))) as tf.Scalar);
}

/** Applies gradients with the variable list given explicitly (never all trainable variables). */
export function applyGradients(optimizer: tf.Optimizer, variables: tf.Variable[], grads: tf.Tensor[]): void {
  optimizer.applyGradients(variables.map((v, i) => ({ name: v.name, tensor: grads[i]! })));
}
