import * as tf from '@tensorflow/tfjs';
import { Initializers } from './internal/initializers.js';
import { c7s1, down, residualBlock, toImage, up } from './internal/resnet.js';
import type { ResidualBlock } from './internal/resnet.js';
import { channelsOption, checkOptions, divisibleSizeOption, intOption, seedOption } from './internal/validate.js';

/** Options of {@link unitNetworks}. */
export interface UnitNetworksOptions {
  /** Height and width of the square images of both domains: a multiple of 2^downsamplings. Default 256. */
  imageSize?: number;
  /** Channels of domain A. Default 3. */
  channelsA?: number;
  /** Channels of domain B. Default 3. */
  channelsB?: number;
  /** Filters of the first conv; each downsampling doubles them. Default 64. */
  filters?: number;
  /** Stride-2 convs in each encoder (and conv-transposes in each decoder). Default 2. */
  downsamplings?: number;
  /** Residual blocks private to each domain, in each encoder and each decoder. Default 3. */
  residualBlocks?: number;
  /** Residual blocks shared by the two domains: the encoders' last and the decoders' first. Default 1. */
  sharedBlocks?: number;
  /** Seed for the weight initializers. Default: unseeded. */
  seed?: number;
}

/** The four UNIT networks and the layers they share. */
export interface UnitNetworks {
  /** Domain A image → latent mean, [batch, s, s, c] with s = imageSize / 2^downsamplings, c = filters · 2^downsamplings. */
  encoderA: tf.LayersModel;
  /** Domain B image → latent mean (same latent shape as `encoderA`). */
  encoderB: tf.LayersModel;
  /** Latent → domain A image in [−1, 1]. */
  decoderA: tf.LayersModel;
  /** Latent → domain B image in [−1, 1]. */
  decoderB: tf.LayersModel;
  /** The layer objects both domains use: the encoders' last blocks, then the decoders' first blocks. */
  sharedLayers: tf.layers.Layer[];
}

/**
 * Builds the UNIT networks for two image domains: two encoders and two
 * decoders (generators) whose high-level blocks are shared — the last
 * `sharedBlocks` residual blocks of both encoders are the same layer objects,
 * and so are the first `sharedBlocks` blocks of both decoders. This weight
 * sharing is UNIT's shared-latent-space assumption: a pair of corresponding
 * images maps to one latent code. Translate A → B with
 * `decoderB(encoderA(a))`.
 *
 * Encoder: c7s1-k (reflect-pad 3, conv 7×7, instance norm, leaky ReLU 0.2),
 * `downsamplings` × conv 3×3 stride 2 (doubling filters, instance norm,
 * leaky ReLU), `residualBlocks` private residual blocks, `sharedBlocks`
 * shared ones. It outputs the latent mean μ: UNIT's VAE uses unit variance,
 * z = μ + ε with ε ~ N(0, I), and its KL term reduces to ½‖μ‖².
 * Decoder: the mirror — shared blocks, private blocks, conv-transposes 3×3
 * stride 2 (halving filters), then a 1×1 conv to the channels with tanh.
 * Weights from N(0, 0.02); instance norms learn no scale or offset.
 *
 * Every model saves and loads on its own; the shared weights are saved into
 * each model that uses them, so four separately loaded models no longer share
 * anything. To resume training with the sharing intact, build the networks
 * again with the same options and copy the saved weights in:
 * `encoderA.setWeights(loaded.getWeights())`, and so on for all four (the
 * shared variables get the same values from both domains' files).
 *
 * Parameter counts (defaults: 3 + 3 channels, k = 64, 2 downsamplings,
 * 3 private and 1 shared block): each encoder 5,099,136, each decoder
 * 5,089,667; 18,017,286 distinct in all, since 2,360,320 (one shared block
 * in the encoders, one in the decoders) belong to both domains.
 * For digits `{ imageSize: 32, channelsA: 1, channelsB: 3, filters: 32 }`:
 * encoderA 1,274,624, encoderB 1,277,760, decoderA 1,272,961, decoderB 1,273,027.
 *
 * Paper: Liu, Breuel & Kautz, "Unsupervised Image-to-Image Translation
 * Networks", NeurIPS 2017 (Table 5 of its appendix).
 *
 * @param options - image size, channels of each domain, filters, depth, private and shared blocks, seed.
 * @returns the two encoders, the two decoders, and the shared layers.
 * @throws if an option is out of range, before any weights exist.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { unitNetworks } from '@gankit/architectures';
 * const { encoderA, decoderB } = unitNetworks({ imageSize: 32, channelsA: 1, channelsB: 3, filters: 32 });
 * const mu = encoderA.predict(mnistBatch) as tf.Tensor4D;
 * const asB = decoderB.predict(tf.add(mu, tf.randomNormal(mu.shape))) as tf.Tensor4D;
 * ```
 */
export function unitNetworks(options?: UnitNetworksOptions): UnitNetworks {
  const builder = 'unitNetworks';
  const o = checkOptions(builder, options, [
    'imageSize',
    'channelsA',
    'channelsB',
    'filters',
    'downsamplings',
    'residualBlocks',
    'sharedBlocks',
    'seed',
  ]);
  const downsamplings = intOption(builder, 'downsamplings', o.downsamplings, 2);
  const imageSize = divisibleSizeOption(builder, 'imageSize', o.imageSize, 256, downsamplings);
  const channelsA = channelsOption(builder, 'channelsA', o.channelsA, 3);
  const channelsB = channelsOption(builder, 'channelsB', o.channelsB, 3);
  const k = intOption(builder, 'filters', o.filters, 64);
  const privateBlocks = intOption(builder, 'residualBlocks', o.residualBlocks, 3, 0);
  const sharedCount = intOption(builder, 'sharedBlocks', o.sharedBlocks, 1, 0);
  const init = new Initializers(seedOption(builder, o.seed));

  const top = k * 2 ** downsamplings;
  const blocks = (n: number): ResidualBlock[] => Array.from({ length: n }, () => residualBlock(top, init, false, 'leakyRelu'));
  const sharedEncoder = blocks(sharedCount);
  const sharedDecoder = blocks(sharedCount);
  const run = (x: tf.SymbolicTensor, list: ResidualBlock[]): tf.SymbolicTensor => list.reduce((h, b) => b.apply(h), x);

  const encoder = (channels: number): tf.LayersModel => {
    const x = tf.input({ shape: [imageSize, imageSize, channels] });
    let h = c7s1(x, k, init, false, 'leakyRelu');
    for (let i = 1; i <= downsamplings; i++) h = down(h, k * 2 ** i, init, false, 'leakyRelu');
    h = run(run(h, blocks(privateBlocks)), sharedEncoder);
    return tf.model({ inputs: x, outputs: h });
  };
  const decoder = (channels: number): tf.LayersModel => {
    const size = imageSize / 2 ** downsamplings;
    const z = tf.input({ shape: [size, size, top] });
    let h = run(run(z, sharedDecoder), blocks(privateBlocks));
    for (let i = downsamplings - 1; i >= 0; i--) h = up(h, k * 2 ** i, init, false, 'leakyRelu');
    return tf.model({ inputs: z, outputs: toImage(h, channels, 1, init) });
  };

  return {
    encoderA: encoder(channelsA),
    encoderB: encoder(channelsB),
    decoderA: decoder(channelsA),
    decoderB: decoder(channelsB),
    sharedLayers: [...sharedEncoder, ...sharedDecoder].flatMap((b) => b.layers),
  };
}
