/**
 * Side-effect module: registers this package's custom layers with tfjs
 * serialization, so `tf.loadLayersModel` can rebuild models that contain
 * them. Imported by the package entry point; importing it twice is harmless.
 *
 * Listed under `sideEffects` in package.json so bundlers keep it.
 */
import * as tf from '@tensorflow/tfjs';
import { BatchNormalization } from './layers/batchNormalization.js';
import { InstanceNormalization } from './layers/instanceNormalization.js';
import { ReflectionPadding2D } from './layers/reflectionPadding2D.js';

/**
 * The package name passed to `registerClass` (tfjs keys its custom-object
 * table by `gankit>InstanceNormalization`, …; model.json stores the plain class name).
 */
export const SERIALIZATION_PACKAGE = 'gankit';

/**
 * The layer classes this package registers (BatchNormalization under tfjs's own class name, replacing tfjs's for loading).
 *
 * @example
 * ```ts
 * import { CUSTOM_LAYERS } from '@gankit/architectures';
 * console.log(CUSTOM_LAYERS.map((c) => c.className)); // ['InstanceNormalization', 'ReflectionPadding2D', 'BatchNormalization']
 * ```
 */
export const CUSTOM_LAYERS = [InstanceNormalization, ReflectionPadding2D, BatchNormalization] as const;

for (const cls of CUSTOM_LAYERS) tf.serialization.registerClass(cls, SERIALIZATION_PACKAGE);
