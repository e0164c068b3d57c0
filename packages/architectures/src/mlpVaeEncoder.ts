import * as tf from '@tensorflow/tfjs';
import type { Activation } from './internal/activations.js';
import { denseOut, denseStack } from './internal/mlp.js';
import { resolveMlpVae } from './internal/mlpVaeOptions.js';

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
 * Parameter count (defaults): 330,040.
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
  const r = resolveMlpVae(builder, options, 'inputDim');
  const x = tf.input({ shape: [r.dataDim] });
  const h = denseStack(x, { builder, ...r });
  return tf.model({ inputs: x, outputs: [denseOut(builder, h, r.latentDim, r.init), denseOut(builder, h, r.latentDim, r.init)] });
}
