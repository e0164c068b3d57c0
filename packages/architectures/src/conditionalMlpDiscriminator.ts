import * as tf from '@tensorflow/tfjs';
import { apply } from './internal/apply.js';
import { LABEL_KEYS, resolveConditioning, resolveLabels } from './internal/conditionOptions.js';
import type { Conditioning, LabelOptions } from './internal/conditionOptions.js';
import { encodeLabel, labelInput } from './internal/labels.js';
import { denseOut, denseStack } from './internal/mlp.js';
import { resolveMlpDiscriminator } from './internal/mlpOptions.js';
import { projectionLogit } from './internal/projection.js';
import type { MlpDiscriminatorOptions } from './mlpDiscriminator.js';

/** Options of {@link conditionalMlpDiscriminator}: those of `mlpDiscriminator` plus the label's. */
export interface ConditionalMlpDiscriminatorOptions extends MlpDiscriminatorOptions, LabelOptions {
  /**
   * `'concat'`: the label code is concatenated to x (Mirza & Osindero).
   * `'projection'`: logit = ψ(φ(x)) + ⟨embed(y), φ(x)⟩, φ the last hidden
   * layer (Miyato & Koyama). Default `'concat'`.
   */
  conditioning?: Conditioning;
}

/**
 * Builds a class-conditional MLP discriminator, conditioned by
 * concatenation or by projection:
 *
 *   concat:      logit = D([x, code(y)])
 *   projection:  logit = ψ(φ(x)) + ⟨embed(y), φ(x)⟩
 *
 * Inputs: `[x, label]`, label the class index of shape [batch, 1].
 * `wrapLayer` sees every dense layer, not the projection embedding.
 *
 * Parameter counts (defaults: input 2, 3 × 128, 10 classes): concat 34,917
 * (100 of them the frozen one-hot table); projection 34,817.
 *
 * Papers: Mirza & Osindero, "Conditional Generative Adversarial Nets", 2014;
 * Miyato & Koyama, "cGANs with Projection Discriminator", ICLR 2018.
 *
 * @param options - every `mlpDiscriminator` option, plus numClasses, conditioning, labelEncoding, embeddingDim.
 * @returns a `tf.LayersModel` from [x, label] to [batch, 1] logits.
 * @throws if an option is out of range, before any weights exist.
 *
 * @example
 * ```ts
 * import { conditionalMlpDiscriminator } from '@gankit/architectures';
 * const d = conditionalMlpDiscriminator({ numClasses: 8, conditioning: 'projection' });
 * ```
 */
export function conditionalMlpDiscriminator(options?: ConditionalMlpDiscriminatorOptions): tf.LayersModel {
  const builder = 'conditionalMlpDiscriminator';
  const r = resolveMlpDiscriminator(builder, options, [...LABEL_KEYS, 'conditioning']);
  const labels = resolveLabels(builder, r.o);
  const conditioning = resolveConditioning(builder, r.o.conditioning);
  const x = tf.input({ shape: [r.inputDim] });
  const label = labelInput();
  if (conditioning === 'projection') {
    const features = denseStack(x, { builder, ...r, batchNorm: false });
    const logit = projectionLogit(builder, features, label, labels.numClasses, r.init.glorot(), r.init.glorot(), r.wrap);
    return tf.model({ inputs: [x, label], outputs: logit });
  }
  const code = encodeLabel(label, labels.numClasses, labels.encoding, labels.embeddingDim, r.init);
  const h = denseStack(apply(tf.layers.concatenate({ axis: -1 }), [x, code]), { builder, ...r, batchNorm: false });
  return tf.model({ inputs: [x, label], outputs: denseOut(builder, h, 1, r.init, 'linear', r.wrap) });
}
