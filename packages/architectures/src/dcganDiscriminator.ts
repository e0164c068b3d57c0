import * as tf from '@tensorflow/tfjs';
import { dcganFeatures, dcganLogit } from './internal/dcgan.js';
import { resolveDcganDiscriminator } from './internal/dcganOptions.js';
import type { WrapLayer } from './internal/wrap.js';

/** Options of {@link dcganDiscriminator}. */
export interface DcganDiscriminatorOptions {
  /** Height and width of the square input; the sizes {@link dcganGenerator} makes. Default 28. */
  imageSize?: number;
  /** Input channels. Default 1. */
  channels?: number;
  /** Filters of the first conv; each next one has twice as many. Default 64. */
  filters?: number;
  /** Kernel size of the convs. Default 5. */
  kernelSize?: number;
  /**
   * Normalization after every conv but the first: `'batch'` (Radford et al.),
   * `'layer'` (for critics trained with a gradient penalty, Gulrajani et al.
   * 2017, where batch norm would couple the samples the penalty treats
   * independently) or `'none'`. Default `'none'`, the gankit speed workload.
   */
  normalization?: 'batch' | 'layer' | 'none';
  /**
   * Units of a dense layer (the normalization above, leaky ReLU 0.2) between
   * the flattened convs and the output. Default 0: none (Radford et al.);
   * InfoGAN's MNIST discriminator (Chen et al. 2016, appendix C.1) has 1,024,
   * shared by D's output and Q in `infoGanDiscriminator`.
   */
  hiddenUnits?: number;
  /** Called with every dense and conv layer; returns the layer to use (e.g. spectrally normalized). */
  wrapLayer?: WrapLayer;
  /** Seed for the weight initializers. Default: unseeded. */
  seed?: number;
}

/**
 * Builds the DCGAN discriminator: stride-2 convs doubling the filters, each
 * with leaky ReLU 0.2 (and the chosen normalization after the first), then a
 * dense layer to one logit (no sigmoid: losses take logits).
 *
 * With the defaults (28 × 28 × 1, filters 64) it is the gankit speed
 * workload: conv 5×5/2 → 64, leaky ReLU, conv 5×5/2 → 128, leaky ReLU,
 * dense → 1. Weights are drawn from N(0, 0.02).
 *
 * Parameter counts (`countParams()`; filters 64, kernel 5, normalization none):
 * - 28 × 28 × 1 (the default): 212,865 (213,249 with 'batch', 225,409 with 'layer')
 * - 32 × 32 × 3: 1,033,345
 * - 64 × 64 × 3: 4,314,753
 *
 * Paper: Radford, Metz & Chintala, "Unsupervised Representation Learning with
 * Deep Convolutional Generative Adversarial Networks", ICLR 2016.
 *
 * @param options - image size and channels, filters, kernel, normalization, wrapLayer hook, seed.
 * @returns a `tf.LayersModel` from [batch, imageSize, imageSize, channels] to [batch, 1] logits.
 * @throws if an option is out of range (unknown normalization, 0 channels, …), before any weights exist.
 *
 * @example
 * ```ts
 * import { dcganDiscriminator } from '@gankit/architectures';
 * const d = dcganDiscriminator();                                // MNIST critic
 * const critic = dcganDiscriminator({ normalization: 'layer' }); // for WGAN-GP
 * const wide = dcganDiscriminator({ normalization: 'batch', hiddenUnits: 1024 }); // a dense 1,024 layer before the logit
 * ```
 */
export function dcganDiscriminator(options?: DcganDiscriminatorOptions): tf.LayersModel {
  const builder = 'dcganDiscriminator';
  const { plan, imageSize, channels } = resolveDcganDiscriminator(builder, options);
  const x = tf.input({ shape: [imageSize, imageSize, channels] });
  return tf.model({ inputs: x, outputs: dcganLogit(builder, dcganFeatures(x, plan), plan.init, plan.wrap) });
}
