/**
 * @packageDocumentation
 * GAN and VAE network builders that return plain `tf.LayersModel`s.
 */
import './register.js';

export { InstanceNormalization, instanceNormalization } from './layers/instanceNormalization.js';
export type { InstanceNormalizationArgs } from './layers/instanceNormalization.js';
export { ReflectionPadding2D, reflectionPadding2D } from './layers/reflectionPadding2D.js';
export type { ReflectionPadding, ReflectionPadding2DArgs } from './layers/reflectionPadding2D.js';
export { CUSTOM_LAYERS, SERIALIZATION_PACKAGE } from './register.js';
