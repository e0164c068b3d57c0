import { ACTIVATIONS } from './activations.js';
import { Initializers } from './initializers.js';
import { checkOptions, enumOption, intOption, seedOption, widthsOption } from './validate.js';
import type { MlpVaeDecoderOptions } from '../mlpVaeDecoder.js';
import type { MlpVaeEncoderOptions } from '../mlpVaeEncoder.js';

/**
 * Checks and fills in MLP VAE options: the data size (`inputDim` for the
 * encoder, `outputDim` for the decoder; default 784), hidden widths ([400]),
 * latent size (20), activation ('relu') — the PyTorch examples VAE.
 */
export function resolveMlpVae(
  builder: string,
  options: (MlpVaeEncoderOptions & MlpVaeDecoderOptions) | undefined,
  dataKey: 'inputDim' | 'outputDim',
) {
  const o = checkOptions(builder, options, [dataKey, 'hiddenUnits', 'latentDim', 'activation', 'seed']);
  return {
    dataDim: intOption(builder, dataKey, o[dataKey], 784),
    widths: widthsOption(builder, 'hiddenUnits', o.hiddenUnits, [400]),
    latentDim: intOption(builder, 'latentDim', o.latentDim, 20),
    activation: enumOption(builder, 'activation', o.activation, ACTIVATIONS, 'relu'),
    batchNorm: false,
    init: new Initializers(seedOption(builder, o.seed)),
  };
}
