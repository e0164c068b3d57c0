import type * as tf from '@tensorflow/tfjs';
import type { MatrixLike } from './matrixLike.js';
import { accuracyOf } from './internal/accuracy.js';

/**
 * An accuracy, overall and per class: the result of {@link conditionalAccuracy} and {@link labelPreservation}.
 *
 * @example
 * ```ts
 * const { accuracy, perClass } = conditionalAccuracy(probabilities, labels);
 * perClass[7]; // accuracy on the samples requested as 7s
 * ```
 */
export interface ClassAccuracy {
  /** The fraction of samples classified as their label, in [0, 1]. */
  readonly accuracy: number;
  /** Per label k, the fraction of the samples with label k classified as k (NaN if no sample has label k). */
  readonly perClass: Float64Array;
  /** Per label k, how many samples have it. */
  readonly counts: Int32Array;
  /** The number of samples n. */
  readonly count: number;
}

/**
 * The accuracy of conditional samples: the fraction of samples generated
 * for a requested label y_i that the reference classifier assigns to y_i,
 * (1/n) Σ_i [arg max_k p_ik = y_i] — the "classification accuracy of
 * conditional samples" by a pre-trained classifier used to evaluate
 * class-conditional GANs (AC-GAN, Odena et al. 2017, §4.1, with Inception).
 * EVALUATION.md's target for the MNIST conditional GAN is ≥ 95%.
 *
 * @param probabilities - n × K class probabilities (or logits) of the generated samples.
 * @param requestedLabels - the n labels the samples were generated for (integers 0…K−1; an array or a rank-1 tensor).
 * @returns `{ accuracy, perClass, counts, count }`.
 * @throws if the lengths differ, a label is not an integer in 0…K−1, or the inputs are empty or non-finite.
 *
 * @example
 * ```ts
 * const labels = Int32Array.from({ length: 10_000 }, (_, i) => i % 10);
 * const images = generator.predict([noise, tf.oneHot(tf.tensor1d(labels, 'int32'), 10)]) as tf.Tensor4D;
 * const { accuracy } = conditionalAccuracy((await classifier.classify(images)).probabilities, labels);
 * ```
 */
export function conditionalAccuracy(probabilities: MatrixLike, requestedLabels: ArrayLike<number> | tf.Tensor): ClassAccuracy {
  return accuracyOf('conditionalAccuracy', probabilities, 'requestedLabels', requestedLabels);
}
