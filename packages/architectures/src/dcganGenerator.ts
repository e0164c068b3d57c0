import * as tf from '@tensorflow/tfjs';
import { dcganGeneratorBody } from './internal/dcgan.js';
import type { Activation } from './internal/activations.js';
import { resolveDcganGenerator } from './internal/dcganOptions.js';

/** Options of {@link dcganGenerator}. */
export interface DcganGeneratorOptions {
  /** Size of the latent vector z. Default 100 (Radford et al.). */
  latentDim?: number;
  /**
   * Height and width of the square output: a base size 4…7 doubled at least
   * once — 28 (7·2²), 32 (4·2³), 64 (4·2⁴), also 16, 48, 56, 128, ….
   * Default 28 (MNIST).
   */
  imageSize?: number;
  /** Output channels: 1 (grayscale) or 3 (RGB). Default 1. */
  channels?: number;
  /**
   * Filters of the last hidden conv-transpose; each layer before it has twice
   * as many. Default 64 (Radford et al.'s ngf).
   */
  filters?: number;
  /** Kernel size of the conv-transposes. Default 5 (the DCGAN reference code). */
  kernelSize?: number;
  /**
   * Hidden activation. Default `'leakyRelu'` (slope 0.2), the gankit speed
   * workload; Radford et al. used `'relu'` in the generator.
   */
  activation?: Activation;
  /** Batch-normalize every hidden layer. Default true (Radford et al.). */
  batchNorm?: boolean;
  /**
   * Units of a dense layer (batch norm, the activation) between z and the
   * projection. Default 0: none (Radford et al.); InfoGAN's MNIST generator
   * (Chen et al. 2016, appendix C.1) has 1,024.
   */
  hiddenUnits?: number;
  /** Seed for the weight initializers, for reproducible models. Default: unseeded. */
  seed?: number;
}

/**
 * Builds the DCGAN generator: z → dense → reshape to base × base → stride-2
 * conv-transposes (batch norm, leaky ReLU) → tanh image in [−1, 1].
 *
 * With the defaults (28 × 28 × 1, latent 100, filters 64) it is the gankit
 * speed workload: dense 100 → 7·7·128, batch norm, leaky ReLU, conv-transpose
 * 5×5/2 → 64, batch norm, leaky ReLU, conv-transpose 5×5/2 → 1, tanh.
 * Weights are drawn from N(0, 0.02), batch-norm scales from N(1, 0.02).
 * Layers followed by batch norm have no bias (the norm's offset replaces it).
 *
 * Parameter counts (`countParams()`, batch-norm moving statistics included;
 * filters 64, latent 100, kernel 5):
 * - 28 × 28 × 1 (the default): 834,369
 * - 32 × 32 × 3: 1,440,195
 * - 64 × 64 × 3: 5,128,643
 *
 * Paper: Radford, Metz & Chintala, "Unsupervised Representation Learning with
 * Deep Convolutional Generative Adversarial Networks", ICLR 2016.
 *
 * @param options - latent size, image size and channels, filters, kernel, activation, batch norm, seed.
 * @returns a `tf.LayersModel` from [batch, latentDim] to [batch, imageSize, imageSize, channels].
 * @throws if an option is out of range (an unreachable image size, 0 channels, …), before any weights exist.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { dcganGenerator } from '@gankit/architectures';
 * const g = dcganGenerator();                        // MNIST: 100 → 28×28×1
 * const images = g.predict(tf.randomNormal([16, 100])) as tf.Tensor4D;
 * const rgb = dcganGenerator({ imageSize: 64, channels: 3 });
 * // InfoGAN's MNIST generator (Chen et al. 2016, appendix C.1): 74 → 1,024 → 7·7·128 → 64 → 1, 4×4 kernels, ReLU.
 * const info = dcganGenerator({ latentDim: 74, hiddenUnits: 1024, kernelSize: 4, activation: 'relu' });
 * ```
 */
export function dcganGenerator(options?: DcganGeneratorOptions): tf.LayersModel {
  const { plan, latentDim } = resolveDcganGenerator('dcganGenerator', options);
  const z = tf.input({ shape: [latentDim] });
  return tf.model({ inputs: z, outputs: dcganGeneratorBody(z, plan) });
}
