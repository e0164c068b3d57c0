import * as tf from '@tensorflow/tfjs';

/**
 * Ops whose outputs are piecewise constant (comparisons and logical ops): their
 * gradient is zero wherever it exists. tfjs registers none, so any gradient
 * that builds a mask from them (Maximum, Minimum, ClipByValue, Prelu, …) threw
 * "gradient function not found" when differentiated a second time.
 *
 * @example
 * ```ts
 * ZERO_GRADIENT_KERNELS.includes(tf.Greater); // true
 * ```
 */
export const ZERO_GRADIENT_KERNELS = [
  tf.Greater,
  tf.GreaterEqual,
  tf.Less,
  tf.LessEqual,
  tf.Equal,
  tf.NotEqual,
  tf.LogicalAnd,
  tf.LogicalOr,
  tf.LogicalNot,
  tf.LogicalXor,
] as const;

/** A gradient config returning float32 zeros shaped like each saved input. */
function zeroGradConfig(kernelName: string, inputNames: readonly string[]): tf.GradConfig {
  return {
    kernelName,
    inputsToSave: [...inputNames],
    gradFunc: (_dy, saved) => {
      const grads: Record<string, () => tf.Tensor> = {};
      inputNames.forEach((name, i) => {
        const input = saved[i] as tf.Tensor;
        grads[name] = () => tf.zeros(input.shape, 'float32');
      });
      return grads;
    },
  };
}

/**
 * Zero-gradient configs for every kernel in {@link ZERO_GRADIENT_KERNELS}.
 *
 * @example
 * ```ts
 * zeroGradientConfigs.forEach((config) => tf.registerGradient(config));
 * ```
 */
export const zeroGradientConfigs: tf.GradConfig[] = ZERO_GRADIENT_KERNELS.map((name) =>
  zeroGradConfig(name, name === tf.LogicalNot ? ['x'] : ['a', 'b']),
);
