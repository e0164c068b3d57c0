import * as tf from '@tensorflow/tfjs';
import { oneShape } from '../internal/layerTypes.js';
import type { Kwargs, LayerArgs, Shape } from '../internal/layerTypes.js';

/** Options of {@link InstanceNormalization}. */
export interface InstanceNormalizationArgs extends LayerArgs {
  /** Added to the variance before the square root. Default 1e-5 (PyTorch `InstanceNorm2d`). */
  epsilon?: number;
  /** Learn a per-channel offset β (initialized to 0). Default true. */
  center?: boolean;
  /** Learn a per-channel scale γ (initialized to 1). Default true. */
  scale?: boolean;
}

/**
 * Instance normalization: normalizes every sample's every channel over its
 * spatial positions, then optionally scales and shifts per channel.
 *
 * For an input x of shape [batch, …spatial, channels] (channels last) and each
 * sample n and channel c:
 *
 *   μ = mean over spatial positions of x[n, …, c],  σ² = the (biased) variance,
 *   y[n, …, c] = γ_c · (x[n, …, c] − μ) / √(σ² + ε) + β_c.
 *
 * Unlike batch normalization it uses no batch statistics, so it behaves the
 * same in training and inference and keeps no moving averages — the choice of
 * style transfer and CycleGAN, where every image is normalized on its own.
 * Where `@gankit/backend` registered them (cpu and wasm) the normalization
 * runs as one `GankitInstanceNorm` kernel and its gradient as one
 * `GankitInstanceNormGrad`,
 *
 *   ∂L/∂x = r · (g − mean(g) − x̂ · mean(g · x̂)),  g = ∂L/∂x̂, r = 1/√(σ² + ε),
 *
 * itself differentiable (gradient penalties); elsewhere it is the composed
 * ops (moments, subtract, rsqrt, multiply) and their gradient.
 *
 * Paper: Ulyanov, Vedaldi & Lempitsky, "Instance Normalization: The Missing
 * Ingredient for Fast Stylization", 2016.
 *
 * Registered with `tf.serialization.registerClass` by this package's
 * `register` module (imported by its entry point), so models containing it
 * load with `tf.loadLayersModel`; it is saved with class name `InstanceNormalization`.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { instanceNormalization } from '@gankit/architectures';
 * const x = tf.input({ shape: [32, 32, 64] });
 * const y = instanceNormalization({ scale: false, center: false }).apply(x);
 * ```
 */
export class InstanceNormalization extends tf.layers.Layer {
  /** The class name tfjs saves in model.json and looks up when loading. */
  static className = 'InstanceNormalization';
  /** Added to the variance before the square root. */
  readonly epsilon: number;
  /** Whether the layer learns an offset β. */
  readonly center: boolean;
  /** Whether the layer learns a scale γ. */
  readonly scale: boolean;
  private gamma: tf.LayerVariable | null = null;
  private beta: tf.LayerVariable | null = null;

  /** @param args - epsilon, center, scale, and the base layer options. */
  constructor(args: InstanceNormalizationArgs = {}) {
    const { epsilon, center, scale, ...base } = args;
    super(base);
    if (epsilon !== undefined && !(typeof epsilon === 'number' && Number.isFinite(epsilon) && epsilon >= 0)) {
      throw new Error(`InstanceNormalization: option 'epsilon' must be a finite number ≥ 0; got ${String(epsilon)}`);
    }
    this.epsilon = epsilon ?? 1e-5;
    this.center = center ?? true;
    this.scale = scale ?? true;
    this.supportsMasking = false;
  }

  /** Creates γ and β, one per channel. */
  override build(inputShape: Shape | Shape[]): void {
    const shape = oneShape(inputShape);
    const channels = shape[shape.length - 1];
    if (shape.length < 3 || channels == null) {
      throw new Error(
        `InstanceNormalization: expects inputs [batch, …spatial, channels] with a known channel count; got shape ${JSON.stringify(shape)}`,
      );
    }
    if (this.scale) this.gamma = this.addWeight('gamma', [channels], 'float32', tf.initializers.ones());
    if (this.center) this.beta = this.addWeight('beta', [channels], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  /** Same shape as the input. */
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return oneShape(inputShape);
  }

  /** Normalizes each sample and channel over the spatial axes. */
  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs;
      let y: tf.Tensor;
      // One kernel each way where @gankit/backend registered it for this backend (cpu, wasm).
      if (x.dtype === 'float32' && tf.getKernel(NORM_KERNEL, tf.getBackend()) != null) {
        y = tf.engine().runKernel(NORM_KERNEL, { x }, { epsilon: this.epsilon }) as tf.Tensor;
      } else {
        const axes = Array.from({ length: x.rank - 2 }, (_, i) => i + 1);
        const { mean, variance } = tf.moments(x, axes, true);
        y = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, this.epsilon)));
      }
      if (this.gamma !== null) y = tf.mul(y, this.gamma.read());
      if (this.beta !== null) y = tf.add(y, this.beta.read());
      return y;
    });
  }

  /** The options needed to rebuild the layer. */
  override getConfig(): tf.serialization.ConfigDict {
    return { epsilon: this.epsilon, center: this.center, scale: this.scale, ...super.getConfig() };
  }
}

/** The kernel `@gankit/backend` registers (cpu and wasm) for the normalization; its gradient is registered with it. */
const NORM_KERNEL = 'GankitInstanceNorm';

/**
 * Creates an {@link InstanceNormalization} layer (Ulyanov et al. 2016).
 *
 * @param args - `epsilon` (1e-5), `center` (true), `scale` (true), base layer options.
 * @returns the layer, ready to `apply` to a [batch, height, width, channels] input.
 *
 * @example
 * ```ts
 * const y = instanceNormalization().apply(tf.input({ shape: [28, 28, 8] }));
 * ```
 */
export function instanceNormalization(args?: InstanceNormalizationArgs): InstanceNormalization {
  return new InstanceNormalization(args);
}
