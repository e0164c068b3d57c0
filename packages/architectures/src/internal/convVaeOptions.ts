import { ACTIVATIONS } from './activations.js';
import { Initializers } from './initializers.js';
import type { ConvVaeOptions } from '../convVaeEncoder.js';
import { channelsOption, checkOptions, divisibleSizeOption, enumOption, intOption, seedOption, widthsOption } from './validate.js';

/** Checks and fills in conv VAE options (the filter list fixes how many stride-2 layers there are). */
export function resolveConvVae(builder: string, options: ConvVaeOptions | undefined) {
  const o = checkOptions(builder, options, ['imageSize', 'channels', 'filters', 'kernelSize', 'hiddenUnits', 'latentDim', 'activation', 'seed']);
  const filters = widthsOption(builder, 'filters', o.filters, [32, 64], false);
  const imageSize = divisibleSizeOption(builder, 'imageSize', o.imageSize, 28, filters.length);
  return {
    imageSize,
    base: imageSize / 2 ** filters.length,
    channels: channelsOption(builder, 'channels', o.channels, 1),
    filters,
    kernelSize: intOption(builder, 'kernelSize', o.kernelSize, 3),
    widths: widthsOption(builder, 'hiddenUnits', o.hiddenUnits, [256]),
    latentDim: intOption(builder, 'latentDim', o.latentDim, 20),
    activation: enumOption(builder, 'activation', o.activation, ACTIVATIONS, 'relu'),
    init: new Initializers(seedOption(builder, o.seed)),
  };
}
