import * as tf from '@tensorflow/tfjs';
import type { LatentSampler } from './internal/adversarialOptions.js';

/** Options of {@link categoricalLatent}. */
export interface CategoricalLatentOptions {
  /** K, the number of categories of the discrete code (an integer ≥ 2). */
  categories: number;
  /** d, the size of the continuous noise after the code (an integer ≥ 0; default 2). */
  noiseDim?: number;
  /** σ of the continuous noise z ~ N(0, σ²I) (default 1). */
  noiseStd?: number;
}

/**
 * A discrete-plus-continuous latent distribution, for `latentDistribution`:
 * each latent is `[onehot(c), z]` with
 *
 *   c ~ Uniform{0, …, K − 1},   z ~ N(0, σ² I_d),   latentDim = K + d.
 *
 * A generator fed a continuous latent is a continuous map, so between two
 * modes of a multimodal target it must lay samples along a path that joins
 * them (mode collapse or smeared samples on the 25-Gaussian grid). A discrete
 * code lets each category own a mode, with the continuous part spreading the
 * samples within it: the latent of InfoGAN (Chen et al. 2016) without its
 * mutual-information term, or DeLiGAN's mixture latent (Gurumurthy et al.
 * 2017) with fixed components. K may exceed the number of modes (several
 * categories then share one).
 *
 * The draws come from the trainer's seeded random source, so samples and
 * resumed runs are reproducible.
 *
 * @param options - `categories` K, `noiseDim` d (2), `noiseStd` σ (1).
 * @returns a {@link LatentSampler}; pass `latentDim: K + d` to the trainer and build the generator for that input size.
 * @throws if an option is out of range, naming it; the sampler throws if the trainer's latent size is not K + d.
 *
 * @example
 * ```ts
 * const trainer = new GanTrainer({
 *   generator: mlpGenerator({ latentDim: 50 + 2 }),
 *   discriminator: mlpDiscriminator(),
 *   loss: nonSaturatingLoss(),
 *   latentDim: 52,
 *   latentDistribution: categoricalLatent({ categories: 50, noiseDim: 2 }),
 * });
 * ```
 */
export function categoricalLatent(options: CategoricalLatentOptions): Exclude<LatentSampler, string> {
  const fn = 'categoricalLatent';
  if (options === null || typeof options !== 'object') throw new Error(`${fn}: 'options' must be an object with 'categories'; got ${String(options)}`);
  const known = ['categories', 'noiseDim', 'noiseStd'];
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new Error(`${fn}: unknown option '${key}'; known options are ${known.join(', ')}`);
  }
  const { categories, noiseDim = 2, noiseStd = 1 } = options;
  if (!Number.isInteger(categories) || categories < 2) throw new Error(`${fn}: 'categories' must be an integer ≥ 2; got ${String(categories)}`);
  if (!Number.isInteger(noiseDim) || noiseDim < 0) throw new Error(`${fn}: 'noiseDim' must be an integer ≥ 0; got ${String(noiseDim)}`);
  if (typeof noiseStd !== 'number' || !Number.isFinite(noiseStd) || noiseStd <= 0) throw new Error(`${fn}: 'noiseStd' must be a finite number > 0; got ${String(noiseStd)}`);
  const latentDim = categories + noiseDim;
  return (shape, random) => {
    if (shape.length !== 2 || shape[1] !== latentDim) {
      throw new Error(`${fn}: the trainer's latent shape is [${shape.slice(1).join(', ')}]; this sampler draws [${latentDim}] (categories ${categories} + noiseDim ${noiseDim}): pass latentDim: ${latentDim}`);
    }
    const n = shape[0]!;
    return tf.tidy(() => {
      // floor(K·u) for u ~ U[0, 1): each category with probability 1/K (clipped against u rounding up to 1 in float32).
      const codes = tf.minimum(tf.floor(tf.mul(random.uniform([n]), categories)), categories - 1).toInt();
      const onehot = tf.oneHot(codes, categories).toFloat();
      if (noiseDim === 0) return onehot;
      const z = random.normal([n, noiseDim]);
      return tf.concat([onehot, noiseStd === 1 ? z : tf.mul(z, noiseStd)], 1);
    });
  };
}
