/**
 * @packageDocumentation
 * GAN and VAE network builders that return plain `tf.LayersModel`s.
 */
import './register.js';

export { BatchNormalization, batchNormalization } from './layers/batchNormalization.js';
export type { BatchNormalizationArgs } from './layers/batchNormalization.js';
export { InstanceNormalization, instanceNormalization } from './layers/instanceNormalization.js';
export type { InstanceNormalizationArgs } from './layers/instanceNormalization.js';
export { ReflectionPadding2D, reflectionPadding2D } from './layers/reflectionPadding2D.js';
export type { ReflectionPadding, ReflectionPadding2DArgs } from './layers/reflectionPadding2D.js';
export { CUSTOM_LAYERS, SERIALIZATION_PACKAGE } from './register.js';
export { dcganGenerator } from './dcganGenerator.js';
export type { DcganGeneratorOptions } from './dcganGenerator.js';
export { dcganDiscriminator } from './dcganDiscriminator.js';
export type { DcganDiscriminatorOptions } from './dcganDiscriminator.js';
export { conditionalDcganGenerator } from './conditionalDcganGenerator.js';
export type { ConditionalDcganGeneratorOptions } from './conditionalDcganGenerator.js';
export type { Conditioning, LabelOptions } from './internal/conditionOptions.js';
export type { LabelEncoding } from './internal/labels.js';
export { conditionalDcganDiscriminator } from './conditionalDcganDiscriminator.js';
export type { ConditionalDcganDiscriminatorOptions } from './conditionalDcganDiscriminator.js';
export { acganDiscriminator } from './acganDiscriminator.js';
export type { AcganDiscriminatorOptions } from './acganDiscriminator.js';
export { dcganClassifier } from './dcganClassifier.js';
export type { DcganClassifierOptions } from './dcganClassifier.js';
export { infoGanDiscriminator } from './infoGanDiscriminator.js';
export type { InfoGanDiscriminatorOptions } from './infoGanDiscriminator.js';
export { mlpGenerator } from './mlpGenerator.js';
export type { MlpGeneratorOptions } from './mlpGenerator.js';
export { mlpMixtureGenerator } from './mlpMixtureGenerator.js';
export type { MlpMixtureGeneratorOptions } from './mlpMixtureGenerator.js';
export { mlpDiscriminator } from './mlpDiscriminator.js';
export type { MlpDiscriminatorOptions } from './mlpDiscriminator.js';
export { conditionalMlpGenerator } from './conditionalMlpGenerator.js';
export type { ConditionalMlpGeneratorOptions } from './conditionalMlpGenerator.js';
export { conditionalMlpDiscriminator } from './conditionalMlpDiscriminator.js';
export type { ConditionalMlpDiscriminatorOptions } from './conditionalMlpDiscriminator.js';
export { mlpVaeEncoder } from './mlpVaeEncoder.js';
export type { MlpVaeEncoderOptions } from './mlpVaeEncoder.js';
export { mlpVaeDecoder } from './mlpVaeDecoder.js';
export type { MlpVaeDecoderOptions } from './mlpVaeDecoder.js';
export { convVaeEncoder } from './convVaeEncoder.js';
export type { ConvVaeOptions } from './convVaeEncoder.js';
export { convVaeDecoder } from './convVaeDecoder.js';
export { cycleGanGenerator } from './cycleGanGenerator.js';
export type { CycleGanGeneratorOptions } from './cycleGanGenerator.js';
export { patchGanDiscriminator } from './patchGanDiscriminator.js';
export type { PatchGanDiscriminatorOptions } from './patchGanDiscriminator.js';
export { unitNetworks } from './unitNetworks.js';
export type { UnitNetworks, UnitNetworksOptions } from './unitNetworks.js';
export type { WrapLayer } from './internal/wrap.js';
export type { Activation } from './internal/activations.js';
export type { Normalization } from './internal/normalization.js';
