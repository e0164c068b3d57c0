import * as tf from '@tensorflow/tfjs';
import { batchNormalization } from '../layers/batchNormalization.js';
import { instanceNormalization } from '../layers/instanceNormalization.js';
import type { Initializers } from './initializers.js';

/** A feature normalization: batch, layer (over all features of a sample), instance, or none. */
export type Normalization = 'batch' | 'layer' | 'instance' | 'none';
/** Every {@link Normalization}, for checking options (the record makes the compiler check none is missing). */
export const NORMALIZATIONS = Object.keys({ batch: 0, layer: 0, instance: 0, none: 0 } satisfies Record<Normalization, 0>) as Normalization[];

/**
 * A normalization layer for features of the given rank (2 for dense, 4 for
 * conv), or null for `'none'`.
 *
 * - batch: momentum 0.9 and ε 1e-5 (PyTorch's `BatchNorm` defaults, as in the
 *   DCGAN reference code), γ ~ N(1, 0.02) (Radford et al.).
 * - layer: over every feature of a sample (all of H, W, C for images), as the
 *   WGAN-GP critics use it, ε 1e-5.
 * - instance: per sample and channel over H, W; learned γ, β when `affine`.
 */
export function normalizationLayer(kind: Normalization, rank: number, init: Initializers, affine = true): tf.layers.Layer | null {
  switch (kind) {
    case 'batch':
      return batchNormalization({ momentum: 0.9, epsilon: 1e-5, gammaInitializer: init.normal(0.02, 1) });
    case 'layer':
      return tf.layers.layerNormalization({ axis: Array.from({ length: rank - 1 }, (_, i) => i + 1), epsilon: 1e-5 });
    case 'instance':
      return instanceNormalization({ center: affine, scale: affine });
    case 'none':
      return null;
  }
}

/** Whether a layer followed by this normalization needs its own bias (batch and instance norm cancel it). */
export function needsBias(kind: Normalization): boolean {
  return kind === 'none' || kind === 'layer';
}
