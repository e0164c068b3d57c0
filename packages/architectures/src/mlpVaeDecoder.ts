import * as tf from '@tensorflow/tfjs';
import type { Activation } from './internal/activations.js';
import { denseOut, denseStack } from './internal/mlp.js';
import { resolveMlpVae } from './internal/mlpVaeOptions.js';

/** Options of {@link mlpVaeDecoder}. */
export interface MlpVaeDecoderOptions {
  /** Size of the latent code. Default 20. */
  latentDim?: number;
  /** Widths of the hidden layers. Default [400]. */
  hiddenUnits?: number[];
  /** Size of a (flattened) output. Default 784. */
  outputDim?: number;
  /** Hidden activation. Default 'relu'. */
  activation?: Activation;
  /** Seed for the weight initializers. Default: unseeded. */
  seed?: number;
}

/**
 * Builds a fully connected VAE decoder p(x | z) returning logits:
 * z → (dense → activation) × hidden layers → dense (no activation).
 *
 * Logits, not probabilities: the Bernoulli log-likelihood is computed stably
 * from logits (sigmoid cross-entropy, log σ(l) = −softplus(−l)); apply
 * `tf.sigmoid` to see images in [0, 1].
 *
 * Defaults: the PyTorch examples VAE decoder (20 → 400 → 784).
 *
 * Parameter count (defaults): 322,784.
 *
 * Paper: Kingma & Welling, "Auto-Encoding Variational Bayes", ICLR 2014.
 *
 * @param options - latent size, hidden widths, output size, activation, seed.
 * @returns a `tf.LayersModel` from [batch, latentDim] to [batch, outputDim] logits.
 * @throws if an option is out of range, before any weights exist.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { mlpVaeDecoder } from '@gankit/architectures';
 * const decoder = mlpVaeDecoder();
 * const pixels = tf.sigmoid(decoder.predict(tf.randomNormal([8, 20])) as tf.Tensor2D);
 * ```
 */
export function mlpVaeDecoder(options?: MlpVaeDecoderOptions): tf.LayersModel {
  const builder = 'mlpVaeDecoder';
  const r = resolveMlpVae(builder, options, 'outputDim');
  const z = tf.input({ shape: [r.latentDim] });
  const h = denseStack(z, { builder, ...r });
  return tf.model({ inputs: z, outputs: denseOut(builder, h, r.dataDim, r.init) });
}
