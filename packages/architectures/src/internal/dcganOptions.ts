import { ACTIVATIONS } from './activations.js';
import type { DcganFeaturesPlan, DcganGeneratorPlan } from './dcgan.js';
import { Initializers } from './initializers.js';
import { NORMALIZATIONS } from './normalization.js';
import type { Normalization } from './normalization.js';
import {
  boolOption,
  channelsOption,
  checkOptions,
  dcganSizeOption,
  enumOption,
  fnOption,
  intOption,
  seedOption,
} from './validate.js';
import type { WrapLayer } from './wrap.js';
import type { DcganDiscriminatorOptions } from '../dcganDiscriminator.js';
import type { DcganGeneratorOptions } from '../dcganGenerator.js';

const GENERATOR_KEYS = ['latentDim', 'imageSize', 'channels', 'filters', 'kernelSize', 'activation', 'batchNorm', 'hiddenUnits', 'seed'];
const DISCRIMINATOR_KEYS = ['imageSize', 'channels', 'filters', 'kernelSize', 'normalization', 'hiddenUnits', 'wrapLayer', 'seed'];
/** Critic normalizations a DCGAN discriminator accepts. */
export const DCGAN_CRITIC_NORMALIZATIONS = NORMALIZATIONS.filter((n) => n !== 'instance') as Exclude<Normalization, 'instance'>[];

/** Checks and fills in DCGAN generator options (every check before any layer exists). */
export function resolveDcganGenerator<T extends DcganGeneratorOptions>(
  builder: string,
  options: T | undefined,
  extraKeys: readonly string[] = [],
): { o: T; plan: DcganGeneratorPlan; latentDim: number; imageSize: number } {
  const o = checkOptions(builder, options, [...GENERATOR_KEYS, ...extraKeys]);
  const latentDim = intOption(builder, 'latentDim', o.latentDim, 100);
  const { imageSize, base, doublings } = dcganSizeOption(builder, o.imageSize, 28);
  const plan: DcganGeneratorPlan = {
    base,
    doublings,
    channels: channelsOption(builder, 'channels', o.channels, 1),
    filters: intOption(builder, 'filters', o.filters, 64),
    kernelSize: intOption(builder, 'kernelSize', o.kernelSize, 5),
    activation: enumOption(builder, 'activation', o.activation, ACTIVATIONS, 'leakyRelu'),
    batchNorm: boolOption(builder, 'batchNorm', o.batchNorm, true),
    hiddenUnits: intOption(builder, 'hiddenUnits', o.hiddenUnits, 0, 0),
    init: new Initializers(seedOption(builder, o.seed)),
  };
  return { o, plan, latentDim, imageSize };
}

/** Checks and fills in DCGAN discriminator options (every check before any layer exists). */
export function resolveDcganDiscriminator<T extends DcganDiscriminatorOptions>(
  builder: string,
  options: T | undefined,
  extraKeys: readonly string[] = [],
): { o: T; plan: DcganFeaturesPlan; imageSize: number; channels: number } {
  const o = checkOptions(builder, options, [...DISCRIMINATOR_KEYS, ...extraKeys]);
  const { imageSize, doublings } = dcganSizeOption(builder, o.imageSize, 28);
  const channels = channelsOption(builder, 'channels', o.channels, 1);
  const plan: DcganFeaturesPlan = {
    builder,
    doublings,
    filters: intOption(builder, 'filters', o.filters, 64),
    kernelSize: intOption(builder, 'kernelSize', o.kernelSize, 5),
    normalization: enumOption(builder, 'normalization', o.normalization, DCGAN_CRITIC_NORMALIZATIONS, 'none'),
    hiddenUnits: intOption(builder, 'hiddenUnits', o.hiddenUnits, 0, 0),
    init: new Initializers(seedOption(builder, o.seed)),
    wrap: fnOption<WrapLayer>(builder, 'wrapLayer', o.wrapLayer),
  };
  return { o, plan, imageSize, channels };
}
