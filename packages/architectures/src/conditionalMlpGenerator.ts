import * as tf from '@tensorflow/tfjs';
import { apply } from './internal/apply.js';
import { LABEL_KEYS, resolveLabels } from './internal/conditionOptions.js';
import type { LabelOptions } from './internal/conditionOptions.js';
import { encodeLabel, labelInput } from './internal/labels.js';
import { denseOut, denseStack } from './internal/mlp.js';
import { resolveMlpGenerator } from './internal/mlpOptions.js';
import type { MlpGeneratorOptions } from './mlpGenerator.js';

/** Options of {@link conditionalMlpGenerator}: those of `mlpGenerator` plus the label's. */
export type ConditionalMlpGeneratorOptions = MlpGeneratorOptions & LabelOptions;

/**
 * Builds a class-conditional MLP generator: the label code (one-hot or a
 * learned embedding) is concatenated to z before the {@link mlpGenerator}
 * network.
 *
 * Inputs: `[z, label]`, label the class index of shape [batch, 1].
 *
 * Parameter count (defaults: latent 2, 3 × 128, output 2, 10 classes,
 * one-hot): 35,046 (100 of them the frozen one-hot table).
 *
 * Paper: Mirza & Osindero, "Conditional Generative Adversarial Nets", 2014.
 *
 * @param options - every `mlpGenerator` option, plus numClasses, labelEncoding, embeddingDim.
 * @returns a `tf.LayersModel` from [z, label] to [batch, outputDim].
 * @throws if an option is out of range, before any weights exist.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs';
 * import { conditionalMlpGenerator } from '@gankit/architectures';
 * const g = conditionalMlpGenerator({ numClasses: 8, labelEncoding: 'embedding' });
 * const x = g.predict([tf.randomNormal([4, 2]), tf.tensor2d([[0], [1], [2], [3]])]) as tf.Tensor2D;
 * ```
 */
export function conditionalMlpGenerator(options?: ConditionalMlpGeneratorOptions): tf.LayersModel {
  const builder = 'conditionalMlpGenerator';
  const r = resolveMlpGenerator(builder, options, LABEL_KEYS);
  const labels = resolveLabels(builder, r.o);
  const z = tf.input({ shape: [r.latentDim] });
  const label = labelInput();
  const code = encodeLabel(label, labels.numClasses, labels.encoding, labels.embeddingDim, r.init);
  const h = denseStack(apply(tf.layers.concatenate({ axis: -1 }), [z, code]), { builder, ...r });
  return tf.model({ inputs: [z, label], outputs: denseOut(builder, h, r.outputDim, r.init, r.outputActivation) });
}
