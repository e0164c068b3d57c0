import * as tf from '@tensorflow/tfjs';
import { checkClassLabels, classTargets, logLikelihood } from './internal/classTargets.js';
import { assertNumber, assertOptions, assertSameShape, assertTensor } from './internal/validate.js';

/** Options of {@link acganDiscriminatorLoss}: TF-GAN's `label_smoothing`, `real_weights` and `generated_weights` (scalars). */
export interface AcganDiscriminatorLossOptions {
  /**
   * Smoothing of the targets of the real term only: y ← (1 − s)·y + s/k for k
   * classes, as TF-GAN (`tf.losses.softmax_cross_entropy`'s label smoothing,
   * after Goodfellow 2016, "NIPS 2016 Tutorial: Generative Adversarial
   * Networks"). Default 0.
   */
  labelSmoothing?: number;
  /** Weight of the real term. Default 1. */
  realWeight?: number;
  /** Weight of the generated (fake) term. Default 1. */
  generatedWeight?: number;
}

/**
 * The discriminator's auxiliary-classifier term of ACGAN (Odena, Olah &
 * Shlens 2017, "Conditional Image Synthesis with Auxiliary Classifier GANs",
 * §3: D maximizes the class log-likelihood L_C), as TF-GAN's
 * `acgan_discriminator_loss`: D's class head should name the class of real
 * samples and of the fakes generated for that class,
 *
 *   L = w_r·CE(l_real, ỹ) + w_g·CE(l_fake, y),
 *   CE(l, y) = −E_n[Σ_j y_j·log softmax(l)_j],  ỹ = (1 − s)·y + s/k,
 *
 * softmax cross-entropy with logits (log-softmax subtracts the maximum logit,
 * so any logits are exact), averaged over the batch — and over every further
 * position for patch outputs [n, h, w, k]. Add it to D's adversarial loss; the
 * generator's counterpart is {@link acganGeneratorLoss}.
 *
 * @param realClassLogits - D's class logits on real data, [n, k] (or [n, …, k]).
 * @param fakeClassLogits - D's class logits on the fakes generated for `labels`, the same shape.
 * @param labels - the classes: one-hot (or probability rows) of the logits' shape, or int32 indices [n] / [n, 1].
 * @param options - `labelSmoothing` (0), `realWeight` (1), `generatedWeight` (1).
 * @returns the loss, a scalar.
 *
 * @example
 * ```ts
 * const [realScore, realClass] = d.apply(real) as tf.Tensor[];
 * const [fakeScore, fakeClass] = d.apply(g.apply([z, oneHotLabels])) as tf.Tensor[];
 * const dLoss = nonSaturatingLoss().discriminator(realScore, fakeScore)
 *   .add(acganDiscriminatorLoss(realClass, fakeClass, labels));
 * ```
 */
export function acganDiscriminatorLoss(
  realClassLogits: tf.Tensor,
  fakeClassLogits: tf.Tensor,
  labels: tf.Tensor,
  options?: AcganDiscriminatorLossOptions,
): tf.Scalar {
  const fn = 'acganDiscriminatorLoss';
  const encoding = checkClassLabels(fn, 'realClassLogits', realClassLogits, 'labels', labels);
  assertTensor(fn, 'fakeClassLogits', fakeClassLogits);
  assertSameShape(fn, 'realClassLogits', realClassLogits, 'fakeClassLogits', fakeClassLogits);
  assertOptions(fn, options, ['labelSmoothing', 'realWeight', 'generatedWeight']);
  const smoothing = options?.labelSmoothing ?? 0;
  const realWeight = options?.realWeight ?? 1;
  const generatedWeight = options?.generatedWeight ?? 1;
  assertNumber(fn, 'labelSmoothing', smoothing, { min: 0, max: 1 });
  assertNumber(fn, 'realWeight', realWeight, { min: 0 });
  assertNumber(fn, 'generatedWeight', generatedWeight, { min: 0 });
  return tf.tidy(() => {
    const k = realClassLogits.shape[realClassLogits.rank - 1]!;
    const targets = classTargets(realClassLogits, labels, encoding);
    const smoothed = smoothing === 0 ? targets : tf.add(tf.mul(targets, 1 - smoothing), smoothing / k);
    const realTerm = tf.neg(tf.mean(logLikelihood(realClassLogits, smoothed)));
    const fakeTerm = tf.neg(tf.mean(logLikelihood(fakeClassLogits, targets)));
    return tf.add(tf.mul(realWeight, realTerm), tf.mul(generatedWeight, fakeTerm)) as tf.Scalar;
  });
}
