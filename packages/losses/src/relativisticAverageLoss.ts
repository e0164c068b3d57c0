import type { AdversarialLoss } from './adversarialLoss.js';
import { binaryCrossEntropyWithLogits } from './internal/binaryCrossEntropy.js';
import { relativisticAverage } from './internal/relativisticAverage.js';

/**
 * The relativistic average standard GAN loss, RaSGAN (Jolicoeur-Martineau
 * 2018, "The relativistic discriminator: a key element missing from standard
 * GAN", §4.3), on raw critic outputs C. D estimates the probability that a
 * real sample is more realistic than the average fake,
 * D̄(x_r) = σ(C(x_r) − E_f C(x_f)), and a fake than the average real:
 *
 * - discriminator: E_r[softplus(−(C(x_r) − E_f C(x_f)))] + E_f[softplus(C(x_f) − E_r C(x_r))]
 * - generator (real and fake swapped): E_f[softplus(−(C(x_f) − E_r C(x_r)))] + E_r[softplus(C(x_r) − E_f C(x_f))]
 *
 * i.e. −E log D̄(x_r) − E log(1 − D̄(x_f)) and its mirror, in the softplus
 * form (log σ(l) = −softplus(−l)) that stays finite and exact for any logit.
 * The generator's loss depends on real data too, so it also raises D's
 * outputs on fakes by lowering them on reals — the paper's argument for why
 * the standard GAN is missing this. The two terms are summed, as in the paper
 * and TF-GAN's `relativistic_generator_loss` / `relativistic_discriminator_loss`
 * (the authors' training script divides the sum by 2, which only rescales the
 * gradient).
 *
 * `generator(fakeLogits, realLogits)` declares both parameters, so gankit's
 * trainers (which pass real logits when `loss.generator.length >= 2`) supply
 * them; calling it without `realLogits` throws.
 *
 * @returns an {@link AdversarialLoss} named `'relativistic-average'`.
 *
 * @example
 * ```ts
 * const loss = relativisticAverageLoss();
 * const realLogits = d.apply(real) as tf.Tensor;
 * const fakeLogits = d.apply(g.apply(z)) as tf.Tensor;
 * const dLoss = loss.discriminator(realLogits, fakeLogits);
 * const gLoss = loss.generator(fakeLogits, realLogits);
 * ```
 */
export function relativisticAverageLoss(): AdversarialLoss {
  // −log σ(d) = softplus(−d) for the side judged more real, −log(1 − σ(d)) = softplus(d) for the other.
  return relativisticAverage('relativisticAverageLoss', 'relativistic-average', (d, side) => binaryCrossEntropyWithLogits(d, side === 'above' ? 1 : 0));
}
