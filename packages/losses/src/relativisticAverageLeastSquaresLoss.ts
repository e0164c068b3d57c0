import * as tf from '@tensorflow/tfjs';
import type { AdversarialLoss } from './adversarialLoss.js';
import { checkRelativisticLogits, relativisticDifferences } from './internal/relativisticLogits.js';

/** E[(d − target)²] over every element. */
const meanSquaredFrom = (d: tf.Tensor, target: number): tf.Tensor => tf.mean(tf.square(tf.sub(d, target)));

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
  const fn = 'relativisticAverageLeastSquaresLoss';
  return {
    name: 'relativistic-average-least-squares',
    discriminator(realLogits, fakeLogits) {
      const { real, fake } = checkRelativisticLogits(`${fn}.discriminator`, realLogits, fakeLogits);
      return tf.tidy(() => {
        const { realVsFake, fakeVsReal } = relativisticDifferences(real, fake);
        return tf.add(meanSquaredFrom(realVsFake, 1), meanSquaredFrom(fakeVsReal, -1)) as tf.Scalar;
      });
    },
    generator(fakeLogits, realLogits) {
      const { real, fake } = checkRelativisticLogits(`${fn}.generator`, realLogits, fakeLogits);
      return tf.tidy(() => {
        const { realVsFake, fakeVsReal } = relativisticDifferences(real, fake);
        return tf.add(meanSquaredFrom(fakeVsReal, 1), meanSquaredFrom(realVsFake, -1)) as tf.Scalar;
      });
    },
  };
}
