import * as tf from '@tensorflow/tfjs';
import { checkKeys, checkNumber, optionError, show } from './validate.js';

/** ACGAN's auxiliary classifier (Odena et al. 2017): the weights of its cross-entropy terms. */
export interface AuxiliaryClassifierOptions {
  /** Weight of the class term in the discriminator's loss, CE(real) + φ·CE(fake) (default 1, TF-GAN's `aux_cond_discriminator_weight`). */
  discriminatorWeight?: number;
  /**
   * φ, the weight of the generated samples' cross-entropy inside the
   * discriminator's class term (default 1, Odena et al.'s L_C on real and
   * generated images; 0 trains the class head on real samples only, so it
   * never learns the requested class from the generator's own mistakes).
   * The same weight as `acganDiscriminatorLoss`'s `generatedWeight` in `@gankit/losses`.
   */
  generatedWeight?: number;
  /** Weight of the class term in the generator's loss, CE(fake) (default 1, TF-GAN's `aux_cond_generator_weight`). */
  generatorWeight?: number;
}

/** InfoGAN's structured latent codes (Chen et al. 2016). */
export interface LatentCodesOptions {
  /** One categorical code per entry, with that many categories, each drawn uniformly and fed one-hot (e.g. `[10]` for MNIST's digit class). */
  categorical?: number[];
  /** How many continuous codes, each drawn from U[−1, 1) (default 0). */
  continuous?: number;
  /** λ of the mutual-information term for the categorical codes (default 1, the paper's choice for discrete codes). */
  weight?: number;
  /** λ for the continuous codes (default `weight`); the paper uses a smaller λ for them to keep the term on the GAN loss's scale. */
  continuousWeight?: number;
}

/** The discriminator's extra outputs and the terms they add, after validation. */
export type AuxiliaryHeads =
  | { readonly kind: 'classifier'; readonly numClasses: number; readonly discriminatorWeight: number; readonly generatedWeight: number; readonly generatorWeight: number }
  | { readonly kind: 'codes'; readonly categorical: readonly number[]; readonly continuous: number; readonly weight: number; readonly continuousWeight: number };

/** Validates `auxiliaryClassifier` (true, or its weights). */
export function resolveClassifier(owner: string, value: unknown, numClasses: number): AuxiliaryHeads | undefined {
  if (value === undefined || value === false) return undefined;
  const o = (value === true ? {} : value) as AuxiliaryClassifierOptions;
  if (o == null || typeof o !== 'object') throw optionError(owner, 'auxiliaryClassifier', `must be true or { discriminatorWeight?, generatedWeight?, generatorWeight? }, got ${show(value)}`);
  checkKeys(owner, 'auxiliaryClassifier', o, ['discriminatorWeight', 'generatedWeight', 'generatorWeight']);
  return {
    kind: 'classifier',
    numClasses,
    discriminatorWeight: checkNumber(owner, 'auxiliaryClassifier.discriminatorWeight', o.discriminatorWeight, 1, { min: 0 })!,
    generatedWeight: checkNumber(owner, 'auxiliaryClassifier.generatedWeight', o.generatedWeight, 1, { min: 0 })!,
    generatorWeight: checkNumber(owner, 'auxiliaryClassifier.generatorWeight', o.generatorWeight, 1, { min: 0 })!,
  };
}

/** Validates `latentCodes`. */
export function resolveCodes(owner: string, value: unknown): AuxiliaryHeads | undefined {
  if (value === undefined) return undefined;
  const o = value as LatentCodesOptions;
  if (o == null || typeof o !== 'object') throw optionError(owner, 'latentCodes', `must be { categorical?, continuous?, weight?, continuousWeight? }, got ${show(value)}`);
  checkKeys(owner, 'latentCodes', o, ['categorical', 'continuous', 'weight', 'continuousWeight']);
  const categorical = o.categorical ?? [];
  if (!Array.isArray(categorical) || categorical.some((k) => !Number.isInteger(k) || k < 2)) {
    throw optionError(owner, 'latentCodes.categorical', `must be an array of category counts (integers ≥ 2), got ${show(o.categorical)}`);
  }
  const continuous = o.continuous ?? 0;
  if (!Number.isInteger(continuous) || continuous < 0) throw optionError(owner, 'latentCodes.continuous', `must be an integer ≥ 0, got ${show(o.continuous)}`);
  if (categorical.length === 0 && continuous === 0) throw optionError(owner, 'latentCodes', 'has no code: give categorical and/or continuous codes');
  const weight = checkNumber(owner, 'latentCodes.weight', o.weight, 1, { min: 0 })!;
  return {
    kind: 'codes',
    categorical: [...categorical],
    continuous,
    weight,
    continuousWeight: checkNumber(owner, 'latentCodes.continuousWeight', o.continuousWeight, weight, { min: 0 })!,
  };
}

