import * as tf from '@tensorflow/tfjs';
import { activationLayer } from './internal/activations.js';
import { apply } from './internal/apply.js';
import { resolveConvVae } from './internal/convVaeOptions.js';
import type { ConvVaeOptions } from './convVaeEncoder.js';
import { denseStack } from './internal/mlp.js';

/**
 * Builds a convolutional VAE decoder p(x | z) returning logits, the mirror of
 * {@link convVaeEncoder} with the same options: z → dense layers → dense to
 * base × base × last filters → stride-2 conv-transposes → a stride-1 conv to
 * `channels` with no activation.
 *
 * Logits, not probabilities: the Bernoulli log-likelihood is computed stably
 * from logits; apply `tf.sigmoid` to see images.
 *
 * Parameter count (defaults, 28 × 28 × 1): 867,009.
 *
 * Paper: Kingma & Welling, "Auto-Encoding Variational Bayes", ICLR 2014;
 * layout of the Keras VAE example.
 *
 * @param options - the {@link ConvVaeOptions} of the encoder it mirrors.
 * @returns a `tf.LayersModel` from [batch, latentDim] to [batch, imageSize, imageSize, channels] logits.
 * @throws if an option is out of range, before any weights exist.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { convVaeDecoder } from '@gankit/architectures';
 * const decoder = convVaeDecoder();
 * const images = tf.sigmoid(decoder.predict(tf.randomNormal([4, 20])) as tf.Tensor4D);
 * ```
 */
export function convVaeDecoder(options?: ConvVaeOptions): tf.LayersModel {
  const builder = 'convVaeDecoder';
  const r = resolveConvVae(builder, options);
  const top = r.filters[r.filters.length - 1]!;
  const z = tf.input({ shape: [r.latentDim] });
  const widths = [...r.widths].reverse().concat([r.base * r.base * top]);
  let h = denseStack(z, { builder, widths, activation: r.activation, batchNorm: false, init: r.init });
  h = apply(tf.layers.reshape({ targetShape: [r.base, r.base, top] }), h);
  for (const filters of [...r.filters].reverse()) {
    const convT = tf.layers.conv2dTranspose({ filters, kernelSize: r.kernelSize, strides: 2, padding: 'same', kernelInitializer: r.init.glorot() });
    h = apply(activationLayer(r.activation), apply(convT, h));
  }
  const out = tf.layers.conv2d({ filters: r.channels, kernelSize: r.kernelSize, padding: 'same', kernelInitializer: r.init.glorot() });
  return tf.model({ inputs: z, outputs: apply(out, h) });
}
