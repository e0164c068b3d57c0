import * as tf from '@tensorflow/tfjs';
import { dcganFeatures, denseHead } from './internal/dcgan.js';
import { resolveDcganDiscriminator } from './internal/dcganOptions.js';
import { requiredIntOption } from './internal/validate.js';
import type { DcganDiscriminatorOptions } from './dcganDiscriminator.js';

/** Options of {@link dcganClassifier}: those of `dcganDiscriminator` plus `numClasses`. */
export interface DcganClassifierOptions extends DcganDiscriminatorOptions {
  /** Classes; the output is one logit per class. Required, an integer ≥ 2. */
  numClasses: number;
}

/**
 * Builds an image classifier with the DCGAN discriminator's convolutional
 * body φ(x) and one dense head of class logits,
 *
 *   logits(x) = W φ(x) + b   [batch, numClasses],
 *
 * the task network CyCADA's semantic-consistency term needs (Hoffman et al.
 * 2018: a classifier f_S trained on the labelled source domain, then frozen;
 * see `CycleGanTrainer`'s `semanticConsistency` in `@gankit/trainers`). It is
 * `acganDiscriminator` without the adversarial head: with the same seed and
 * options its body gets the same weights. Logits, no softmax (losses take
 * logits). Train it as any `tf.LayersModel`, e.g. `model.fit` with
 * `tf.losses.softmaxCrossEntropy`.
 *
 * Parameter counts (28 × 28 × 1, kernel 5, normalization none, 10 classes):
 * 269,322 with filters 64 (`acganDiscriminator` less its 6,273-weight adversarial head); 83,466 with filters 32.
 *
 * @param options - `numClasses` (required) and every `dcganDiscriminator` option: imageSize, channels, filters, kernelSize, normalization, wrapLayer, seed.
 * @returns a `tf.LayersModel` from [batch, imageSize, imageSize, channels] to class logits [batch, numClasses] (output `'class_logits'`).
 * @throws if an option is out of range or `numClasses` is missing, naming the option, before any weights exist.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { dcganClassifier } from '@gankit/architectures';
 * const f = dcganClassifier({ imageSize: 28, channels: 3, numClasses: 10, filters: 32 });
 * f.compile({ optimizer: tf.train.adam(1e-3), loss: (y, l) => tf.losses.softmaxCrossEntropy(y, l) });
 * await f.fit(images, oneHotLabels, { epochs: 1, batchSize: 64 });
 * ```
 */
export function dcganClassifier(options: DcganClassifierOptions): tf.LayersModel {
  const builder = 'dcganClassifier';
  const { o, plan, imageSize, channels } = resolveDcganDiscriminator(builder, options, ['numClasses']);
  const numClasses = requiredIntOption(builder, 'numClasses', o.numClasses, 2);
  const x = tf.input({ shape: [imageSize, imageSize, channels] });
  const logits = denseHead(builder, dcganFeatures(x, plan), numClasses, plan.init, plan.wrap, 'class_logits');
  return tf.model({ inputs: x, outputs: logits });
}
