import * as tf from '@tensorflow/tfjs';
import { activationLayer } from './internal/activations.js';
import { apply } from './internal/apply.js';
import { Initializers } from './internal/initializers.js';
import { NORMALIZATIONS, needsBias, normalizationLayer } from './internal/normalization.js';
import type { Normalization } from './internal/normalization.js';
import { channelsOption, checkOptions, enumOption, fnOption, intOption, seedOption } from './internal/validate.js';
import { wrapWith } from './internal/wrap.js';
import type { WrapLayer } from './internal/wrap.js';

/** Options of {@link patchGanDiscriminator}. */
export interface PatchGanDiscriminatorOptions {
  /** Height and width of the square input; at least 2^layers. Default 256. */
  imageSize?: number;
  /** Input channels. Default 3. */
  channels?: number;
  /** Filters of the first conv; doubled per layer up to 8×. Default 64. */
  filters?: number;
  /** Stride-2 convs (the depth): 3 gives the 70 × 70 PatchGAN; 2 suits 28–32 px digits. Default 3. */
  layers?: number;
  /** Normalization after every conv but the first: 'instance' (default, CycleGAN), 'batch' (pix2pix), 'layer', 'none'. */
  normalization?: Normalization;
  /** Called with every conv layer; returns the layer to use (e.g. spectrally normalized). */
  wrapLayer?: WrapLayer;
  /** Seed for the weight initializers. Default: unseeded. */
  seed?: number;
}

/**
 * Builds the PatchGAN discriminator: a fully convolutional net that gives one
 * logit per overlapping image patch rather than one per image.
 *
 *   C64 (no norm) − C128 − C256 (stride 2 each, for layers = 3) − C512 (stride 1) − conv to 1
 *
 * Ck = conv 4×4 to k filters, normalization, leaky ReLU 0.2; filters double
 * per layer and stop growing at 8 × `filters`. Weights from N(0, 0.02).
 * Padding is 'same', so the output is (imageSize / 2^layers) squared
 * (rounded up); the reference code's padding 1 gives 2 less per side
 * (30 × 30 at 256 px, here 32 × 32). Logits: no sigmoid.
 *
 * Parameter counts: 2,763,841 (defaults: 3 channels, filters 64, 3 layers,
 * instance norm without affine parameters; no conv bias before a norm);
 * 166,433 for digits
 * `{ imageSize: 32, channels: 1, filters: 32, layers: 2 }`.
 *
 * Papers: Isola, Zhu, Zhou & Efros, "Image-to-Image Translation with
 * Conditional Adversarial Networks" (pix2pix), CVPR 2017; Zhu et al.
 * (CycleGAN), ICCV 2017.
 *
 * @param options - image size, channels, filters, depth, normalization, wrapLayer hook, seed.
 * @returns a `tf.LayersModel` from [batch, imageSize, imageSize, channels] to [batch, s, s, 1] patch logits, s = ⌈imageSize / 2^layers⌉.
 * @throws if an option is out of range, before any weights exist.
 *
 * @example
 * ```ts
 * import { patchGanDiscriminator } from '@gankit/architectures';
 * const d = patchGanDiscriminator({ imageSize: 32, channels: 3, layers: 2 }); // → [batch, 8, 8, 1]
 * ```
 */
export function patchGanDiscriminator(options?: PatchGanDiscriminatorOptions): tf.LayersModel {
  const builder = 'patchGanDiscriminator';
  const o = checkOptions(builder, options, ['imageSize', 'channels', 'filters', 'layers', 'normalization', 'wrapLayer', 'seed']);
  const depth = intOption(builder, 'layers', o.layers, 3);
  const imageSize = intOption(builder, 'imageSize', o.imageSize, 256, 2 ** depth, ` (2^layers, with layers = ${depth})`);
  const channels = channelsOption(builder, 'channels', o.channels, 3);
  const k = intOption(builder, 'filters', o.filters, 64);
  const normalization = enumOption(builder, 'normalization', o.normalization, NORMALIZATIONS, 'instance');
  const wrap = fnOption<WrapLayer>(builder, 'wrapLayer', o.wrapLayer);
  const init = new Initializers(seedOption(builder, o.seed));

  const x = tf.input({ shape: [imageSize, imageSize, channels] });
  let h = x;
  // depth stride-2 convs, then one stride-1 conv with the next filter count.
  for (let i = 0; i <= depth; i++) {
    const kind: Normalization = i === 0 ? 'none' : normalization;
    const conv = tf.layers.conv2d({
      filters: k * Math.min(2 ** i, 8),
      kernelSize: 4,
      strides: i < depth ? 2 : 1,
      padding: 'same',
      useBias: needsBias(kind),
      kernelInitializer: init.normal(),
    });
    h = apply(wrapWith(builder, wrap, conv), h);
    const norm = normalizationLayer(kind, 4, init, false);
    if (norm !== null) h = apply(norm, h);
    h = apply(activationLayer('leakyRelu', 0.2), h);
  }
  const out = tf.layers.conv2d({ filters: 1, kernelSize: 4, padding: 'same', kernelInitializer: init.normal() });
  return tf.model({ inputs: x, outputs: apply(wrapWith(builder, wrap, out), h) });
}
