/**
 * Side-effect module: registers gankit's custom layers with
 * tf.serialization so saved models that use them load back. Imported by the
 * package entry; listed under `sideEffects` in package.json.
 */
import * as tf from '@tensorflow/tfjs';
import { SpectralNormalization } from './spectralNormalization.js';

tf.serialization.registerClass(SpectralNormalization);
