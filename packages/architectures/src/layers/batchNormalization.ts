import * as tf from '@tensorflow/tfjs';
import type { Kwargs } from '../internal/layerTypes.js';

/** Options of {@link BatchNormalization}: tfjs's own (`axis`, `momentum`, `epsilon`, `center`, `scale`, initializers, …). */
export type BatchNormalizationArgs = NonNullable<Parameters<typeof tf.layers.batchNormalization>[0]>;

/** tfjs's batch normalization layer as it registered itself, looked up before this module registers its subclass. */
type StockBatchNormalization = ReturnType<typeof tf.layers.batchNormalization>;
const Stock = tf.serialization.SerializationMap.getMap().classNameMap['BatchNormalization']![0] as unknown as (new (args?: BatchNormalizationArgs) => StockBatchNormalization) &
  Pick<tf.serialization.SerializableConstructor<tf.serialization.Serializable>, 'fromConfig'>;

/** The fields of tfjs's layer this subclass reads (private in tfjs's typings; tfjs-layers 4.x). */
interface StockInternals {
  readonly axis: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  readonly gamma: tf.LayerVariable;
  readonly beta: tf.LayerVariable;
  readonly movingMean: tf.LayerVariable;
  readonly movingVariance: tf.LayerVariable;
}

/** The kernel `@gankit/backend` registers (cpu and wasm) that normalizes over every axis but the first and last. */
const NORM_KERNEL = 'GankitInstanceNorm';

/**
 * Batch normalization (Ioffe & Szegedy 2015): tfjs's `BatchNormalization`
 * layer, with the same options, weights, saved config and class name, whose
 * training-mode forward pass runs as one kernel where `@gankit/backend`
 * registered it (cpu and wasm).
 *
 * For an input x of shape [N, …, C] (channels last) and each channel c, over
 * the R = N·… positions of the batch:
 *
 *   μ_c = mean of x[·, c],  σ²_c = the (biased) variance,  r_c = 1/√(σ²_c + ε),
 *   y = γ_c · (x − μ_c) · r_c + β_c,
 *
 * and the moving averages move as tfjs moves them (m ← m − (m − μ)(1 − momentum),
 * likewise for σ²). x̂ = (x − μ)·r is the `GankitInstanceNorm` kernel on x
 * viewed as [1, R, C] (one "instance" holding the whole batch), and its
 * gradient one `GankitInstanceNormGrad`,
 *
 *   ∂L/∂x = r · (g − mean_R(g) − x̂ · mean_R(g · x̂)),  g = ∂L/∂x̂,
 *
 * itself differentiable, instead of tfjs's moments, `FusedBatchNorm` and the
 * roughly twenty kernels of their gradients. Inference (moving statistics),
 * other axes, dtypes and backends run tfjs's own code.
 *
 * Registered with `tf.serialization.registerClass` by this package's
 * `register` module under tfjs's own class name, `BatchNormalization`: models
 * saved with it load in plain tfjs, and any model loaded while this package is
 * imported gets this subclass, identical but for float32 rounding.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { batchNormalization } from '@gankit/architectures';
 * const x = tf.input({ shape: [14, 14, 64] });
 * const y = batchNormalization({ momentum: 0.9, epsilon: 1e-5 }).apply(x);
 * ```
 */
export class BatchNormalization extends Stock {
  /** The class name tfjs saves in model.json and looks up when loading: tfjs's own. */
  static className = 'BatchNormalization';

  /** In training mode on a backend with the kernel: one fused normalization, then γ, β and the moving averages. */
  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const self = this as unknown as StockInternals;
    const axis = self.axis >= 0 ? self.axis : self.axis + x.rank;
    const fused = kwargs['training'] === true && x.dtype === 'float32' && x.rank >= 2 && axis === x.rank - 1 && tf.getKernel(NORM_KERNEL, tf.getBackend()) != null;
    if (!fused) return super.call(inputs, kwargs);
    return tf.tidy(() => {
      const channels = x.shape[axis]!;
      const normalized = tf.engine().runKernel(NORM_KERNEL, { x: tf.reshape(x, [1, x.size / channels, channels]) }, { epsilon: self.epsilon }) as tf.Tensor;
      let y = tf.reshape(normalized, x.shape);
      if (self.scale) y = tf.mul(y, self.gamma.read());
      if (self.center) y = tf.add(y, self.beta.read());
      // The batch statistics for the moving averages, as tfjs computes them (no gradient flows through these).
      const { mean, variance } = tf.moments(x, Array.from({ length: x.rank - 1 }, (_, i) => i));
      for (const [variable, value] of [
        [self.movingMean, mean],
        [self.movingVariance, variance],
      ] as const) {
        tf.tidy(() => {
          const original = variable.read();
          variable.write(tf.sub(original, tf.mul(tf.sub(original, value), 1 - self.momentum)));
        });
      }
      return y;
    });
  }
}

/**
 * Creates a {@link BatchNormalization} layer: `tf.layers.batchNormalization`
 * with a fused training-mode kernel where `@gankit/backend` registered it.
 *
 * @param args - tfjs's options (`momentum` 0.99, `epsilon` 1e-3 by default, as tfjs).
 * @returns the layer.
 *
 * @example
 * ```ts
 * const y = batchNormalization({ momentum: 0.9, epsilon: 1e-5 }).apply(tf.input({ shape: [128] }));
 * ```
 */
export function batchNormalization(args?: BatchNormalizationArgs): BatchNormalization {
  return new BatchNormalization(args);
}
