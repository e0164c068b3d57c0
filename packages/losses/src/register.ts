/**
 * Side-effect module: registers gankit's custom layers with
 * tf.serialization so saved models that use them load back, and the gradient
 * overrides from `@gankit/gradients` that make the penalties' second-order
 * gradients (∂GP/∂θ, ∂R1/∂θ) correct, with or without `@gankit/backend`.
 * Imported by the package entry; listed under `sideEffects` in package.json.
 */
import * as tf from '@tensorflow/tfjs';
import { registerGradientPatches } from '@gankit/gradients';
import { SpectralNormalization } from './spectralNormalization.js';

tf.serialization.registerClass(SpectralNormalization);
registerGradientPatches();
