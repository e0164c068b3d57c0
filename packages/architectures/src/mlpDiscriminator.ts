import * as tf from '@tensorflow/tfjs';
import { denseOut, denseStack } from './internal/mlp.js';
import { resolveMlpDiscriminator } from './internal/mlpOptions.js';
import { positiveOption } from './internal/validate.js';
import type { Activation } from './internal/activations.js';
import type { WrapLayer } from './internal/wrap.js';

/** Options of {@link mlpDiscriminator}. */
export interface MlpDiscriminatorOptions {
  /** Size of an input sample. Default 2 (2-D toy data). */
  inputDim?: number;
  /** Widths of the hidden layers. Default [128, 128, 128]. */
  hiddenUnits?: number[];
  /** Hidden activation: 'relu' (default), 'leakyRelu' (slope 0.2), 'tanh', 'elu', 'selu', 'sigmoid', 'linear'. */
  activation?: Activation;
  /** Called with every dense layer; returns the layer to use (e.g. spectrally normalized). */
  wrapLayer?: WrapLayer;
  /**
   * Multiplies the input by this fixed factor (a non-trainable `rescaling`
   * layer) before the first dense layer, so the network sees unit-scale data:
   * `1 / s` for data of scale s (paired with the generator's
   * `outputScale: s`). Default 1 (no layer).
   */
  inputScale?: number;
  /** Seed for the weight initializers. Default: unseeded. */
  seed?: number;
}

/**
 * Builds a fully connected discriminator (or critic) for 2-D toy data and
 * flat vectors: x → (dense → activation) × hidden layers → dense → one logit.
 * No normalization, so it suits gradient penalties.
 *
 * Defaults as {@link mlpGenerator}: three ReLU hidden layers of 128
 * (Gulrajani et al.'s toy critic, width 512 there).
 *
 * Parameter count (defaults): 33,537.
 *
 * Papers: Goodfellow et al., "Generative Adversarial Nets", 2014; Gulrajani et
 * al., "Improved Training of Wasserstein GANs", 2017 (the toy setup).
 *
 * @param options - input size, hidden widths, activation, wrapLayer hook, input scale, seed.
 * @returns a `tf.LayersModel` from [batch, inputDim] to [batch, 1] logits.
 * @throws if an option is out of range, before any weights exist.
 *
 * @example
 * ```ts
 * import { mlpDiscriminator } from '@gankit/architectures';
 * const critic = mlpDiscriminator({ hiddenUnits: [512, 512, 512] });
 * ```
 */
export function mlpDiscriminator(options?: MlpDiscriminatorOptions): tf.LayersModel {
  const builder = 'mlpDiscriminator';
  const r = resolveMlpDiscriminator(builder, options, ['inputScale']);
  const inputScale = positiveOption(builder, 'inputScale', r.o.inputScale, 1);
  const x = tf.input({ shape: [r.inputDim] });
  const scaled = inputScale === 1 ? x : (tf.layers.rescaling({ scale: inputScale, offset: 0, name: `${builder}_input_scale` }).apply(x) as tf.SymbolicTensor);
  const h = denseStack(scaled, { builder, ...r, batchNorm: false });
  return tf.model({ inputs: x, outputs: denseOut(builder, h, 1, r.init, 'linear', r.wrap) });
}
