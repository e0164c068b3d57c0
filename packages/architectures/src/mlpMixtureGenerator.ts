import * as tf from '@tensorflow/tfjs';
import { apply } from './internal/apply.js';
import { denseOut, denseStack } from './internal/mlp.js';
import { resolveMlpGenerator } from './internal/mlpOptions.js';
import { checkOptions, intOption, positiveOption } from './internal/validate.js';
import type { Activation } from './internal/activations.js';

/** Options of {@link mlpMixtureGenerator}. */
export interface MlpMixtureGeneratorOptions {
  /** K, the categories of the one-hot code at the start of the latent. Required, an integer ≥ 2. */
  categories: number;
  /** d, the continuous noise after the code. Default 2. The latent size is K + d. */
  noiseDim?: number;
  /** Size of a generated sample. Default 2. */
  outputDim?: number;
  /** Widths of the offset network's hidden layers. Default [128, 128, 128]. */
  hiddenUnits?: number[];
  /** Hidden activation of the offset network. Default 'relu'. */
  activation?: Activation;
  /** r, the largest offset from a category's centre, per coordinate, in unit-scale coordinates (before `outputScale`). Default 0.25. */
  maxOffset?: number;
  /** Multiplies the output by this fixed factor, as {@link mlpGenerator}'s `outputScale`. Default 1. */
  outputScale?: number;
  /** Seed for the weight initializers. Default: unseeded. */
  seed?: number;
}

/**
 * A mixture generator for a discrete + continuous latent `[onehot(c), z]`
 * (what `categoricalLatent` of `@gankit/trainers` draws): each category c has
 * a learned centre μ_c, and a network of the whole latent moves a sample at
 * most r from it,
 *
 *   G(c, z) = s · (μ_c + r · tanh(f([onehot(c), z]))),
 *
 * with f an MLP, r = `maxOffset` and s = `outputScale`. A plain generator is
 * a continuous map of its noise, so one category whose samples should land
 * in two modes must lay a path of samples between them; here a category's
 * samples stay within a box of half-width r around its centre, so with r
 * below half the distance between modes a category sits in one mode and
 * cannot bridge two. A mixture of bounded components, after DeLiGAN's
 * mixture latent (Gurumurthy et al. 2017) and mixtures of generators
 * (Hoang et al. 2018, MGAN), sharing one offset network.
 *
 * The code is cut from the latent with built-in layers (reshape, cropping2D),
 * so the model saves and loads like any other.
 *
 * @param options - `categories` K (required), `noiseDim` (2), `outputDim` (2), `hiddenUnits`, `activation`, `maxOffset` (0.25), `outputScale` (1), `seed`.
 * @returns a `tf.LayersModel` from [batch, K + d] to [batch, outputDim].
 * @throws if an option is out of range, naming it, before any weights exist.
 *
 * @example
 * ```ts
 * import { mlpMixtureGenerator } from '@gankit/architectures';
 * import { categoricalLatent } from '@gankit/trainers';
 * const generator = mlpMixtureGenerator({ categories: 50, noiseDim: 2, outputScale: 2.828 });
 * const latentDistribution = categoricalLatent({ categories: 50, noiseDim: 2 }); // latentDim 52
 * ```
 */
export function mlpMixtureGenerator(options: MlpMixtureGeneratorOptions): tf.LayersModel {
  const builder = 'mlpMixtureGenerator';
  if (options === null || typeof options !== 'object') throw new Error(`${builder}: 'options' must be an object with 'categories'; got ${String(options)}`);
  checkOptions(builder, options, ['categories', 'noiseDim', 'outputDim', 'hiddenUnits', 'activation', 'maxOffset', 'outputScale', 'seed']);
  const { categories, noiseDim, maxOffset, outputScale, ...rest } = options;
  const k = intOption(builder, 'categories', categories ?? Number.NaN, 0, 2);
  const d = intOption(builder, 'noiseDim', noiseDim, 2, 0);
  const r = positiveOption(builder, 'maxOffset', maxOffset, 0.25);
  const s = positiveOption(builder, 'outputScale', outputScale, 1);
  const m = resolveMlpGenerator(builder, { ...rest, latentDim: k + d });
  const latent = tf.input({ shape: [k + d] });
  // The one-hot code: the first K of the K + d latent features.
  const asImage = apply(tf.layers.reshape({ targetShape: [1, k + d, 1] }), latent);
  const code = d === 0 ? latent : apply(tf.layers.reshape({ targetShape: [k] }), apply(tf.layers.cropping2D({ cropping: [[0, 0], [0, d]] }), asImage));
  const centre = apply(tf.layers.dense({ units: m.outputDim, useBias: false, kernelInitializer: m.init.glorot(), name: `${builder}_centres` }), code);
  const h = denseStack(latent, { builder, ...m });
  const offset = apply(tf.layers.rescaling({ scale: r, offset: 0 }), denseOut(builder, h, m.outputDim, m.init, 'tanh'));
  const out = apply(tf.layers.add(), [centre, offset]);
  return tf.model({ inputs: latent, outputs: s === 1 ? out : apply(tf.layers.rescaling({ scale: s, offset: 0 }), out) });
}
