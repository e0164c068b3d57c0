import type * as tf from '@tensorflow/tfjs';
import type { ClassAccuracy } from './conditionalAccuracy.js';
import type { MatrixLike } from './matrixLike.js';
import { accuracyOf } from './internal/accuracy.js';

/**
 * Label preservation of an unpaired translation: translate labelled test
 * images of the source domain, classify the translations with a classifier
 * trained on the labelled **target** domain, and report the fraction
 * classified as their source label, (1/n) Σ_i [arg max_k p_ik = y_i] —
 * the protocol of PixelDA (Bousmalis et al. 2017, Table 1) and CoGAN
 * (Liu & Tuzel 2016) for MNIST → MNIST-M. Measure each direction
 * separately (A→B with the `'mnistm'` reference classifier, B→A with
 * `'mnist'`). Anchors on real MNIST-M: CoGAN 62.0%, PixelDA 95.9%.
 *
 * @param probabilities - n × K target-domain class probabilities (or logits) of the translated images.
 * @param sourceLabels - the n labels of the source images that were translated (an array or a rank-1 tensor).
 * @returns `{ accuracy, perClass, counts, count }`.
 * @throws if the lengths differ, a label is not an integer in 0…K−1, or the inputs are empty or non-finite.
 *
 * @example
 * ```ts
 * const mnistm = await loadReferenceClassifier('mnistm');
 * const translated = generatorAtoB.predict(testA) as tf.Tensor4D;
 * const { accuracy } = labelPreservation((await mnistm.classify(translated)).probabilities, a.test.labels!);
 * ```
 */
export function labelPreservation(probabilities: MatrixLike, sourceLabels: ArrayLike<number> | tf.Tensor): ClassAccuracy {
  return accuracyOf('labelPreservation', probabilities, 'sourceLabels', sourceLabels);
}
