import * as tf from '@tensorflow/tfjs';
import { stopGradient } from './internal/stopGradient.js';
import { powerIterationStep, rayleighSigma, weightMatrix } from './internal/weightMatrix.js';
import { assertNumber } from './internal/validate.js';

type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** Options of {@link SpectralNormalization}. */
export interface SpectralNormalizationArgs extends LayerArgs {
  /** The layer to normalize: a Dense, Conv2D or Conv2DTranspose layer (not yet applied). */
  layer: tf.layers.Layer;
  /** Power iterations per training forward pass. Default 1 (Miyato et al. 2018). */
  powerIterations?: number;
  /** ε added to vector norms. Default 1e-12. */
  epsilon?: number;
  /** Seed of the power iteration's initial vector u ~ N(0, I), for reproducible runs. Default: unseeded. */
  seed?: number;
}

const SUPPORTED = ['Dense', 'Conv2D', 'Conv2DTranspose'];

/** The part of a Dense/Conv layer we reach into: its kernel variable. */
interface HasKernel {
  kernel: { read(): tf.Tensor } | null;
}

/**
 * Spectral normalization (Miyato, Kataoka, Koyama & Yoshida 2018, "Spectral
 * Normalization for Generative Adversarial Networks"): wraps a Dense, Conv2D or
 * Conv2DTranspose layer so it computes with W / σ(W) instead of W, where σ(W)
 * is the largest singular value of the kernel reshaped to a matrix. Each
 * linear map then has spectral norm 1, and with 1-Lipschitz activations the
 * whole critic is 1-Lipschitz (for convolutions, up to the gap between σ of
 * the reshaped kernel and the operator norm).
 *
 * σ is estimated by power iteration: the right singular vector u is kept as a
 * non-trainable weight (saved and restored with the model) and advanced
 * `powerIterations` times in every training forward pass; inference uses it
 * as is. As in the paper, u and v are constants for the gradient:
 * ∂σ/∂W = v uᵀ.
 *
 * @example
 * ```ts
 * const x = tf.input({ shape: [2] });
 * const h = new SpectralNormalization({ layer: tf.layers.dense({ units: 128 }) }).apply(x);
 * // or, with @gankit/architectures: buildMlpDiscriminator({ wrapLayer: (l) => spectralNorm(l) })
 * ```
 */
export class SpectralNormalization extends tf.layers.Layer {
  /** Class name used for serialization. */
  static className = 'SpectralNormalization';
  /** The wrapped layer. */
  readonly layer: tf.layers.Layer;
  readonly powerIterations: number;
  readonly epsilon: number;
  /** Seed of u's initial draw, if given. */
  readonly seed: number | undefined;
  private u: tf.LayerVariable | null = null;

  constructor(args: SpectralNormalizationArgs) {
    const { layer, powerIterations = 1, epsilon = 1e-12, seed, ...rest } = args ?? ({} as SpectralNormalizationArgs);
    super(rest);
    if (!(layer instanceof tf.layers.Layer)) {
      throw new Error(`SpectralNormalization: 'layer' must be a tf.layers.Layer, got ${typeof layer}`);
    }
    if (!SUPPORTED.includes(layer.getClassName())) {
      throw new Error(`SpectralNormalization: 'layer' must be one of ${SUPPORTED.join(', ')}; got ${layer.getClassName()}`);
    }
    assertNumber('SpectralNormalization', 'powerIterations', powerIterations, { min: 1, integer: true });
    assertNumber('SpectralNormalization', 'epsilon', epsilon, { exclusiveMin: 0 });
    if (seed !== undefined) assertNumber('SpectralNormalization', 'seed', seed, { integer: true });
    this.layer = layer;
    this.seed = seed;
    this.powerIterations = powerIterations;
    this.epsilon = epsilon;
  }

  /** Kernel axis of the output channels. */
  private outAxis(kernelRank: number): number {
    return this.layer.getClassName() === 'Conv2DTranspose' ? 2 : kernelRank - 1;
  }

