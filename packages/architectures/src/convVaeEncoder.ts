import * as tf from '@tensorflow/tfjs';
import { activationLayer } from './internal/activations.js';
import { apply } from './internal/apply.js';
import { resolveConvVae } from './internal/convVaeOptions.js';
import type { Activation } from './internal/activations.js';
import { denseOut, denseStack } from './internal/mlp.js';

/** Options of {@link convVaeEncoder} and {@link convVaeDecoder}: the decoder mirrors the encoder built with the same options. */
export interface ConvVaeOptions {
  /** Height and width of the square images: a multiple of 2^filters.length. Default 28. */
  imageSize?: number;
  /** Image channels. Default 1. */
  channels?: number;
  /**
   * Filters of the encoder's stride-2 convs, one per halving; the decoder's
   * conv-transposes use them in reverse. Default [32, 64] (the Keras VAE example).
   */
  filters?: number[];
  /** Kernel size of the convs. Default 3. */
  kernelSize?: number;
  /** Dense layers between the flattened features and the latent code (reversed in the decoder). Default [256]. */
  hiddenUnits?: number[];
  /** Size of the latent code. Default 20. */
  latentDim?: number;
  /** Hidden activation. Default 'relu'. */
  activation?: Activation;
  /** Seed for the weight initializers. Default: unseeded. */
  seed?: number;
}

/**
 * Builds a convolutional VAE encoder q(z | x): stride-2 convs (one per entry
 * of `filters`) → flatten → dense layers → two dense heads, μ and log σ².
 *
 * The conv layout is the Keras VAE example's (3×3 stride-2 convs of 32 and
 * 64 filters, ReLU); the latent size 20 is the PyTorch examples VAE's.
 *
 * Parameter count (defaults, 28 × 28 × 1): 832,168.
 *
 * Paper: Kingma & Welling, "Auto-Encoding Variational Bayes", ICLR 2014.
 *
 * @param options - image size and channels, conv filters and kernel, dense widths, latent size, activation, seed.
 * @returns a `tf.LayersModel` from [batch, imageSize, imageSize, channels] to `[mean, logVar]`, each [batch, latentDim].
 * @throws if an option is out of range (an image size the convs cannot halve exactly, …), before any weights exist.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { convVaeEncoder } from '@gankit/architectures';
 * const encoder = convVaeEncoder({ imageSize: 32, channels: 3 });
 * const [mean, logVar] = encoder.predict(tf.zeros([4, 32, 32, 3])) as tf.Tensor2D[];
 * ```
 */
export function convVaeEncoder(options?: ConvVaeOptions): tf.LayersModel {
  const builder = 'convVaeEncoder';
  const r = resolveConvVae(builder, options);
  const x = tf.input({ shape: [r.imageSize, r.imageSize, r.channels] });
  let h = x;
  for (const filters of r.filters) {
    const conv = tf.layers.conv2d({ filters, kernelSize: r.kernelSize, strides: 2, padding: 'same', kernelInitializer: r.init.glorot() });
    h = apply(activationLayer(r.activation), apply(conv, h));
  }
  h = denseStack(apply(tf.layers.flatten(), h), { builder, widths: r.widths, activation: r.activation, batchNorm: false, init: r.init });
  return tf.model({ inputs: x, outputs: [denseOut(builder, h, r.latentDim, r.init), denseOut(builder, h, r.latentDim, r.init)] });
}
