import * as tf from '@tensorflow/tfjs';
import type { AdversarialLoss } from './adversarialLoss.js';
import { relativisticAverage } from './internal/relativisticAverage.js';

/**
 * The relativistic average least-squares GAN loss, RaLSGAN
 * (Jolicoeur-Martineau 2018, "The relativistic discriminator: a key element
 * missing from standard GAN", §4.3), on raw critic outputs C. Least squares
 * on the relativistic differences instead of the scores themselves:
 *
 * - discriminator: E_r[(C(x_r) − E_f C(x_f) − 1)²] + E_f[(C(x_f) − E_r C(x_r) + 1)²]
 * - generator (real and fake swapped): E_f[(C(x_f) − E_r C(x_r) − 1)²] + E_r[(C(x_r) − E_f C(x_f) + 1)²]
 *
 * D pushes reals one unit above the average fake and fakes one unit below the
 * average real; G asks for the reverse. The two terms are summed without the
 * ½ of {@link leastSquaresLoss}, as in the paper and in the authors' README
 * (their training script halves the sum, which only rescales the gradient);
 * this matches the convention of {@link relativisticAverageLoss}.
 *
 * `generator(fakeLogits, realLogits)` declares both parameters, so gankit's
 * trainers (which pass real logits when `loss.generator.length >= 2`) supply
 * them; calling it without `realLogits` throws.
 *
 * @returns an {@link AdversarialLoss} named `'relativistic-average-least-squares'`.
 *
 * @example
 * ```ts
 * const loss = relativisticAverageLeastSquaresLoss();
 * const realScores = d.apply(real) as tf.Tensor;
 * const fakeScores = d.apply(g.apply(z)) as tf.Tensor;
 * const dLoss = loss.discriminator(realScores, fakeScores);
 * const gLoss = loss.generator(fakeScores, realScores);
 * ```
 */
export function relativisticAverageLeastSquaresLoss(): AdversarialLoss {
  // E[(d − 1)²] for the side judged more real, E[(d + 1)²] for the other.
  return relativisticAverage('relativisticAverageLeastSquaresLoss', 'relativistic-average-least-squares', (d, side) =>
    tf.mean(tf.square(tf.sub(d, side === 'above' ? 1 : -1))),
  );
}
