import * as tf from '@tensorflow/tfjs';
import { checkClassLabels, classTargets, logLikelihood } from './internal/classTargets.js';
import { assertNumber, assertOptions } from './internal/validate.js';

/** Options of {@link acganGeneratorLoss}: TF-GAN's `weights` (a scalar). */
export interface AcganGeneratorLossOptions {
  /** Weight of the term. Default 1. */
  weight?: number;
}

/**
 * The generator's auxiliary-classifier term of ACGAN (Odena, Olah & Shlens
 * 2017, "Conditional Image Synthesis with Auxiliary Classifier GANs", §3:
 * G too maximizes the class log-likelihood L_C), as TF-GAN's
 * `acgan_generator_loss`: D's class head should recognize each fake as the
 * class it was generated for,
 *
 *   L = w·CE(l_fake, y),  CE(l, y) = −E_n[Σ_j y_j·log softmax(l)_j],
 *
 * softmax cross-entropy with logits, averaged over the batch (and over every
 * further position for patch outputs). Add it to G's adversarial loss; the
 * discriminator's counterpart is {@link acganDiscriminatorLoss}.
 *
 * @param fakeClassLogits - D's class logits on the fakes, [n, k] (or [n, …, k]).
 * @param labels - the classes the fakes were generated for: one-hot of the logits' shape, or int32 indices [n] / [n, 1].
 * @param options - `weight` (1).
 * @returns the loss, a scalar.
 *
 * @example
 * ```ts
 * const [fakeScore, fakeClass] = d.apply(g.apply([z, oneHotLabels])) as tf.Tensor[];
 * const gLoss = nonSaturatingLoss().generator(fakeScore).add(acganGeneratorLoss(fakeClass, labels));
 * ```
 */
export function acganGeneratorLoss(fakeClassLogits: tf.Tensor, labels: tf.Tensor, options?: AcganGeneratorLossOptions): tf.Scalar {
  const fn = 'acganGeneratorLoss';
  const encoding = checkClassLabels(fn, 'fakeClassLogits', fakeClassLogits, 'labels', labels);
  assertOptions(fn, options, ['weight']);
  const weight = options?.weight ?? 1;
  assertNumber(fn, 'weight', weight, { min: 0 });
  return tf.tidy(() => {
    const targets = classTargets(fakeClassLogits, labels, encoding);
    return tf.mul(weight, tf.neg(tf.mean(logLikelihood(fakeClassLogits, targets)))) as tf.Scalar;
  });
}
