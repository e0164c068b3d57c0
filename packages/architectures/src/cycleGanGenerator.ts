import * as tf from '@tensorflow/tfjs';
import { Initializers } from './internal/initializers.js';
import { c7s1, down, residualBlock, toImage, up } from './internal/resnet.js';
import { boolOption, channelsOption, checkOptions, divisibleSizeOption, intOption, seedOption } from './internal/validate.js';

/** Options of {@link cycleGanGenerator}. */
export interface CycleGanGeneratorOptions {
  /** Height and width of the square images: a multiple of 4 (two stride-2 layers). Default 256. */
  imageSize?: number;
  /** Channels of the input domain. Default 3. */
  inChannels?: number;
  /** Channels of the output domain. Default 3. */
  outChannels?: number;
  /** k of the first c7s1-k layer; the downsamplings double it twice. Default 64. */
  filters?: number;
  /** Residual blocks at the bottleneck. Default 9 for images ≥ 256 px, else 6 (Zhu et al.). */
  residualBlocks?: number;
  /** Instance norms learn a scale and an offset. Default false (the CycleGAN reference code). */
  affineNorm?: boolean;
  /** Seed for the weight initializers. Default: unseeded. */
  seed?: number;
}

/**
 * Builds the CycleGAN ResNet generator (Johnson et al.'s architecture as
 * CycleGAN uses it):
 *
 *   c7s1-k, d2k, d4k, R4k × n, u2k, uk, c7s1-outChannels (tanh)
 *
 * c7s1-k = reflect-pad 3, conv 7×7 stride 1, instance norm, ReLU;
 * dk = conv 3×3 stride 2, instance norm, ReLU; Rk = residual block of two
 * reflect-padded 3×3 convs with instance norm; uk = conv-transpose 3×3
 * stride 2, instance norm, ReLU. Weights from N(0, 0.02). Fully
 * convolutional: the parameter count does not depend on the image size.
 * For 28–32 px digits use e.g. `{ imageSize: 32, filters: 32, residualBlocks: 6 }`
 * (28 works too: 28 → 14 → 7 → 14 → 28).
 *
 * Parameter counts: 11,378,179 (defaults: 256 px, 3 → 3 channels, k = 64,
 * 9 blocks — the count of the CycleGAN reference code); 7,837,699 (6 blocks,
 * the 128 px default); 1,961,923 for digits
 * `{ imageSize: 32, inChannels: 1, outChannels: 3, filters: 32, residualBlocks: 6 }`.
 *
 * Paper: Zhu, Park, Isola & Efros, "Unpaired Image-to-Image Translation using
 * Cycle-Consistent Adversarial Networks", ICCV 2017 (appendix 7.2);
 * Johnson, Alahi & Fei-Fei, "Perceptual Losses for Real-Time Style Transfer", 2016.
 *
 * @param options - image size, input and output channels, filters, residual blocks, affine norm, seed.
 * @returns a `tf.LayersModel` from [batch, imageSize, imageSize, inChannels] to [batch, imageSize, imageSize, outChannels] in [−1, 1].
 * @throws if an option is out of range (an image size not divisible by 4, …), before any weights exist.
 *
 * @example
 * ```ts
 * import { cycleGanGenerator } from '@gankit/architectures';
 * const gAB = cycleGanGenerator({ imageSize: 32, inChannels: 1, outChannels: 3, filters: 32 });
 * const gBA = cycleGanGenerator({ imageSize: 32, inChannels: 3, outChannels: 1, filters: 32 });
 * ```
 */
export function cycleGanGenerator(options?: CycleGanGeneratorOptions): tf.LayersModel {
  const builder = 'cycleGanGenerator';
  const o = checkOptions(builder, options, ['imageSize', 'inChannels', 'outChannels', 'filters', 'residualBlocks', 'affineNorm', 'seed']);
  const imageSize = divisibleSizeOption(builder, 'imageSize', o.imageSize, 256, 2);
  const inChannels = channelsOption(builder, 'inChannels', o.inChannels, 3);
  const outChannels = channelsOption(builder, 'outChannels', o.outChannels, 3);
  const k = intOption(builder, 'filters', o.filters, 64);
  const blocks = intOption(builder, 'residualBlocks', o.residualBlocks, imageSize >= 256 ? 9 : 6, 0);
  const affine = boolOption(builder, 'affineNorm', o.affineNorm, false);
  const init = new Initializers(seedOption(builder, o.seed));

  const x = tf.input({ shape: [imageSize, imageSize, inChannels] });
  let h = c7s1(x, k, init, affine, 'relu');
  h = down(h, 2 * k, init, affine, 'relu');
  h = down(h, 4 * k, init, affine, 'relu');
  for (let i = 0; i < blocks; i++) h = residualBlock(4 * k, init, affine).apply(h);
  h = up(h, 2 * k, init, affine, 'relu');
  h = up(h, k, init, affine, 'relu');
  return tf.model({ inputs: x, outputs: toImage(h, outChannels, 7, init) });
}