  private kernelVariable(): { read(): tf.Tensor } {
    const k = (this.layer as unknown as HasKernel).kernel;
    if (k == null) throw new Error(`SpectralNormalization: the wrapped ${this.layer.getClassName()} has no kernel`);
    return k;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    if (!this.layer.built) {
      this.layer.build(inputShape);
      this.layer.built = true;
      // tfjs applies a layer's `weights` option in Layer.apply, after build; do the same here.
      const initial = (this.layer as unknown as { initialWeights?: tf.Tensor[] | null }).initialWeights;
      if (initial != null) this.layer.setWeights(initial);
    }
    const kernel = this.kernelVariable().read();
    const n = kernel.shape[this.outAxis(kernel.rank)]!;
    this.u = this.addWeight('u', [n], 'float32', tf.initializers.randomNormal({ mean: 0, stddev: 1, ...(this.seed !== undefined ? { seed: this.seed } : {}) }), undefined, false);
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return this.layer.computeOutputShape(inputShape);
  }

  override get trainableWeights(): tf.LayerVariable[] {
    return this.trainable ? this.layer.trainableWeights : [];
  }

  override get nonTrainableWeights(): tf.LayerVariable[] {
    const own = this.u == null ? [] : [this.u];
    return this.trainable ? [...this.layer.nonTrainableWeights, ...own] : [...this.layer.weights, ...own];
  }

  /** The kernel divided by the current estimate of its largest singular value; advances u when training. */
  normalizedKernel(training: boolean): tf.Tensor {
    if (this.u == null) throw new Error('SpectralNormalization: call the layer (or build it) before normalizedKernel()');
    const kernel = this.kernelVariable().read();
    const w = weightMatrix(kernel, this.outAxis(kernel.rank));
    const wConst = stopGradient(w) as tf.Tensor2D;
    let u: tf.Tensor = this.u.read();
    if (training) {
      for (let i = 0; i < this.powerIterations; i++) u = powerIterationStep(wConst, u, this.epsilon).u;
      // assign() takes its own reference to u's data, so u itself can go with the tidy.
      this.u.write(u);
    }
    // v = W u / ‖W u‖ for the current u, so σ = vᵀ W u = ‖W u‖ ≤ σ_max; u and v are constants.
    const v = powerIterationStep(wConst, u, this.epsilon).v;
    const sigma = rayleighSigma(w, stopGradient(u), stopGradient(v));
    return tf.div(kernel, sigma);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor | tf.Tensor[] {
    return tf.tidy(() => {
      const training = kwargs['training'] === true;
      const normalized = this.normalizedKernel(training);
      const holder = this.layer as unknown as HasKernel;
      const original = holder.kernel;
      holder.kernel = { read: () => normalized };
      try {
        return this.layer.call(inputs, kwargs);
      } finally {
        holder.kernel = original;
      }
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      layer: { className: this.layer.getClassName(), config: this.layer.getConfig() },
      powerIterations: this.powerIterations,
      epsilon: this.epsilon,
      ...(this.seed !== undefined ? { seed: this.seed } : {}),
    };
  }

  /** Rebuilds the wrapper and its inner layer from a config written by {@link getConfig}. */
  static override fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    const inner = config['layer'] as { className: string; config: tf.serialization.ConfigDict };
    const entry = tf.serialization.SerializationMap.getMap().classNameMap[inner.className];
    if (entry == null) throw new Error(`SpectralNormalization.fromConfig: unknown layer class '${inner.className}'`);
    const [innerCls, innerFromConfig] = entry;
    const layer = innerFromConfig(innerCls, inner.config) as unknown as tf.layers.Layer;
    const rest = { ...config };
    delete rest['layer'];
    return new cls({ ...rest, layer } as unknown as tf.serialization.ConfigDict);
  }
}

/**
 * Wraps a layer with {@link SpectralNormalization}; handy as the `wrapLayer`
 * hook of gankit's discriminator builders.
 *
 * @param layer - a Dense, Conv2D or Conv2DTranspose layer, not yet applied.
 * @param options - `powerIterations` (1), `epsilon` (1e-12), `seed` (of u's initial draw; unseeded by default).
 * @returns the wrapper layer.
 *
 * @example
 * ```ts
 * const critic = buildDcganDiscriminator({ normalization: 'none', wrapLayer: (l) => spectralNorm(l) });
 * ```
 */
export function spectralNorm(
  layer: tf.layers.Layer,
  options: Omit<SpectralNormalizationArgs, 'layer'> = {},
): SpectralNormalization {
  return new SpectralNormalization({ ...options, layer });
}
