import * as tf from '@tensorflow/tfjs';
import { dcganFeatures, denseHead } from './internal/dcgan.js';
import { resolveDcganDiscriminator } from './internal/dcganOptions.js';
import { requiredIntOption } from './internal/validate.js';
import type { DcganDiscriminatorOptions } from './dcganDiscriminator.js';

/** Options of {@link acganDiscriminator}: those of `dcganDiscriminator` plus `numClasses`. */
export interface AcganDiscriminatorOptions extends DcganDiscriminatorOptions {
  /** Classes of the auxiliary classifier; labels are class indices 0…numClasses−1. Required, an integer ≥ 2. */
  numClasses: number;
}

/**
 * Builds the AC-GAN discriminator: the DCGAN discriminator's convolutional
 * body φ(x), shared by two dense heads on the flattened features,
 *
 *   adversarial(x) = ψ(φ(x))          [batch, 1]           (real vs fake logit)
 *   classLogits(x) = W_c φ(x) + b_c   [batch, numClasses]  (class logits)
 *
 * The input is the image alone: unlike the conditional discriminators, AC-GAN
 * does not show D the label; D predicts it. With L_S the adversarial loss on
 * the first output and L_C the softmax cross-entropy of the second against the
 * labels (the true ones for real images, the generator's for fakes), D
 * minimizes L_S + L_C and G minimizes its own adversarial loss + L_C. Both
 * heads are logits (no sigmoid or softmax: losses take logits).
 *
 * Outputs, in this order (trainers may rely on it; `model.outputNames`):
 * 1. `'adversarial'` — [batch, 1], the same head as `dcganDiscriminator`'s logit;
 * 2. `'class_logits'` — [batch, numClasses].
 * `wrapLayer` sees the convs, then the adversarial dense, then the class
 * dense; if it returns other layers, the outputs carry their names instead
 * (the order stays). With the same seed and options, the body and the
 * adversarial head get the weights `dcganDiscriminator` would.
 *
 * Parameter counts (filters 64, kernel 5, normalization none, 28 × 28 × 1):
 * 275,595 with 10 classes (212,865 of `dcganDiscriminator` + 62,730 for the class head).
 *
 * Paper: Odena, Olah & Shlens, "Conditional Image Synthesis with Auxiliary
 * Classifier GANs", ICML 2017.
 *
 * @param options - `numClasses` (required) and every `dcganDiscriminator` option: imageSize, channels, filters, kernelSize, normalization, wrapLayer, seed.
 * @returns a `tf.LayersModel` from [batch, imageSize, imageSize, channels] to `[adversarial [batch, 1], classLogits [batch, numClasses]]`.
 * @throws if an option is out of range or `numClasses` is missing, naming the option, before any weights exist.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { acganDiscriminator } from '@gankit/architectures';
 * const d = acganDiscriminator({ numClasses: 10 });
 * const [adversarial, classLogits] = d.apply(images, { training: true }) as tf.Tensor2D[];
 * const classLoss = tf.losses.softmaxCrossEntropy(tf.oneHot(labels, 10), classLogits);
 * ```
 */
export function acganDiscriminator(options: AcganDiscriminatorOptions): tf.LayersModel {
  const builder = 'acganDiscriminator';
  const { o, plan, imageSize, channels } = resolveDcganDiscriminator(builder, options, ['numClasses']);
  const numClasses = requiredIntOption(builder, 'numClasses', o.numClasses, 2);
  const x = tf.input({ shape: [imageSize, imageSize, channels] });
  const features = dcganFeatures(x, plan);
  const adversarial = denseHead(builder, features, 1, plan.init, plan.wrap, 'adversarial');
  const classLogits = denseHead(builder, features, numClasses, plan.init, plan.wrap, 'class_logits');
  return tf.model({ inputs: x, outputs: [adversarial, classLogits] });
}
