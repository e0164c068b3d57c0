import * as tf from '@tensorflow/tfjs';
import { checkClassLabels, classTargets, logLikelihood } from './internal/classTargets.js';
import type { LabelEncoding } from './internal/classTargets.js';
import { assertNumber, assertOptions, assertSameShape, assertTensor } from './internal/validate.js';

/** A categorical latent code and Q's logits for it. */
export interface CategoricalCode {
  /** The codes G was given: one-hot [n, k], or int32 indices [n] / [n, 1]. */
  codes: tf.Tensor;
  /** Q's logits for the code, [n, k]. */
  logits: tf.Tensor;
}

/** Continuous latent codes and Q's factored Gaussian for them. */
export interface ContinuousCode {
  /** The codes G was given, [n, d]. */
  codes: tf.Tensor;
  /** Q's predicted means μ, [n, d]. */
  mean: tf.Tensor;
  /** Q's predicted log σ, [n, d]. Default: σ = 1 (as the InfoGAN authors' and TF-GAN's MNIST examples). */
  logStd?: tf.Tensor;
}

/** Arguments of {@link mutualInformationPenalty}. */
export interface MutualInformationPenaltyArgs {
  /** The categorical codes, each with Q's logits. */
  categorical?: readonly CategoricalCode[];
  /** The continuous codes with Q's Gaussian. */
  continuous?: ContinuousCode;
  /** λ. Default 1 (Chen et al. 2016 use λ = 1 for discrete codes; TF-GAN's default weight). */
  weight?: number;
  /**
   * How the log-likelihoods combine. `'sum'` (default): Σ over codes of the
   * batch mean of log q(c_i | x), each log-density summed over the code's
   * dimensions — the paper's L_I of a factored Q, as the authors' code and
   * gankit's trainers. `'mean'`: TF-GAN's `mutual_information_penalty` — each
   * code's log-probabilities averaged over all their elements (batch and, for
   * the continuous code, dimensions), then averaged over the codes.
   */
  reduction?: 'sum' | 'mean';
}

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * The InfoGAN mutual-information penalty (Chen, Duan, Houthooft, Schulman,
 * Sutskever & Abbeel 2016, "InfoGAN: Interpretable Representation Learning by
 * Information Maximizing Generative Adversarial Nets", §5), as TF-GAN's
 * `mutual_information_penalty`. The variational lower bound
 * L_I = E[log Q(c | G(z, c))] + H(c) ≤ I(c; G(z, c)) is maximized by G and Q;
 * H(c) is a constant, so the penalty, added to both losses, is
 *
 *   −λ · Σ_i E_n[log q(c_i | x)],
 *
 * with, for a categorical code, log q = log softmax(logits) at the code (the
 * negated softmax cross-entropy), and for the continuous codes the factored
 * Gaussian log-density Σ_j [−½((c_j − μ_j)/σ_j)² − log σ_j − ½ log 2π]
 * (σ = 1 when `logStd` is absent). `reduction: 'mean'` averages instead, as
 * TF-GAN does (see {@link MutualInformationPenaltyArgs}).
 *
 * @param args - `categorical` and/or `continuous` codes with Q's outputs, `weight` (1), `reduction` ('sum').
 * @returns the penalty, a scalar.
 *
 * @example
 * ```ts
 * const [score, catLogits, contMean] = d.apply(g.apply([z, catCode, contCode])) as tf.Tensor[];
 * const info = mutualInformationPenalty({
 *   categorical: [{ codes: catCode, logits: catLogits }],
 *   continuous: { codes: contCode, mean: contMean },
 * });
 * const gLoss = nonSaturatingLoss().generator(score).add(info);
 * ```
 */
export function mutualInformationPenalty(args: MutualInformationPenaltyArgs): tf.Scalar {
  const fn = 'mutualInformationPenalty';
  assertOptions(fn, args, ['categorical', 'continuous', 'weight', 'reduction']);
  const categorical = args?.categorical ?? [];
  const continuous = args?.continuous;
  const weight = args?.weight ?? 1;
  const reduction = args?.reduction ?? 'sum';
  if (!Array.isArray(categorical)) throw new Error(`${fn}: 'categorical' must be an array of { codes, logits }`);
  const encodings: LabelEncoding[] = categorical.map((term: unknown, i) => {
    if (term === null || typeof term !== 'object') throw new Error(`${fn}: 'categorical[${i}]' must be an object { codes, logits }`);
    const { codes, logits } = term as Partial<CategoricalCode>;
    return checkClassLabels(fn, `categorical[${i}].logits`, logits, `categorical[${i}].codes`, codes);
  });
  if (continuous !== undefined) {
    if (continuous === null || typeof continuous !== 'object') throw new Error(`${fn}: 'continuous' must be an object { codes, mean, logStd? }`);
    assertTensor(fn, 'continuous.codes', continuous.codes);
    assertTensor(fn, 'continuous.mean', continuous.mean);
    if (continuous.codes.rank < 1) throw new Error(`${fn}: 'continuous.codes' must be a batch (rank ≥ 1), got a scalar`);
    assertSameShape(fn, 'continuous.codes', continuous.codes, 'continuous.mean', continuous.mean);
    if (continuous.logStd !== undefined) {
      assertTensor(fn, 'continuous.logStd', continuous.logStd);
      assertSameShape(fn, 'continuous.codes', continuous.codes, 'continuous.logStd', continuous.logStd);
    }
  }
  if (categorical.length === 0 && continuous === undefined) {
    throw new Error(`${fn}: no code given: pass 'categorical' and/or 'continuous'`);
  }
  assertNumber(fn, 'weight', weight, { min: 0 });
  if (reduction !== 'sum' && reduction !== 'mean') throw new Error(`${fn}: 'reduction' must be 'sum' or 'mean', got ${String(reduction)}`);

  return tf.tidy(() => {
    const logProbs: tf.Tensor[] = categorical.map(({ codes, logits }, i) => logLikelihood(logits, classTargets(logits, codes, encodings[i]!)));
    if (continuous !== undefined) {
      const { codes, mean, logStd } = continuous;
      const diff = tf.sub(codes, mean);
      logProbs.push(
        logStd === undefined
          ? tf.sub(tf.mul(-0.5, tf.square(diff)), HALF_LOG_2PI)
          : tf.sub(tf.sub(tf.mul(-0.5, tf.square(tf.mul(diff, tf.exp(tf.neg(logStd))))), logStd), HALF_LOG_2PI),
      );
    }
    const perCode = logProbs.map((lp) => (reduction === 'sum' ? tf.div(tf.sum(lp), lp.shape[0]!) : tf.mean(lp)));
    const total = perCode.length === 1 ? perCode[0]! : tf.addN(perCode);
    const combined = reduction === 'sum' ? total : tf.div(total, perCode.length);
    return tf.mul(-weight, combined) as tf.Scalar;
  });
}
