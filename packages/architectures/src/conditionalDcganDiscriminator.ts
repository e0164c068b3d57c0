import * as tf from '@tensorflow/tfjs';
import { apply } from './internal/apply.js';
import { LABEL_KEYS, resolveConditioning, resolveLabels } from './internal/conditionOptions.js';
import type { Conditioning, LabelOptions } from './internal/conditionOptions.js';
import { dcganFeatures, dcganLogit } from './internal/dcgan.js';
import { resolveDcganDiscriminator } from './internal/dcganOptions.js';
import { encodeLabel, labelInput, labelMaps } from './internal/labels.js';
import { projectionLogit } from './internal/projection.js';
import type { DcganDiscriminatorOptions } from './dcganDiscriminator.js';

/** Options of {@link conditionalDcganDiscriminator}: those of `dcganDiscriminator` plus the label's. */
export interface ConditionalDcganDiscriminatorOptions extends DcganDiscriminatorOptions, LabelOptions {
  /**
   * `'concat'`: the label code is tiled into label maps and concatenated to
   * the image channels (cGAN, Mirza & Osindero). `'projection'`: the logit
   * gets ⟨embed(y), φ(x)⟩ added, φ(x) the flattened conv features (Miyato &
   * Koyama 2018). Default `'concat'`.
   */
  conditioning?: Conditioning;
}

/**
 * Builds a class-conditional DCGAN discriminator, conditioned by label-map
 * concatenation or by projection:
 *
 *   concat:      logit = D([x, tile(code(y))])
 *   projection:  logit = ψ(φ(x)) + ⟨embed(y), φ(x)⟩
 *
 * Inputs: `[x, label]`, x of shape [batch, imageSize, imageSize, channels]
 * and label the class index, shape [batch, 1]. The learned embeddings train
 * on wasm with `@gankit/backend` (which adds the `UnsortedSegmentSum` kernel
 * their gradient needs). `wrapLayer` sees every dense and conv layer, not the
 * projection embedding.
 *
 * Parameter counts (defaults: 28 × 28 × 1, filters 64, 10 classes):
 * concat 228,965 (100 of them the frozen one-hot table); projection 275,585.
 *
 * Papers: Mirza & Osindero, "Conditional Generative Adversarial Nets", 2014;
 * Miyato & Koyama, "cGANs with Projection Discriminator", ICLR 2018.
 *
 * @param options - every `dcganDiscriminator` option, plus numClasses, conditioning, labelEncoding, embeddingDim.
 * @returns a `tf.LayersModel` from [x, label] to [batch, 1] logits.
 * @throws if an option is out of range, before any weights exist.
 *
 * @example
 * ```ts
 * import { conditionalDcganDiscriminator } from '@gankit/architectures';
 * const d = conditionalDcganDiscriminator({ conditioning: 'projection' });
 * const logits = d.predict([images, labels]) as tf.Tensor2D; // labels: [batch, 1] class indices
 * ```
 */
export function conditionalDcganDiscriminator(options?: ConditionalDcganDiscriminatorOptions): tf.LayersModel {
  const builder = 'conditionalDcganDiscriminator';
  const { o, plan, imageSize, channels } = resolveDcganDiscriminator(builder, options, [...LABEL_KEYS, 'conditioning']);
  const labels = resolveLabels(builder, o);
  const conditioning = resolveConditioning(builder, o.conditioning);
  const x = tf.input({ shape: [imageSize, imageSize, channels] });
  const label = labelInput();
  if (conditioning === 'projection') {
    const features = dcganFeatures(x, plan);
    const logit = projectionLogit(builder, features, label, labels.numClasses, plan.init.normal(), plan.init.normal(), plan.wrap);
    return tf.model({ inputs: [x, label], outputs: logit });
  }
  const code = encodeLabel(label, labels.numClasses, labels.encoding, labels.embeddingDim, plan.init);
  const joined = apply(tf.layers.concatenate({ axis: -1 }), [x, labelMaps(code, imageSize, imageSize)]);
  return tf.model({ inputs: [x, label], outputs: dcganLogit(builder, dcganFeatures(joined, plan), plan.init, plan.wrap) });
}
