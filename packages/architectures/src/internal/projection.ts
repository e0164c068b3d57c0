import * as tf from '@tensorflow/tfjs';
import { apply } from './apply.js';
import type { Initializer } from './initializers.js';
import { wrapWith } from './wrap.js';
import type { WrapLayer } from './wrap.js';

/**
 * The projection discriminator head (Miyato & Koyama 2018):
 *
 *   logit(x, y) = ψ(φ(x)) + ⟨embed(y), φ(x)⟩,
 *
 * with φ(x) the [batch, F] features, ψ a dense layer to one unit and embed a
 * learned [numClasses, F] table. The inner product is what makes it a
 * projection: the discriminator's log density ratio splits into a
 * label-independent part and a label-dependent linear one.
 *
 * The dense layer goes through `wrap` (e.g. spectral normalization); the
 * embedding does not, since the hook is for dense and conv layers.
 */
export function projectionLogit(
  builder: string,
  features: tf.SymbolicTensor,
  label: tf.SymbolicTensor,
  numClasses: number,
  kernelInitializer: Initializer,
  embeddingsInitializer: Initializer,
  wrap: WrapLayer | undefined,
): tf.SymbolicTensor {
  const size = features.shape[1] as number;
  const psi = apply(wrapWith(builder, wrap, tf.layers.dense({ units: 1, kernelInitializer })), features);
  const embedded = apply(tf.layers.flatten(), apply(tf.layers.embedding({ inputDim: numClasses, outputDim: size, embeddingsInitializer }), label));
  const inner = apply(tf.layers.dot({ axes: 1 }), [embedded, features]);
  return apply(tf.layers.add(), [psi, inner]);
}
