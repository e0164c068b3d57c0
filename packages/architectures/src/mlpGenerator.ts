import * as tf from '@tensorflow/tfjs';
import { denseOut, denseStack } from './internal/mlp.js';
import { resolveMlpGenerator } from './internal/mlpOptions.js';
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
 * @param options - latent and output sizes, hidden widths, activations, batch norm, seed.
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
  const r = resolveMlpGenerator(builder, options);
  const z = tf.input({ shape: [r.latentDim] });
  const h = denseStack(z, { builder, ...r });
  return tf.model({ inputs: z, outputs: denseOut(builder, h, r.outputDim, r.init, r.outputActivation) });
}
