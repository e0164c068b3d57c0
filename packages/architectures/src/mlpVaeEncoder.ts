import * as tf from '@tensorflow/tfjs';
import { ACTIVATIONS } from './internal/activations.js';
import type { Activation } from './internal/activations.js';
import { Initializers } from './internal/initializers.js';
import { denseOut, denseStack } from './internal/mlp.js';
import { checkOptions, enumOption, intOption, seedOption, widthsOption } from './internal/validate.js';

/** Options of {@link mlpVaeEncoder}. */
export interface MlpVaeEncoderOptions {
  /** Size of a (flattened) input. Default 784 (28 × 28 MNIST). */
  inputDim?: number;
  /** Widths of the hidden layers. Default [400] (the PyTorch examples VAE). */
  hiddenUnits?: number[];
  /** Size of the latent code. Default 20 (the PyTorch examples VAE). */
  latentDim?: number;
  /** Hidden activation. Default 'relu'. */
  activation?: Activation;
  /** Seed for the weight initializers. Default: unseeded. */
  seed?: number;
}

/**
 * Builds a fully connected VAE encoder q(z | x) = N(μ(x), diag(exp(logVar(x)))):
 * x → (dense → activation) × hidden layers → two dense heads, μ and log σ².
 * Predicting log-variance keeps σ² positive without a constraint; sample with
 * z = μ + exp(logVar / 2) · ε.
 *
 * The defaults are the PyTorch examples VAE (784 → 400 → 20 + 20), the
 * EVALUATION anchor (≈ 106 nats test loss after 7 epochs); Kingma & Welling
 * used 500 tanh units.
 *
 * Parameter count (defaults): 330,440.
 *
 * Paper: Kingma & Welling, "Auto-Encoding Variational Bayes", ICLR 2014.
 *
 * @param options - input size, hidden widths, latent size, activation, seed.
 * @returns a `tf.LayersModel` from [batch, inputDim] to `[mean, logVar]`, each [batch, latentDim].
 * @throws if an option is out of range, before any weights exist.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { mlpVaeEncoder } from '@gankit/architectures';
 * const encoder = mlpVaeEncoder();
 * const [mean, logVar] = encoder.predict(tf.zeros([8, 784])) as tf.Tensor2D[];
 * ```
 */
export function mlpVaeEncoder(options?: MlpVaeEncoderOptions): tf.LayersModel {
  const builder = 'mlpVaeEncoder';
  const o = checkOptions(builder, options, ['inputDim', 'hiddenUnits', 'latentDim', 'activation', 'seed']);
  const inputDim = intOption(builder, 'inputDim', o.inputDim, 784);
  const widths = widthsOption(builder, 'hiddenUnits', o.hiddenUnits, [400]);
  const latentDim = intOption(builder, 'latentDim', o.latentDim, 20);
  const activation = enumOption(builder, 'activation', o.activation, ACTIVATIONS, 'relu');
  const init = new Initializers(seedOption(builder, o.seed));
  const x = tf.input({ shape: [inputDim] });
  const h = denseStack(x, { builder, widths, activation, batchNorm: false, init });
  return tf.model({ inputs: x, outputs: [denseOut(builder, h, latentDim, init), denseOut(builder, h, latentDim, init)] });
}
