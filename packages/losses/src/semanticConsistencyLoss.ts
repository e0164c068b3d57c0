import * as tf from '@tensorflow/tfjs';
import { logLikelihood } from './internal/classTargets.js';
import { stopGradient } from './internal/stopGradient.js';
import { assertNumber, assertOptions, assertSameShape, assertTensor } from './internal/validate.js';

/** Options of {@link semanticConsistencyLoss}. */
export interface SemanticConsistencyLossOptions {
  /**
   * Count a source image only when the classifier's top probability on it is
   * at least this (default 0: every image counts, as CyCADA). Pseudo-labels
   * from a classifier that is unsure of its own domain are mostly noise; a
   * threshold (e.g. 0.9) keeps only the confident ones.
   */
  minConfidence?: number;
}

/**
 * Semantic-consistency loss of CyCADA (Hoffman, Tzeng, Park, Zhu, Isola,
 * Saenko, Efros & Darrell 2018, "CyCADA: Cycle-Consistent Adversarial Domain
 * Adaptation", eq. 4): a translation G(x) should keep the class a fixed
 * classifier f gives the source image x,
 *
 *   L_sem = −(1/|M|) Σ_{n∈M} log softmax(f(G(xₙ)))_{ŷₙ},  ŷₙ = argmax_j f(xₙ)_j,
 *
 * the softmax cross-entropy of the translation's logits against the source's
 * predicted (hard) label — CyCADA's p(f, x) — averaged over the set M of
 * source images whose top softmax probability is ≥ `minConfidence` (all of
 * them by default). ŷ is an argmax, so no gradient flows through the source
 * logits; the gradient reaches G through f(G(x)) only: ∂L/∂lₙ = (softmax(lₙ) −
 * onehot(ŷₙ))/|M| for the translation logits lₙ of a counted image, 0 for the
 * rest. `tf.logSoftmax` subtracts the largest logit first, so it is exact for
 * any logits. With no image counted the loss is 0.
 *
 * CyCADA uses one classifier f_S trained on the labelled source domain for
 * both directions; the CycleGAN trainer's `semanticConsistency` option takes
 * one classifier per domain (the same one by default).
 *
 * @param translatedLogits - f(G(x)), the classifier's logits on the translations, [n, k].
 * @param sourceLogits - f(x), its logits on the source images, [n, k].
 * @param options - `minConfidence` (0).
 * @returns the loss, a scalar.
 *
 * @example
 * ```ts
 * const fake = generatorAB.apply(realA) as tf.Tensor;
 * const sem = semanticConsistencyLoss(classifier.apply(fake) as tf.Tensor, classifier.predict(realA) as tf.Tensor);
 * ```
 */
export function semanticConsistencyLoss(translatedLogits: tf.Tensor, sourceLogits: tf.Tensor, options?: SemanticConsistencyLossOptions): tf.Scalar {
  const fn = 'semanticConsistencyLoss';
  assertTensor(fn, 'translatedLogits', translatedLogits);
  assertTensor(fn, 'sourceLogits', sourceLogits);
  if (translatedLogits.rank !== 2) throw new Error(`${fn}: 'translatedLogits' must be class logits [n, k], got shape [${translatedLogits.shape}]`);
  assertSameShape(fn, 'translatedLogits', translatedLogits, 'sourceLogits', sourceLogits);
  assertOptions(fn, options, ['minConfidence']);
  const minConfidence = options?.minConfidence ?? 0;
  assertNumber(fn, 'minConfidence', minConfidence, { min: 0, max: 1 });
  return tf.tidy(() => {
    const source = stopGradient(sourceLogits);
    const k = sourceLogits.shape[1]!;
    // One-hot as int32, then cast: tfjs-backend-wasm 4.22's OneHot ignores a float dtype.
    const targets = tf.cast(tf.oneHot(tf.argMax(source, 1), k), 'float32');
    const nll = tf.neg(logLikelihood(translatedLogits, targets));
    if (minConfidence <= 0) return tf.mean(nll) as tf.Scalar;
    const counted = tf.cast(tf.greaterEqual(tf.max(tf.softmax(source), 1), minConfidence), 'float32');
    return tf.div(tf.sum(tf.mul(nll, counted)), tf.maximum(tf.sum(counted), 1)) as tf.Scalar;
  });
}
