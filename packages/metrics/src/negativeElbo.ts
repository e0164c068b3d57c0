import * as tf from '@tensorflow/tfjs';
import type { FlatMatrix } from './matrixLike.js';
import { elboBatch } from './internal/elbo.js';
import type { ModelLike } from './internal/models.js';
import { toImageSource } from './internal/models.js';
import { checkInt, checkOneOf, checkOptions } from './internal/validate.js';

export type { ModelLike } from './internal/models.js';

/** Options of {@link negativeElbo}. */
export interface NegativeElboOptions {
  /** k: with k > 1, also report the importance-weighted bound −log p̂_k(x) (default 1: the ELBO only). */
  importanceSamples?: number;
  /** Images per forward pass (default 500). */
  batchSize?: number;
  /** Seed of the posterior samples ε (default 0); the same seed gives the same numbers on one backend. */
  seed?: number;
  /** What the decoder returns: Bernoulli `'logits'` (default; gankit's VAE decoders) or `'probabilities'` in [0, 1] (clipped to [1e-7, 1 − 1e-7]). */
  decoderOutput?: 'logits' | 'probabilities';
}

/**
 * The result of {@link negativeElbo}; every value is a mean over images, in nats per image.
 *
 * @example
 * ```ts
 * const { negativeElbo: nats, reconstruction, kl } = await negativeElbo(encoder, decoder, test01);
 * ```
 */
export interface NegativeElbo {
  /** −ELBO = reconstruction + kl: the single-sample estimate of the negative evidence lower bound. */
  readonly negativeElbo: number;
  /** E_q[−log p(x | z)] estimated with one z ~ q(z | x) per image (Bernoulli, summed over pixels). */
  readonly reconstruction: number;
  /** KL(q(z | x) ‖ N(0, I)), in closed form. */
  readonly kl: number;
  /** −log p̂_k(x), the importance-weighted bound (Burda et al. 2016) with k samples; present when k > 1. */
  readonly importanceWeighted?: number;
  /** k. */
  readonly importanceSamples: number;
  /** The number of images. */
  readonly count: number;
}

/**
 * The negative ELBO of a Gaussian-posterior VAE with a Bernoulli decoder on
 * images in [0, 1], in nats per image (Kingma & Welling 2014, Eq. 10;
 * Appendix B for the KL, C.1 for the Bernoulli likelihood):
 *
 *   −ELBO(x) = E_{q(z|x)}[−log p(x | z)] + KL(q(z | x) ‖ N(0, I)),
 *   −log p(x | z) = Σ_j softplus(l_j) − x_j l_j   (l = decoder logits; = −Σ x log σ(l) + (1 − x) log(1 − σ(l))),
 *   KL = ½ Σ_d (σ_d² + μ_d² − 1 − log σ_d²),
 *
 * with one reparameterized sample z = μ + σ ε per image — the quantity the
 * PyTorch examples VAE reports as its test loss (≈ 106 nats after 7 epochs,
 * non-binarized MNIST; EVALUATION.md's target ≤ 100). With
 * `importanceSamples: k > 1` it also reports the tighter importance-weighted
 * bound (IWAE, Burda et al. 2016, Eq. 8), with w_s = p(x | z_s) p(z_s) / q(z_s | x):
 *
 *   −log p̂_k(x) = −log (1/k) Σ_s w_s,
 *   log w_s = −[−log p(x | z_s)] − ½‖z_s‖² + ½‖ε_s‖² + ½ Σ_d log σ_d²   (the 2π terms cancel),
 *
 * computed with a log-sum-exp. Pixels are not binarized: x ∈ [0, 1] is used
 * as the Bernoulli target as is.
 *
 * @param encoder - q(z | x): a model or function from a batch of images to `[mean, logVar]` (gankit's `mlpVaeEncoder` / `convVaeEncoder`); images are reshaped to a LayersModel's input shape, so an MLP encoder can take `[28, 28, 1]` images.
 * @param decoder - p(x | z): a model or function from z to logits (or probabilities) with the images' number of values per example.
 * @param images - the evaluation images in [0, 1]: a tensor (batch first) or `{ x, count, shape }` such as `loadMnist({ split: 'test', range: '[0,1]' })`.
 * @param options - `importanceSamples` (1), `batchSize` (500), `seed` (0), `decoderOutput` ('logits').
 * @returns the mean negative ELBO, reconstruction and KL, and the IWAE bound if asked for.
 * @throws if `images` is empty or outside [0, 1], or the networks' outputs do not fit the images.
 *
 * @example
 * ```ts
 * const test = await loadMnist({ split: 'test', range: '[0,1]' });
 * const result = await negativeElbo(encoder, decoder, test, { importanceSamples: 50 });
 * console.log(`−ELBO ${result.negativeElbo.toFixed(1)} nats, IWAE-50 ${result.importanceWeighted!.toFixed(1)}`);
 * ```
 */
export async function negativeElbo(
  encoder: ModelLike,
  decoder: ModelLike,
  images: tf.Tensor | FlatMatrix,
  options: NegativeElboOptions = {},
): Promise<NegativeElbo> {
  const fn = 'negativeElbo';
  checkOptions(fn, options, ['importanceSamples', 'batchSize', 'seed', 'decoderOutput']);
  if (!(encoder instanceof tf.LayersModel) && typeof encoder !== 'function') throw new TypeError(`${fn}: 'encoder' must be a tf.LayersModel or a function`);
  if (!(decoder instanceof tf.LayersModel) && typeof decoder !== 'function') throw new TypeError(`${fn}: 'decoder' must be a tf.LayersModel or a function`);
  const k = checkInt(fn, 'importanceSamples', options.importanceSamples ?? 1);
  const batchSize = checkInt(fn, 'batchSize', options.batchSize ?? 500);
  const seed = checkInt(fn, 'seed', options.seed ?? 0, 0);
  const decoderOutput = checkOneOf(fn, 'decoderOutput', options.decoderOutput ?? 'logits', ['logits', 'probabilities'] as const);
  const source = toImageSource(fn, 'images', images);
  const sums = { rec: 0, kl: 0, iw: 0 };
  for (let start = 0, index = 0; start < source.count; start += batchSize, index++) {
    const size = Math.min(batchSize, source.count - start);
    const x = source.batch(start, size);
    try {
      const out = await elboBatch(fn, encoder, decoder, x, { k, seed: seed * 1_000_003 + index * 1009 + 1, decoderOutput });
      sums.rec += out.rec;
      sums.kl += out.kl;
      sums.iw += out.iw;
    } finally {
      x.dispose();
    }
  }
  const n = source.count;
  const result = { negativeElbo: (sums.rec + sums.kl) / n, reconstruction: sums.rec / n, kl: sums.kl / n, importanceSamples: k, count: n };
  return k > 1 ? { ...result, importanceWeighted: sums.iw / n } : result;
}
