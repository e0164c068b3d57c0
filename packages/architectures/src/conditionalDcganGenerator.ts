import * as tf from '@tensorflow/tfjs';
import { apply } from './internal/apply.js';
import { LABEL_KEYS, resolveLabels } from './internal/conditionOptions.js';
import type { LabelOptions } from './internal/conditionOptions.js';
import { dcganGeneratorBody } from './internal/dcgan.js';
import { resolveDcganGenerator } from './internal/dcganOptions.js';
import { encodeLabel, labelInput } from './internal/labels.js';
import type { DcganGeneratorOptions } from './dcganGenerator.js';

/** Options of {@link conditionalDcganGenerator}: those of `dcganGenerator` plus the label's. */
export type ConditionalDcganGeneratorOptions = DcganGeneratorOptions & LabelOptions;

/**
 * Builds a class-conditional DCGAN generator: the label's code (one-hot or a
 * learned embedding) is concatenated to z, and the result goes through the
 * {@link dcganGenerator} network.
 *
 * Inputs: `[z, label]`, z of shape [batch, latentDim] and label the class
 * index, shape [batch, 1] (float or int; values 0…numClasses−1).
 *
 * Parameter counts (defaults: 28 × 28 × 1, latent 100, 10 classes, one-hot):
 * 897,189 (of which 100 are the frozen one-hot table; the same with a
 * learned embedding of the default size).
 *
 * Papers: Mirza & Osindero, "Conditional Generative Adversarial Nets", 2014;
 * Radford, Metz & Chintala, ICLR 2016 (the network).
 *
 * @param options - every `dcganGenerator` option, plus numClasses, labelEncoding, embeddingDim.
 * @returns a `tf.LayersModel` from [z, label] to [batch, imageSize, imageSize, channels] in [−1, 1].
 * @throws if an option is out of range, before any weights exist.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { conditionalDcganGenerator } from '@gankit/architectures';
 * const g = conditionalDcganGenerator({ numClasses: 10 });
 * const sevens = g.predict([tf.randomNormal([8, 100]), tf.fill([8, 1], 7)]) as tf.Tensor4D;
 * ```
 */
export function conditionalDcganGenerator(options?: ConditionalDcganGeneratorOptions): tf.LayersModel {
  const builder = 'conditionalDcganGenerator';
  const { o, plan, latentDim } = resolveDcganGenerator(builder, options, LABEL_KEYS);
  const labels = resolveLabels(builder, o);
  const z = tf.input({ shape: [latentDim] });
  const label = labelInput();
  const code = encodeLabel(label, labels.numClasses, labels.encoding, labels.embeddingDim, plan.init);
  const joined = apply(tf.layers.concatenate({ axis: -1 }), [z, code]);
  return tf.model({ inputs: [z, label], outputs: dcganGeneratorBody(joined, plan) });
}
