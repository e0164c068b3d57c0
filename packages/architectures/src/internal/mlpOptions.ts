import { ACTIVATIONS } from './activations.js';
import { Initializers } from './initializers.js';
import { boolOption, checkOptions, enumOption, fnOption, intOption, seedOption, widthsOption } from './validate.js';
import type { WrapLayer } from './wrap.js';
import type { MlpDiscriminatorOptions } from '../mlpDiscriminator.js';
import type { MlpGeneratorOptions } from '../mlpGenerator.js';

/** The hidden widths of the MLP defaults: three layers of 128. */
export const MLP_HIDDEN = [128, 128, 128] as const;

/** Checks and fills in MLP generator options. */
export function resolveMlpGenerator<T extends MlpGeneratorOptions>(builder: string, options: T | undefined, extraKeys: readonly string[] = []) {
  const o = checkOptions(builder, options, [
    'latentDim',
    'outputDim',
    'hiddenUnits',
    'activation',
    'batchNorm',
    'outputActivation',
    'seed',
    ...extraKeys,
  ]);
  return {
    o,
    latentDim: intOption(builder, 'latentDim', o.latentDim, 2),
    outputDim: intOption(builder, 'outputDim', o.outputDim, 2),
    widths: widthsOption(builder, 'hiddenUnits', o.hiddenUnits, MLP_HIDDEN),
    activation: enumOption(builder, 'activation', o.activation, ACTIVATIONS, 'relu'),
    batchNorm: boolOption(builder, 'batchNorm', o.batchNorm, false),
    outputActivation: enumOption(builder, 'outputActivation', o.outputActivation, ACTIVATIONS, 'linear'),
    init: new Initializers(seedOption(builder, o.seed)),
  };
}

/** Checks and fills in MLP discriminator options. */
export function resolveMlpDiscriminator<T extends MlpDiscriminatorOptions>(builder: string, options: T | undefined, extraKeys: readonly string[] = []) {
  const o = checkOptions(builder, options, ['inputDim', 'hiddenUnits', 'activation', 'wrapLayer', 'seed', ...extraKeys]);
  return {
    o,
    inputDim: intOption(builder, 'inputDim', o.inputDim, 2),
    widths: widthsOption(builder, 'hiddenUnits', o.hiddenUnits, MLP_HIDDEN),
    activation: enumOption(builder, 'activation', o.activation, ACTIVATIONS, 'relu'),
    wrap: fnOption<WrapLayer>(builder, 'wrapLayer', o.wrapLayer),
    init: new Initializers(seedOption(builder, o.seed)),
  };
}