/** The widths of the discriminator's extra outputs, in order (after the adversarial output). */
export function headWidths(heads: AuxiliaryHeads): number[] {
  return heads.kind === 'classifier' ? [heads.numClasses] : [...heads.categorical, ...(heads.continuous > 0 ? [heads.continuous] : [])];
}

/** How many latent values the codes take: Σ categories + continuous. */
export function codeSize(heads: AuxiliaryHeads): number {
  return heads.kind === 'codes' ? heads.categorical.reduce((a, b) => a + b, 0) + heads.continuous : 0;
}

/** −mean_n Σ_j t[n, j]·log softmax(l[n])_j: softmax cross-entropy of logits [n, k] against one-hot (or soft) targets. Call inside `tf.tidy`. */
export function softmaxCrossEntropy(logits: tf.Tensor, targets: tf.Tensor): tf.Scalar {
  return tf.neg(tf.mean(tf.sum(tf.mul(targets, tf.logSoftmax(logits)), 1))) as tf.Scalar;
}

/**
 * Draws InfoGAN codes for n samples: each categorical code one-hot from a
 * uniform category, the continuous codes from U[−1, 1), concatenated in
 * option order. `uniform(shape)` gives U[0, 1) from the trainer's stream.
 */
export function drawCodes(heads: Extract<AuxiliaryHeads, { kind: 'codes' }>, n: number, uniform: (shape: number[]) => tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const parts = heads.categorical.map((k) => tf.oneHot(tf.cast(tf.minimum(tf.floor(tf.mul(uniform([n]), k)), k - 1), 'int32'), k).toFloat());
    if (heads.continuous > 0) parts.push(tf.sub(tf.mul(uniform([n, heads.continuous]), 2), 1));
    return parts.length === 1 ? parts[0]! : tf.concat(parts, 1);
  });
}

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * InfoGAN's mutual-information term, −λ·L_I with L_I = Σ_i E[log Q(c_i | G(z, c))]
 * (the entropy H(c) is a constant and left out): for each categorical code the
 * softmax cross-entropy of its Q logits against the one-hot code, and for the
 * continuous codes the negative log-density of a factored Gaussian with the
 * predicted means and σ = 1, ½(c − μ)² + ½·log 2π per code, each mean over the batch.
 * Call inside `tf.tidy`.
 */
export function mutualInformationTerm(heads: Extract<AuxiliaryHeads, { kind: 'codes' }>, codes: tf.Tensor, outputs: readonly tf.Tensor[]): tf.Scalar {
  let offset = 0;
  let total: tf.Tensor = tf.scalar(0);
  heads.categorical.forEach((k, i) => {
    const code = tf.slice(codes, [0, offset], [-1, k]);
    total = tf.add(total, tf.mul(heads.weight, softmaxCrossEntropy(outputs[i]!, code)));
    offset += k;
  });
  if (heads.continuous > 0) {
    const code = tf.slice(codes, [0, offset], [-1, heads.continuous]);
    const mean = outputs[heads.categorical.length]!;
    const nll = tf.add(tf.mean(tf.sum(tf.mul(0.5, tf.square(tf.sub(code, mean))), 1)), HALF_LOG_2PI * heads.continuous);
    total = tf.add(total, tf.mul(heads.continuousWeight, nll));
  }
  return total as tf.Scalar;
}
