import * as tf from '@tensorflow/tfjs';
import { denseOut, denseStack } from './internal/mlp.js';
import { resolveMlpGenerator } from './internal/mlpOptions.js';
import { positiveOption } from './internal/validate.js';
import type { Activation } from './internal/activations.js';

/** Options of {@link mlpGenerator}. */
export interface MlpGeneratorOptions {
  /** Size of the latent vector z. Default 2 (the 2-D noise of Gulrajani et al.'s toy experiments). */
  latentDim?: number;
  /** Size of a generated sample. Default 2 (2-D toy data). */
  outputDim?: number;
  /** Widths of the hidden layers. Default [128, 128, 128]. */
  hiddenUnits?: number[];
  /** Hidden activation: 'relu' (default), 'leakyRelu' (slope 0.2), 'tanh', 'elu', 'selu', 'sigmoid', 'linear'. */
  activation?: Activation;
  /** Batch-normalize every hidden layer (before the activation). Default false. */
  batchNorm?: boolean;
  /** Output activation. Default 'linear' (toy data is unbounded); 'tanh' for data in [−1, 1]. */
  outputActivation?: Activation;
  /**
   * Multiplies the output by this fixed factor (a non-trainable `rescaling`
   * layer), so the network works at unit scale while generating data of
   * scale s. Equivalent to training on the data divided by s, as
   * Gulrajani et al.'s toy script divides the 25-Gaussian grid by 2.828; pair it
   * with the discriminator's `inputScale: 1 / s`. Default 1 (no layer).
   */
  outputScale?: number;
  /** Seed for the weight initializers. Default: unseeded. */
  seed?: number;
}

/**
 * Builds a fully connected generator for 2-D toy data and flat vectors:
 * z → (dense → [batch norm] → activation) × hidden layers → dense → output.
 *
 * The defaults follow the toy experiments of Gulrajani et al. (WGAN-GP):
 * 2-D noise, three ReLU hidden layers, a linear 2-D output; the width is 128
 * (the gankit 2-D benchmark) where their script uses 512. Glorot-uniform
 * kernels (the tfjs default).
 *
 * Parameter count (defaults): 33,666.
 *
 * Papers: Goodfellow et al., "Generative Adversarial Nets", 2014; Gulrajani et
 * al., "Improved Training of Wasserstein GANs", 2017 (the toy setup).
 *
 * @param options - latent and output sizes, hidden widths, activations, batch norm, output scale, seed.
 * @returns a `tf.LayersModel` from [batch, latentDim] to [batch, outputDim].
 * @throws if an option is out of range (a negative width, …), before any weights exist.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { mlpGenerator } from '@gankit/architectures';
 * const g = mlpGenerator();                          // 2 → 128 → 128 → 128 → 2
 * const points = g.predict(tf.randomNormal([256, 2])) as tf.Tensor2D;
 * ```
 */
export function mlpGenerator(options?: MlpGeneratorOptions): tf.LayersModel {
  const builder = 'mlpGenerator';
  const r = resolveMlpGenerator(builder, options, ['outputScale']);
  const outputScale = positiveOption(builder, 'outputScale', r.o.outputScale, 1);
  const z = tf.input({ shape: [r.latentDim] });
  const h = denseStack(z, { builder, ...r });
  const out = denseOut(builder, h, r.outputDim, r.init, r.outputActivation);
  const scaled = outputScale === 1 ? out : (tf.layers.rescaling({ scale: outputScale, offset: 0, name: `${builder}_output_scale` }).apply(out) as tf.SymbolicTensor);
  return tf.model({ inputs: z, outputs: scaled });
}
